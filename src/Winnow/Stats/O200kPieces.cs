using System.Globalization;

namespace Winnow.Stats;

/// <summary>
/// Cuts text where o200k_base's pre-tokenizer cuts it, without a regex: the encoding's pattern is
/// <c>[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?
/// | [^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:…)? | \p{N}{1,3}
/// | ' '?[^\s\p{L}\p{N}]+[\r\n/]* | \s*[\r\n]+ | \s+(?!\S) | \s+</c>, and each alternative below finds
/// the end the backtracking .NET matcher finds. Like that matcher it classifies UTF-16 code units
/// (a surrogate is neither letter nor digit), with the runtime's own Unicode tables.
/// </summary>
/// <remarks>
/// Where the pattern's case-insensitive contractions could meet a non-ASCII letter (.NET's case
/// equivalences go beyond ASCII) and where a special token could start (<c>&lt;|</c>), the splitter
/// gives up and the caller asks the library: a wrong cut would change a count silently.
/// </remarks>
internal static class O200kPieces
{
    private const byte Upper = 1;   // [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]
    private const byte Lower = 2;   // [\p{Ll}\p{Lm}\p{Lo}\p{M}]
    private const byte Letter = 4;  // \p{L}
    private const byte Digit = 8;   // \p{N}
    private const byte Space = 16;  // \s
    private const byte LineEnd = 32; // [\r\n]

    private static readonly byte[] Classes = BuildClasses();

    /// <summary>
    /// Calls <paramref name="piece"/> with each piece's start and length, in order; false (having
    /// reported only a prefix) when the text holds something the splitter leaves to the library.
    /// </summary>
    public static bool Split<TSink>(ReadOnlySpan<char> text, ref TSink piece)
        where TSink : struct, IPieceSink
    {
        if (text.IndexOf("<|", StringComparison.Ordinal) >= 0)
        {
            return false;
        }

        var classes = Classes;
        var start = 0;
        while (start < text.Length)
        {
            var end = Match(text, start, classes);
            if (end <= start)
            {
                return false;
            }

            piece.Add(start, end - start);
            start = end;
        }

        return true;
    }

    // The end of the pattern's match at start, or -1 where the splitter does not decide.
    private static int Match(ReadOnlySpan<char> text, int start, byte[] classes)
    {
        var first = classes[text[start]];
        var prefix = IsPrefix(first);

        // Alternative 1: optional prefix, upper-ish letters, then at least one lower-ish one.
        var end = prefix ? UpperThenLower(text, start + 1, classes) : -1;
        if (end < 0)
        {
            end = UpperThenLower(text, start, classes);
        }

        if (end >= 0)
        {
            return Contraction(text, end);
        }

        // Alternative 2: optional prefix, at least one upper-ish letter, then lower-ish ones.
        if (prefix && start + 1 < text.Length && (classes[text[start + 1]] & Upper) != 0)
        {
            return Contraction(text, Run(text, Run(text, start + 1, Upper, classes), Lower, classes));
        }

        if ((first & Upper) != 0)
        {
            return Contraction(text, Run(text, Run(text, start, Upper, classes), Lower, classes));
        }

        // Alternative 3: one to three digits.
        if ((first & Digit) != 0)
        {
            var digits = start + 1;
            while (digits < text.Length && digits < start + 3 && (classes[text[digits]] & Digit) != 0)
            {
                digits++;
            }

            return digits;
        }

        // Alternative 4: an optional space, then symbols, then line ends and slashes.
        var symbols = text[start] == ' ' && start + 1 < text.Length && IsSymbol(classes[text[start + 1]]) ? start + 1
            : IsSymbol(first) ? start : -1;
        if (symbols >= 0)
        {
            var after = symbols;
            while (after < text.Length && IsSymbol(classes[text[after]]))
            {
                after++;
            }

            while (after < text.Length && text[after] is '\r' or '\n' or '/')
            {
                after++;
            }

            return after;
        }

        if ((first & Space) == 0)
        {
            return -1;
        }

        var spaces = Run(text, start, Space, classes);

        // Alternative 5: spaces up to and including the last line end among them.
        for (var k = spaces - 1; k >= start; k--)
        {
            if ((classes[text[k]] & LineEnd) != 0)
            {
                return k + 1;
            }
        }

        // Alternative 6: spaces not followed by a non-space (all of them at the end of the text,
        // else all but the last); alternative 7: the one space left.
        return spaces == text.Length ? spaces : spaces - start >= 2 ? spaces - 1 : spaces;
    }

    // [upper-ish]*[lower-ish]+ from start, as a backtracking matcher takes it: the longest run of
    // upper-ish letters, given back one by one until a lower-ish letter follows; -1 if none does.
    private static int UpperThenLower(ReadOnlySpan<char> text, int start, byte[] classes)
    {
        if (start >= text.Length)
        {
            return -1;
        }

        var upper = Run(text, start, Upper, classes);
        for (var k = upper; k >= start; k--)
        {
            if (k < text.Length && (classes[text[k]] & Lower) != 0)
            {
                return Run(text, k, Lower, classes);
            }
        }

        return -1;
    }

    // (?i:'s|'t|'re|'ve|'m|'ll|'d)? after a word ending at end; -1 when a non-ASCII character
    // stands where the case-insensitive match would look.
    private static int Contraction(ReadOnlySpan<char> text, int end)
    {
        if (end + 1 >= text.Length || text[end] != '\'')
        {
            return end;
        }

        var next = text[end + 1];
        if (next > 0x7F)
        {
            return -1;
        }

        switch (char.ToLowerInvariant(next))
        {
            case 's' or 't' or 'm' or 'd':
                return end + 2;
            case 'r' or 'v' or 'l':
                if (end + 2 >= text.Length)
                {
                    return end;
                }

                var third = text[end + 2];
                if (third > 0x7F)
                {
                    return -1;
                }

                var wanted = next is 'l' or 'L' ? 'l' : 'e';
                return char.ToLowerInvariant(third) == wanted ? end + 3 : end;
            default:
                return end;
        }
    }

    private static int Run(ReadOnlySpan<char> text, int start, byte mask, byte[] classes)
    {
        var i = start;
        while (i < text.Length && (classes[text[i]] & mask) != 0)
        {
            i++;
        }

        return i;
    }

    // [^\r\n\p{L}\p{N}]
    private static bool IsPrefix(byte c) => (c & (LineEnd | Letter | Digit)) == 0;

    // [^\s\p{L}\p{N}]
    private static bool IsSymbol(byte c) => (c & (Space | Letter | Digit)) == 0;

    private static byte[] BuildClasses()
    {
        var classes = new byte[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var ch = (char)c;
            byte bits = 0;
            switch (char.GetUnicodeCategory(ch))
            {
                case UnicodeCategory.UppercaseLetter or UnicodeCategory.TitlecaseLetter:
                    bits = Upper | Letter;
                    break;
                case UnicodeCategory.LowercaseLetter:
                    bits = Lower | Letter;
                    break;
                case UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter:
                    bits = Upper | Lower | Letter;
                    break;
                case UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark:
                    bits = Upper | Lower;
                    break;
                case UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber:
                    bits = Digit;
                    break;
            }

            if (char.IsWhiteSpace(ch))
            {
                bits |= Space;
            }

            if (ch is '\r' or '\n')
            {
                bits |= LineEnd;
            }

            classes[c] = bits;
        }

        return classes;
    }
}

/// <summary>Receives the pieces <see cref="O200kPieces.Split"/> finds.</summary>
internal interface IPieceSink
{
    void Add(int start, int length);
}
