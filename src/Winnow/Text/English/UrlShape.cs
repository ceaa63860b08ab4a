using System.Globalization;

namespace Winnow.Text.English;

/// <summary>
/// spaCy's URL test (URL_MATCH in spacy/lang/tokenizer_exceptions.py, after Diego Perini's URL pattern),
/// which keeps a URL whole instead of splitting it at infixes, decided by a scan instead of the regular
/// expression. On a string without whitespace the pattern reads: an optional scheme "x://" of two or
/// more word characters, '+', '-' or '.'; optionally anything non-empty then '@'; a host that is either
/// a dotted IPv4 address (first octet 1–223, last 1–254; 10/8, 127/8, 169.254/16, 192.168/16 and
/// 172.16/12 excluded) or dot-separated labels ending in a top-level domain of 2–63 lower-case letters;
/// an optional ":port" of 2–5 digits; then the end, or '/', '?' or '#' and anything.
/// </summary>
internal static class UrlShape
{
    public static bool IsUrl(ReadOnlySpan<char> s)
    {
        if (!s.Contains('.'))
        {
            return false;
        }

        var scheme = SchemeEnd(s);
        if (HostAndRest(s[scheme..]) || (scheme > 0 && HostAndRest(s)))
        {
            return true;
        }

        // Anything non-empty before an '@' may be user information (with or without the scheme).
        for (var at = s.IndexOf('@'); at >= 0; at = Next(s, at))
        {
            if (at > 0 && HostAndRest(s[(at + 1)..]))
            {
                return true;
            }
        }

        return false;
    }

    private static int Next(ReadOnlySpan<char> s, int at)
    {
        var next = s[(at + 1)..].IndexOf('@');
        return next < 0 ? -1 : at + 1 + next;
    }

    /// <summary>The end of "scheme://" at the start of <paramref name="s"/>, or 0.</summary>
    private static int SchemeEnd(ReadOnlySpan<char> s)
    {
        var i = 0;
        while (i < s.Length && IsSchemeChar(s[i]))
        {
            i++;
        }

        return i >= 2 && s[i..].StartsWith("://", StringComparison.Ordinal) ? i + 3 : 0;
    }

    /// <summary>Python's \w (letters and numbers of every script, and '_'), '+', '-' or '.'.</summary>
    private static bool IsSchemeChar(char c) => c < 128
        ? char.IsAsciiLetterOrDigit(c) || c is '_' or '+' or '-' or '.'
        : !char.IsSurrogate(c) && (char.IsLetter(c) || char.GetUnicodeCategory(c) is UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber);

    /// <summary>A host, an optional port, then the end or a path, query or fragment.</summary>
    private static bool HostAndRest(ReadOnlySpan<char> s)
    {
        var hostEnd = s.IndexOfAny(":/?#");
        var host = hostEnd < 0 ? s : s[..hostEnd];
        if (!IsIpv4(host) && !IsDomain(host))
        {
            return false;
        }

        if (hostEnd < 0)
        {
            return true;
        }

        var rest = s[hostEnd..];
        if (rest[0] == ':')
        {
            var digits = 0;
            while (1 + digits < rest.Length && char.IsDigit(rest[1 + digits]))
            {
                digits++;
            }

            if (digits is < 2 or > 5)
            {
                return false;
            }

            rest = rest[(1 + digits)..];
        }

        return rest.IsEmpty || rest[0] is '/' or '?' or '#';
    }

    /// <summary>Labels of [A-Za-z0-9] and U+00A1–U+FFFF with '_' and '-' inside (1–64 long), then a lower-case top-level domain.</summary>
    private static bool IsDomain(ReadOnlySpan<char> host)
    {
        var lastDot = host.LastIndexOf('.');
        if (lastDot <= 0)
        {
            return false;
        }

        var tld = host[(lastDot + 1)..];
        var letters = 0;
        for (var i = 0; i < tld.Length; i += 1)
        {
            if ((EnglishCharClasses.At(tld, i, out var width) & EnglishCharClasses.Lower) == 0)
            {
                return false;
            }

            letters++;
            i += width - 1;
        }

        if (letters is < 2 or > 63)
        {
            return false;
        }

        var labels = host[..lastDot];
        foreach (var range in labels.Split('.'))
        {
            var label = labels[range];
            if (label.Length is 0 or > 64 || !IsLabelChar(label[0]) || !IsLabelChar(label[^1]))
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!IsLabelChar(c) && c is not ('_' or '-'))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool IsLabelChar(char c) => char.IsAsciiLetterOrDigit(c) || (c >= '\u00A1' && !char.IsSurrogate(c));

    /// <summary>
    /// The pattern's dotted quad: first octet 1–223 and last 1–254 without leading zeros, middle ones of
    /// one or two digits or 100–255; not in 10/8, 127/8, 169.254/16, 192.168/16 or 172.16/12.
    /// </summary>
    private static bool IsIpv4(ReadOnlySpan<char> host)
    {
        Span<Range> parts = stackalloc Range[5];
        if (host.Split(parts, '.') != 4)
        {
            return false;
        }

        Span<int> value = stackalloc int[4];
        for (var k = 0; k < 4; k++)
        {
            var octet = host[parts[k]];
            if (octet.Length is 0 or > 3 || octet.ContainsAnyExceptInRange('0', '9'))
            {
                return false;
            }

            value[k] = int.Parse(octet, CultureInfo.InvariantCulture);
            var leadingZero = octet.Length > 1 && octet[0] == '0';
            var fits = k switch
            {
                0 => !leadingZero && value[k] is >= 1 and <= 223,
                3 => !leadingZero && value[k] is >= 1 and <= 254,
                _ => octet.Length < 3 || octet[0] == '1' || value[k] is >= 200 and <= 255,
            };
            if (!fits)
            {
                return false;
            }
        }

        var second = host[parts[1]];
        return !(value[0] is 10 or 127
            || (value[0] == 169 && second is "254") || (value[0] == 192 && second is "168")
            || (value[0] == 172 && second.Length == 2 && value[1] is >= 16 and <= 31));
    }
}
