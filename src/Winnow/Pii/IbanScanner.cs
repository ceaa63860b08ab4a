namespace Winnow.Pii;

/// <summary>
/// IBANs: two capital letters, two check digits and 11–30 capital letters or digits, written
/// solid or in groups of four; accepted only when the ISO 7064 mod-97 check gives 1. When grouped,
/// each possible end is tried from the longest, so a following capitalised word does not spoil it.
/// </summary>
internal static class IbanScanner
{
    private const int MaxLength = 34;

    /// <summary>Tries an IBAN whose country code starts at <paramref name="start"/>; returns its end or -1.</summary>
    public static int Match(ReadOnlySpan<char> text, int start)
    {
        if (CharClass.IsWordChar(CharClass.At(text, start - 1)) || !char.IsAsciiLetterUpper(text[start]) || !char.IsAsciiLetterUpper(CharClass.At(text, start + 1))
            || !CharClass.IsDigit(text, start + 2) || !CharClass.IsDigit(text, start + 3))
        {
            return -1;
        }

        Span<char> compact = stackalloc char[MaxLength];
        Span<int> ends = stackalloc int[MaxLength];
        var n = 0;
        var i = start;
        var grouped = false;
        while (i < text.Length && n < MaxLength)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c))
            {
                ends[n] = i + 1;
                compact[n++] = c;
                i++;
                continue;
            }

            // A single space between groups of four.
            if (c == ' ' && n % 4 == 0 && n > 0 && (n == 4 || grouped) && i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i + 1]))
            {
                grouped = true;
                i++;
                continue;
            }

            break;
        }

        for (var length = n; length >= 15; length--)
        {
            var end = ends[length - 1];
            if (CharClass.IsWordChar(CharClass.At(text, end)))
            {
                continue;
            }

            if (Mod97(compact[..length]) == 1)
            {
                return end;
            }
        }

        return -1;
    }

    /// <summary>The IBAN check: move the first four characters to the end, letters as 10–35, modulo 97.</summary>
    public static int Mod97(ReadOnlySpan<char> iban)
    {
        var remainder = 0;
        for (var k = 0; k < iban.Length; k++)
        {
            var c = iban[(k + 4) % iban.Length];
            remainder = char.IsAsciiDigit(c)
                ? ((remainder * 10) + (c - '0')) % 97
                : ((remainder * 100) + (c - 'A' + 10)) % 97;
        }

        return remainder;
    }
}
