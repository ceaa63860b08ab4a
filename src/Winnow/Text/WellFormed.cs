namespace Winnow.Text;

/// <summary>
/// Text the Unicode normalizer accepts: every surrogate half in a pair, and no U+FFFE. Text from
/// readers has no lone half (they reject or replace it), but a library caller's string may, and
/// any text may hold the noncharacter U+FFFE, which .NET's normalizer refuses with an exception
/// (U+FFFF and the other noncharacters it accepts). Either becomes U+FFFD, as a decoder would
/// make a lone half; this is only ever done to text being normalized for comparison.
/// </summary>
/// <remarks>Thread-safe: stateless. The search for surrogates is vectorized; most text has none.</remarks>
internal static class WellFormed
{
    public static bool IsValid(ReadOnlySpan<char> text) => LoneAt(text) < 0;

    /// <summary>The text with each lone surrogate half replaced by U+FFFD; itself when there is none.</summary>
    public static string Repair(string text)
    {
        var at = LoneAt(text);
        if (at < 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = at; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]) || chars[i] == '\uFFFE')
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }

    private static int LoneAt(ReadOnlySpan<char> text)
    {
        var reversed = text.IndexOf('\uFFFE');
        var offset = 0;
        while (true)
        {
            var at = text[offset..].IndexOfAnyInRange('\uD800', '\uDFFF');
            if (at < 0)
            {
                return reversed;
            }

            var i = offset + at;
            if (reversed >= 0 && reversed < i)
            {
                return reversed;
            }

            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                offset = i + 2;
                continue;
            }

            return i;
        }
    }
}
