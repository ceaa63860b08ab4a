using System.Globalization;
using System.Runtime.CompilerServices;

namespace Winnow.Stats;

/// <summary>
/// Splits text into the pieces that o200k_base's byte-pair encoding encodes one by one: the same
/// pieces as the encoding's regular expression (OpenAI's tiktoken pattern, which
/// Microsoft.ML.Tokenizers runs), found by a scan over the text instead of a regex match per piece.
/// </summary>
/// <remarks>
/// The pattern, alternatives tried in order at each position:
/// <code>
/// A1  [^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?
/// A2  [^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?
/// A3  \p{N}{1,3}
/// A4   ?[^\s\p{L}\p{N}]+[\r\n/]*
/// A5  \s*[\r\n]+
/// A6  \s+(?!\S)
/// A7  \s+
/// </code>
/// Each method below says which backtracking outcome of the regex it computes directly. The
/// classes are the .NET regex's: UTF-16 code units and their Unicode categories, <c>\s</c> as
/// <see cref="char.IsWhiteSpace(char)"/>. Equality with the library's own pre-tokenizer is tested
/// on random text of every class (TokenCounterTests).
/// </remarks>
internal static class O200kPieces
{
    private const int Upper = 1;   // [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]
    private const int Lower = 2;   // [\p{Ll}\p{Lm}\p{Lo}\p{M}]
    private const int Letter = 4;  // \p{L}
    private const int Number = 8;  // \p{N}
    private const int Space = 16;  // \s

    /// <summary>The end of the piece that starts at <paramref name="start"/> (every position starts one: the pieces tile the text).</summary>
    public static int Next(ReadOnlySpan<char> text, int start)
    {
        var c = Class(text[start]);
        var prefix = IsPrefix(text[start], c);

        // A1, then A2: with the optional prefix character taken first, then without it.
        int end;
        if (prefix && (end = UpperThenLower(text, start + 1)) >= 0)
        {
            return end;
        }

        if ((end = UpperThenLower(text, start)) >= 0)
        {
            return end;
        }

        if (prefix && (end = UpperRun(text, start + 1)) >= 0)
        {
            return end;
        }

        if ((end = UpperRun(text, start)) >= 0)
        {
            return end;
        }

        // A3: one to three digits.
        if ((c & Number) != 0)
        {
            end = start + 1;
            while (end < text.Length && end < start + 3 && (Class(text[end]) & Number) != 0)
            {
                end++;
            }

            return end;
        }

        // A4: an optional space, a run of other characters, then line breaks and slashes.
        var other = start;
        if (text[start] == ' ' && start + 1 < text.Length && IsOther(Class(text[start + 1])))
        {
            other = start + 1;
        }

        if (IsOther(Class(text[other])))
        {
            end = other + 1;
            while (end < text.Length && IsOther(Class(text[end])))
            {
                end++;
            }

            while (end < text.Length && text[end] is '\r' or '\n' or '/')
            {
                end++;
            }

            return end;
        }

        // Whitespace: A5 ends after the run's last line break, if it has one.
        var run = start + 1;
        while (run < text.Length && (Class(text[run]) & Space) != 0)
        {
            run++;
        }

        for (var i = run - 1; i >= start; i--)
        {
            if (text[i] is '\r' or '\n')
            {
                return i + 1;
            }
        }

        // A6: the whole run at the end of the text, else all but its last character (which then
        // starts the next piece, a space before a word); A7: a single space before a non-space.
        if (run == text.Length)
        {
            return run;
        }

        return run - 1 > start ? run - 1 : run;
    }

    /// <summary>
    /// <c>U*L+C?</c> from <paramref name="from"/>: U* takes the whole run of upper-class characters;
    /// L+ continues with a lower-class character after it, else the regex gives back the run's
    /// characters from its end until one that is also lower-class (Lm, Lo, M), which L+ takes
    /// alone. -1 when there is none.
    /// </summary>
    private static int UpperThenLower(ReadOnlySpan<char> text, int from)
    {
        var end = from;
        while (end < text.Length && (Class(text[end]) & Upper) != 0)
        {
            end++;
        }

        if (end < text.Length && (Class(text[end]) & Lower) != 0)
        {
            end++;
            while (end < text.Length && (Class(text[end]) & Lower) != 0)
            {
                end++;
            }

            return Contraction(text, end);
        }

        for (var k = end - 1; k >= from; k--)
        {
            if ((Class(text[k]) & Lower) != 0)
            {
                return Contraction(text, k + 1);
            }
        }

        return -1;
    }

    /// <summary><c>U+L*C?</c> from <paramref name="from"/>; -1 when no upper-class character starts there.</summary>
    private static int UpperRun(ReadOnlySpan<char> text, int from)
    {
        var end = from;
        while (end < text.Length && (Class(text[end]) & Upper) != 0)
        {
            end++;
        }

        if (end == from)
        {
            return -1;
        }

        while (end < text.Length && (Class(text[end]) & Lower) != 0)
        {
            end++;
        }

        return Contraction(text, end);
    }

    /// <summary><c>(?i:'s|'t|'re|'ve|'m|'ll|'d)?</c>, ASCII letters in either case (the library's regex does not take ſ, U+017F, for s).</summary>
    internal static int Contraction(ReadOnlySpan<char> text, int at)
    {
        if (at + 1 >= text.Length || text[at] != '\'')
        {
            return at;
        }

        var a = text[at + 1];
        if (a is 's' or 'S' or 't' or 'T' or 'm' or 'M' or 'd' or 'D')
        {
            return at + 2;
        }

        if (at + 2 < text.Length)
        {
            var b = text[at + 2];
            if ((a is 'r' or 'R' or 'v' or 'V') && b is 'e' or 'E')
            {
                return at + 3;
            }

            if (a is 'l' or 'L' && b is 'l' or 'L')
            {
                return at + 3;
            }
        }

        return at;
    }

    /// <summary><c>[^\r\n\p{L}\p{N}]</c>: the optional first character of a word piece.</summary>
    private static bool IsPrefix(char ch, int c) => (c & (Letter | Number)) == 0 && ch is not ('\r' or '\n');

    /// <summary><c>[^\s\p{L}\p{N}]</c>.</summary>
    private static bool IsOther(int c) => (c & (Letter | Number | Space)) == 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Class(char ch)
    {
        if (ch < 128)
        {
            return AsciiClasses[ch];
        }

        return ClassOf(ch);
    }

    private static readonly byte[] AsciiClasses = BuildAscii();

    private static byte[] BuildAscii()
    {
        var table = new byte[128];
        for (var i = 0; i < 128; i++)
        {
            table[i] = (byte)ClassOf((char)i);
        }

        return table;
    }

    private static int ClassOf(char ch)
    {
        var c = char.IsWhiteSpace(ch) ? Space : 0;
        return c | char.GetUnicodeCategory(ch) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.TitlecaseLetter => Upper | Letter,
            UnicodeCategory.LowercaseLetter => Lower | Letter,
            UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => Upper | Lower | Letter,
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => Upper | Lower,
            UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => Number,
            _ => 0,
        };
    }
}
