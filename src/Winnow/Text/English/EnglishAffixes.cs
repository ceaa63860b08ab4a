using static Winnow.Text.English.EnglishCharClasses;

namespace Winnow.Text.English;

/// <summary>
/// spaCy's English prefix, suffix and infix rules (spacy/lang/punctuation.py and lang/en/punctuation.py),
/// written as scans instead of regular expressions. Lengths are UTF-16 units; the rules see code points.
/// </summary>
/// <remarks>
/// spaCy tries the prefix patterns at the start in order and takes the first that matches; it searches
/// the suffix patterns anchored at the end and takes the leftmost start, so the longest suffix wins;
/// infixes are found left to right without overlap, the patterns tried in order at each position.
/// A suffix's look-behind sees only the string it is searched in (the prefix already cut off).
/// Stateless, thread-safe.
/// </remarks>
internal static class EnglishAffixes
{
    // Units after a number (UNITS). "тб" and the first "كم" are missing there, joined as one "тбكم" by a
    // missing space in spaCy's list; the second "كم" keeps the Arabic kilometre.
    private static readonly string[] Units =
    [
        "km", "km²", "km³", "m", "m²", "m³", "dm", "dm²", "dm³", "cm", "cm²", "cm³", "mm", "mm²", "mm³", "ha", "µm", "nm",
        "yd", "in", "ft", "kg", "g", "mg", "µg", "t", "lb", "oz", "m/s", "km/h", "kmh", "mph", "hPa", "Pa", "mbar", "mb",
        "MB", "kb", "KB", "gb", "GB", "tb", "TB", "T", "G", "M", "K", "%", "км", "км²", "км³", "м", "м²", "м³", "дм", "дм²",
        "дм³", "см", "см²", "см³", "мм", "мм²", "мм³", "нм", "кг", "г", "мг", "м/с", "км/ч", "кПа", "Па", "мбар", "Кб", "КБ",
        "кб", "Мб", "МБ", "мб", "Гб", "ГБ", "гб", "Тб", "ТБ", "тбكم", "كم²", "كم³", "م", "م²", "م³", "سم", "سم²", "سم³",
        "مم", "مم²", "مم³", "كم", "غرام", "جرام", "جم", "كغ", "ملغ", "كوب", "اكواب",
    ];

    private static readonly SpecialCaseTable UnitTable = new([.. Units.Select(u => (u, 0))]);

    private static readonly string[] CurrencyWords = ["US$", "C$", "A$"];

    private static readonly string[] Hyphens = ["-", "–", "—", "--", "---", "——", "~"];

    /// <summary>The length of the prefix to split off <paramref name="s"/>, 0 when none.</summary>
    public static int PrefixLength(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty)
        {
            return 0;
        }

        var c = s[0];
        if (c == '.')
        {
            var dots = Dots(s, 0);
            return dots >= 2 ? dots : 0;
        }

        if (c == '+')
        {
            return s.Length > 1 && char.IsAsciiDigit(s[1]) ? 0 : 1;
        }

        if ((At(s, 0, out var width) & Prefix) != 0)
        {
            return width;
        }

        if (s.StartsWith("US$", StringComparison.Ordinal))
        {
            return 3;
        }

