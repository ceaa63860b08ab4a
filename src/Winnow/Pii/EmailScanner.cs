namespace Winnow.Pii;

/// <summary>
/// E-mail addresses, found from their '@': a local part that is an RFC 5322 dot-atom (section 3.2.3:
/// runs of letters, digits and ! # $ % &amp; ' * + - / = ? ^ _ ` { | } ~ joined by single dots; at most
/// 64 characters) and a domain of at least two dot-separated labels ending in a top-level domain of
/// 2+ letters (at most 255). The local part starts at a letter, digit or '_', as a word boundary
/// would have it, so a quote or bracket before an address stays text. Both scans are bounded, so the
/// work per '@' is constant.
/// </summary>
internal static class EmailScanner
{
    private const int MaxLocal = 64;
    private const int MaxDomain = 255;

    public static bool TryMatch(ReadOnlySpan<char> text, int at, int floor, out int start, out int end)
    {
        start = end = 0;
        // Back from the '@' over atext, taking a '.' only between two atext characters.
        var s = at;
        while (s > floor && at - s <= MaxLocal && (IsAtext(text[s - 1]) || (text[s - 1] == '.' && s < at && IsAtext(text[s]) && s - 1 > floor && IsAtext(text[s - 2]))))
        {
            s--;
        }

        if (at - s > MaxLocal || (s > floor && IsAtext(text[s - 1])))
        {
            return false;
        }

        while (s < at && !IsWordStart(text[s]))
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

    /// <summary>RFC 5322 atext: ALPHA / DIGIT / "!" / "#" / "$" / "%" / "&amp;" / "'" / "*" / "+" / "-" / "/" / "=" / "?" / "^" / "_" / "`" / "{" / "|" / "}" / "~".</summary>
    private static bool IsAtext(char c) => char.IsAsciiLetterOrDigit(c) || c is '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '/' or '=' or '?' or '^' or '_' or '`' or '{' or '|' or '}' or '~';

    private static bool IsWordStart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
