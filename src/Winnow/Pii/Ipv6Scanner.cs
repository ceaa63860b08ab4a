namespace Winnow.Pii;

/// <summary>
/// IPv6 addresses around a ':': eight groups of 1–4 hex digits, or fewer with one "::". Clock
/// times (12:30:45), MAC addresses (six groups) and C++ names (std::vector, glued to letters) do
/// not qualify. The scan is bounded to 39 characters each side of the ':', so work per ':' is constant.
/// </summary>
internal static class Ipv6Scanner
{
    private const int MaxLength = 39;

    /// <summary>Tries an address around the ':' at <paramref name="colon"/>; returns the end scanned (to resume at) and the match.</summary>
    public static int Scan(ReadOnlySpan<char> text, int colon, int floor, out int start, out int end)
    {
        start = end = -1;
        var s = colon;
        while (s > floor && colon - s < MaxLength && IsAddressChar(text[s - 1]))
        {
            s--;
        }

        var e = colon;
        while (e < text.Length && e - s < MaxLength + 1 && IsAddressChar(text[e]))
        {
            e++;
        }

        var resume = Math.Max(e, colon + 1);

        // An IPv4 address can start right after a ':' scanned over ("host:8.8.4.4", "a:b:1.2.3.4"): resume
        // there, so that the number scanner sees it. Each ':' still scans a bounded distance.
        for (var k = colon; k + 1 < e; k++)
        {
            if (text[k] == ':' && char.IsAsciiDigit(text[k + 1]))
            {
                resume = k + 1;
                break;
            }
        }
        if (CharClass.IsWordChar(CharClass.At(text, s - 1)) || CharClass.IsWordChar(CharClass.At(text, e)))
        {
            return resume;
        }

        // A single ':' at either edge is punctuation ("address: fe80::1", "fe80::1: ok").
        if (e - s > 2 && text[s] == ':' && text[s + 1] != ':')
        {
            s++;
        }

        if (e - s > 2 && text[e - 1] == ':' && text[e - 2] != ':')
        {
            e--;
        }

        if (Valid(text[s..e]))
        {
            start = s;
            end = e;
        }

        return resume;
    }

    private static bool Valid(ReadOnlySpan<char> address)
    {
        var compressed = address.IndexOf("::", StringComparison.Ordinal);
        if (compressed >= 0 && address[(compressed + 1)..].Contains("::", StringComparison.Ordinal))
        {
            return false;
        }

        var groups = 0;
        foreach (var range in address.Split(':'))
        {
            var group = address[range];
            if (group.IsEmpty)
            {
                continue;
            }

            if (group.Length > 4)
            {
                return false;
            }

            groups++;
        }

        // With "::", at least two groups and a digit (fe80::1): "::1" is too generic to be personal,
        // and "a::b" is a name in code.
        return compressed >= 0 ? groups is >= 2 and <= 7 && address.ContainsAnyInRange('0', '9') && !address.Contains(":::", StringComparison.Ordinal) : groups == 8 && address.Count(':') == 7;
    }

    private static bool IsAddressChar(char c) => char.IsAsciiHexDigit(c) || c == ':';
}
