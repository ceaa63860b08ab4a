using System.Collections.Concurrent;
using System.Text;

namespace Winnow.Extraction.Html;

/// <summary>
/// Decodes character references: numeric ones by the HTML rules (windows-1252 for 0x80–0x9F,
/// U+FFFD for invalid code points), named ones with a semicolon through the framework's HTML
/// entity table (cached), and the legacy Latin-1 names without a semicolon. Names the table does
/// not know pass through unchanged.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal static class HtmlEntities
{
    // The ISO-8859-1 names, in code point order from U+00A0: HTML still decodes these without a semicolon.
    private static readonly string[] Latin1 =
    [
        "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo", "not", "shy", "reg", "macr",
        "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
        "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml",
        "ETH", "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN", "szlig",
        "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil", "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml",
        "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml",
    ];

    private static readonly Dictionary<string, string> Legacy = BuildLegacy();

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> LegacyBySpan =
        Legacy.GetAlternateLookup<ReadOnlySpan<char>>();

    // Named references met so far (null = unknown). Bounded: hostile pages can invent any number of names.
    private static readonly ConcurrentDictionary<string, string?> Named = new(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, string?>.AlternateLookup<ReadOnlySpan<char>> NamedBySpan =
        Named.GetAlternateLookup<ReadOnlySpan<char>>();

    // windows-1252 meanings of 0x80–0x9F, which numeric references use.
    private static readonly string Cp1252 =
        "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F"
        + "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

    /// <summary>Appends <paramref name="s"/> to <paramref name="sb"/> with references decoded.</summary>
    public static void Append(ReadOnlySpan<char> s, StringBuilder sb, bool attribute)
    {
        while (true)
        {
            var amp = s.IndexOf('&');
            if (amp < 0)
            {
                sb.Append(s);
                return;
            }

            sb.Append(s[..amp]);
            s = s[(amp + 1)..];
            var used = s.Length > 0 && s[0] == '#' ? Numeric(s, sb) : NamedRef(s, sb, attribute);
            if (used == 0)
            {
                sb.Append('&');
            }

            s = s[used..];
        }
    }

    // Returns the characters consumed after '&', 0 when nothing was a reference.
    private static int Numeric(ReadOnlySpan<char> s, StringBuilder sb)
    {
        var hex = s.Length > 1 && (s[1] | 0x20) == 'x';
        var i = hex ? 2 : 1;
        var start = i;
        long value = 0;
        while (i < s.Length && (hex ? char.IsAsciiHexDigit(s[i]) : char.IsAsciiDigit(s[i])))
        {
            value = Math.Min(value * (hex ? 16 : 10) + Digit(s[i]), 0x110000);
            i++;
        }

        if (i == start)
        {
            return 0;
        }

        if (i < s.Length && s[i] == ';')
        {
            i++;
        }

        if (value is >= 0x80 and <= 0x9F)
        {
            sb.Append(Cp1252[(int)value - 0x80]);
        }
        else if (value == 0 || value > 0x10FFFF || value is >= 0xD800 and <= 0xDFFF)
        {
            sb.Append('\uFFFD');
        }
        else
        {
            sb.Append(char.ConvertFromUtf32((int)value));
        }

        return i;
    }

    private static int Digit(char c) => char.IsAsciiDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10;

    private static int NamedRef(ReadOnlySpan<char> s, StringBuilder sb, bool attribute)
    {
        var n = 0;
        while (n < s.Length && n < 32 && char.IsAsciiLetterOrDigit(s[n]))
        {
            n++;
        }

        if (n == 0)
        {
            return 0;
        }

        if (n < s.Length && s[n] == ';' && Lookup(s[..n]) is { } value)
        {
            sb.Append(value);
            return n + 1;
        }

        // Legacy names decode without the semicolon, longest first; in attributes not before a letter, digit or '='.
        for (var len = Math.Min(n, 6); len >= 2; len--)
        {
            if (LegacyBySpan.TryGetValue(s[..len], out var legacy))
            {
                if (attribute && len < s.Length && (char.IsAsciiLetterOrDigit(s[len]) || s[len] == '='))
                {
                    return 0;
                }

                sb.Append(legacy);
                return len;
            }
        }

        return 0;
    }

    private static string? Lookup(ReadOnlySpan<char> name)
    {
        if (LegacyBySpan.TryGetValue(name, out var legacy))
        {
            return legacy;
        }

        if (NamedBySpan.TryGetValue(name, out var known))
        {
            return known;
        }

        var reference = "&" + name.ToString() + ";";
        var decoded = System.Net.WebUtility.HtmlDecode(reference);
        var result = decoded == reference ? null : decoded;
        if (Named.Count < 4096)
        {
            Named.TryAdd(name.ToString(), result);
        }

        return result;
    }

    private static Dictionary<string, string> BuildLegacy()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["amp"] = "&",
            ["lt"] = "<",
            ["gt"] = ">",
            ["quot"] = "\"",
            ["AMP"] = "&",
            ["LT"] = "<",
            ["GT"] = ">",
            ["QUOT"] = "\"",
            ["COPY"] = "\u00A9",
            ["REG"] = "\u00AE",
        };
        for (var i = 0; i < Latin1.Length; i++)
        {
            map[Latin1[i]] = ((char)(0xA0 + i)).ToString();
        }

        return map;
    }
}
