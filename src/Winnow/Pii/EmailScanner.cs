namespace Winnow.Pii;

/// <summary>
/// E-mail addresses, found from their '@': a local part of [A-Za-z0-9._%+-] (at most 64) and a
/// domain of at least two dot-separated labels ending in a top-level domain of 2+ letters (at most
/// 255). Both scans are bounded, so the work per '@' is constant.
/// </summary>
internal static class EmailScanner
{
    private const int MaxLocal = 64;
    private const int MaxDomain = 255;

    public static bool TryMatch(ReadOnlySpan<char> text, int at, int floor, out int start, out int end)
    {
        start = end = 0;
        var s = at;
        while (s > floor && at - s <= MaxLocal && IsLocal(text[s - 1]))
        {
            s--;
        }

        if (at - s > MaxLocal || (s > floor && IsLocal(text[s - 1])))
        {
            return false;
        }

        while (s < at && text[s] == '.')
        {
            s++;
        }

        if (s == at || text[at - 1] == '.')
        {
            return false;
        }

        var i = at + 1;
        if (!char.IsAsciiLetterOrDigit(CharClass.At(text, i)))
        {
            return false;
        }

        var lastDot = -1;
        var labelStart = i;
        var labels = 0;
        while (i < text.Length && i - at <= MaxDomain)
        {
            var c = text[i];
            if (char.IsAsciiLetterOrDigit(c) || c == '-')
            {
                i++;
                continue;
            }

            if (c == '.' && i > labelStart && i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i + 1]))
            {
                if (text[i - 1] == '-')
                {
                    return false;
                }

                labels++;
                lastDot = i;
                labelStart = ++i;
                continue;
            }

            break;
        }

        if (labels == 0 || i == labelStart || text[i - 1] == '-' || (i < text.Length && CharClass.IsWordChar(text[i])))
        {
            return false;
        }

        var tld = text[(lastDot + 1)..i];
        if (tld.Length < 2 || !IsLetters(tld))
        {
            return false;
        }

        start = s;
        end = i;
        return true;
    }

    private static bool IsLetters(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLocal(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-';
}