        return s.StartsWith("C$", StringComparison.Ordinal) || s.StartsWith("A$", StringComparison.Ordinal) ? 2 : 0;
    }

    /// <summary>The length of the suffix to split off <paramref name="s"/>, 0 when none.</summary>
    public static int SuffixLength(ReadOnlySpan<char> s)
    {
        var n = s.Length;
        if (n == 0)
        {
            return 0;
        }

        var best = 0;
        var lastFlags = Before(s, n, out var lastWidth);
        var last = s[n - 1];
        if (last == '.')
        {
            var dots = DotsBefore(s, n);
            if (dots >= 2)
            {
                best = dots;
            }
            else if (n >= 2 && PeriodRule(s, n - 1))
            {
                best = 1;
            }
        }
        else if ((lastFlags & Suffix) != 0)
        {
            best = lastWidth;
        }
        else if (last == '+' && n >= 2 && char.IsAsciiDigit(s[n - 2]))
        {
            best = 1;
        }

        if (n >= 2)
        {
            var two = s[(n - 2)..];
            if (two is "……" || (two[0] is '\'' or '’' && two[1] is 's' or 'S'))
            {
                best = Math.Max(best, 2);
            }
        }

        // After a digit: a currency sign or a unit (most strings hold no digit at all).
        if (s.IndexOfAnyInRange('0', '9') < 0)
        {
            return best;
        }

        best = Math.Max(best, AfterDigit(s, s[^1] == '$' ? CurrencyWords : []));
        return Math.Max(best, UnitAfterDigit(s));
    }

    /// <summary>
    /// The next infix of <paramref name="s"/> at or after <paramref name="from"/>: its start, and its end in
    /// <paramref name="end"/>; -1 when none.
    /// </summary>
    public static int NextInfix(ReadOnlySpan<char> s, int from, out int end)
    {
        for (var i = from; i < s.Length; i++)
        {
            var c = s[i];
            var flags = At(s, i, out var width);

            // Ellipses and icons: "\.\.+", "…", [icons].
            if (c == '.' && i + 1 < s.Length && s[i + 1] == '.')
            {
                end = i + Dots(s, i);
                return i;
            }

            if (c == '…' || (flags & Icon) != 0)
            {
                end = i + width;
                return i;
            }

            if (i == 0)
            {
                continue;
            }

            var before = Before(s, i, out _);
            var afterFlags = i + 1 < s.Length ? At(s, i + 1, out _) : (ushort)0;
            var digitBefore = char.IsAsciiDigit(s[i - 1]);

            // (?<=[0-9])[+\-*^](?=[0-9-])
            if (digitBefore && c is '+' or '-' or '*' or '^' && i + 1 < s.Length && (char.IsAsciiDigit(s[i + 1]) || s[i + 1] == '-'))
            {
                end = i + 1;
                return i;
            }

            // (?<=[lower quote])\.(?=[upper quote])
            if (c == '.' && (before & (Lower | Quote)) != 0 && (afterFlags & (Upper | Quote)) != 0)
            {
                end = i + 1;
                return i;
            }

            // (?<=[alpha]),(?=[alpha])
            if (c == ',' && (before & Alpha) != 0 && (afterFlags & Alpha) != 0)
            {
                end = i + 1;
                return i;
            }

            if ((before & Alpha) == 0 && !digitBefore)
            {
                continue;
            }

            // (?<=[alpha 0-9])(?:hyphens)(?=[alpha]), the hyphens tried in order.
            foreach (var hyphen in Hyphens)
            {
                var after = i + hyphen.Length;
                if (s[i..].StartsWith(hyphen, StringComparison.Ordinal) && after < s.Length && (At(s, after, out _) & Alpha) != 0)
                {
                    end = after;
                    return i;
                }
            }

            // (?<=[alpha 0-9])[:<>=/](?=[alpha])
            if (c is ':' or '<' or '>' or '=' or '/' && (afterFlags & Alpha) != 0)
            {
                end = i + 1;
                return i;
            }
        }

        end = -1;
        return -1;
    }

    /// <summary>True when the '.' at <paramref name="dot"/> (the string's last character) is a suffix by one of the look-behind rules.</summary>
    private static bool PeriodRule(ReadOnlySpan<char> s, int dot)
    {
        var before = Before(s, dot, out var width);
        if ((before & PeriodAfter) != 0)
        {
            return true;
        }

        // (?<=[upper][upper])\.
        if ((before & Upper) != 0 && dot - width >= 1 && (Before(s, dot - width, out _) & Upper) != 0)
        {
            return true;
        }

        // (?<=°[FfCcKk])\.
        return dot >= 2 && s[dot - 1] is 'F' or 'f' or 'C' or 'c' or 'K' or 'k' && s[dot - 2] == '°';
    }

    /// <summary>The longest of <paramref name="words"/> that ends <paramref name="s"/> right after an ASCII digit; a one-character currency sign counts too.</summary>
    private static int AfterDigit(ReadOnlySpan<char> s, ReadOnlySpan<string> words)
    {
        var n = s.Length;
        var best = 0;
        if ((Before(s, n, out var width) & Currency) != 0 && n > width && char.IsAsciiDigit(s[n - width - 1]))
        {
            best = width;
        }

        foreach (var word in words)
        {
            if (word.Length > best && n > word.Length && s.EndsWith(word, StringComparison.Ordinal) && char.IsAsciiDigit(s[n - word.Length - 1]))
            {
                best = word.Length;
            }
        }

        return best;
    }

    /// <summary>The longest unit that ends <paramref name="s"/> right after an ASCII digit (units are at most 5 characters).</summary>
    private static int UnitAfterDigit(ReadOnlySpan<char> s)
    {
        for (var length = Math.Min(UnitTable.MaxLength, s.Length - 1); length >= 1; length--)
        {
            if (char.IsAsciiDigit(s[s.Length - length - 1]) && UnitTable.Find(s[^length..]) >= 0)
            {
                return length;
            }
        }

        return 0;
    }

    private static int Dots(ReadOnlySpan<char> s, int i)
    {
        var j = i;
        while (j < s.Length && s[j] == '.')
        {
            j++;
        }

        return j - i;
    }

    private static int DotsBefore(ReadOnlySpan<char> s, int end)
    {
        var j = end;
        while (j > 0 && s[j - 1] == '.')
        {
            j--;
        }

        return end - j;
    }
}
