namespace Winnow.Extraction;

/// <summary>
/// The all-digit date forms most pages carry ("2019-11-19", "2019-11-19T08:30:00+01:00",
/// "2019/11/19"), read by position instead of by <see cref="DateTime.TryParseExact(string, string[], IFormatProvider, System.Globalization.DateTimeStyles, out DateTime)"/>.
/// </summary>
/// <remarks>
/// Why: the framework's exact parse compares a format's separators through the culture's
/// collation, and the first such comparison in a process makes ICU build a collator from rules,
/// about 13 ms: half the time of extracting one page in a fresh process. A form read here gives
/// the same string as <see cref="DateNormalizer.Normalize"/> gave through the framework (tested
/// against it); anything else — other lengths, out-of-range fields, offsets without a colon,
/// month names — returns null and takes the framework's way.
/// </remarks>
internal static class NumericDate
{
    /// <summary>The ISO 8601 form of <paramref name="s"/> (trimmed) when it is one of the forms read here and a plausible date; else null.</summary>
    public static string? TryNormalize(string s)
    {
        // yyyy-MM-dd, yyyy/MM/dd, yyyy.MM.dd
        if (s.Length == 10 && s[4] is '-' or '/' or '.' && s[7] == s[4] && IsPlausibleDate(s, 5, 8))
        {
            return $"{s[..4]}-{s[5..7]}-{s[8..10]}";
        }

        // yyyyMMdd
        if (s.Length == 8 && IsPlausibleDate(s, 4, 6))
        {
            return $"{s[..4]}-{s[4..6]}-{s[6..]}";
        }

        // The forms of DateNormalizer's list with 'T': HH:mm, HH:mm:ss or HH:mm:ss.f{1,7}, each with
        // or without Z or ±HH:mm; with a space: HH:mm, and HH:mm:ss with or without Z or ±HH:mm.
        if (s.Length < 16 || s[4] != '-' || s[7] != '-' || !IsPlausibleDate(s, 5, 8) || s[10] is not ('T' or ' ') || s[13] != ':'
            || !IsNumber(s, 11, 2, 24) || !IsNumber(s, 14, 2, 60))
        {
            return null;
        }

        var t = s[10] == 'T';
        var at = 16;
        var seconds = "00";
        if (at < s.Length && s[at] == ':')
        {
            if (!IsNumber(s, at + 1, 2, 60))
            {
                return null;
            }

            seconds = s.Substring(at + 1, 2);
            at += 3;
            if (t && at < s.Length && s[at] == '.')
            {
                var digits = 0;
                while (at + 1 + digits < s.Length && char.IsAsciiDigit(s[at + 1 + digits]))
                {
                    digits++;
                }

                if (digits is 0 or > 7)
                {
                    return null;
                }

                at += 1 + digits;
            }
        }

        var local = $"{s[..10]}T{s.Substring(11, 5)}:{seconds}";
        if (at == s.Length)
        {
            return local; // no offset: the clock time as written
        }

        if (!t && at == 16)
        {
            return null; // "yyyy-MM-dd HH:mm" takes no offset
        }

        if (at == s.Length - 1 && s[at] == 'Z')
        {
            return local + "+00:00";
        }

        // ±HH:mm or ±HHmm, at most 14 hours, written back as the framework formats it ("-00:00" is "+00:00").
        var colon = at == s.Length - 6 && s[at + 3] == ':';
        var minutes = colon ? at + 4 : at + 3;
        if ((colon || at == s.Length - 5) && s[at] is '+' or '-' && IsNumber(s, at + 1, 2, 15) && IsNumber(s, minutes, 2, 60)
            && (Digits(s, at + 1, 2) < 14 || Digits(s, minutes, 2) == 0))
        {
            var zero = Digits(s, at + 1, 2) == 0 && Digits(s, minutes, 2) == 0;
            return local + (zero ? "+00:00" : $"{s[at]}{s.Substring(at + 1, 2)}:{s.Substring(minutes, 2)}");
        }

        return null;
    }

    /// <summary>
    /// Whether <paramref name="s"/> starts with four digits of a plausible year (<see cref="DateNormalizer.Plausible"/>)
    /// and holds two digits each of a month and a day of it at <paramref name="month"/> and <paramref name="day"/>.
    /// </summary>
    public static bool IsPlausibleDate(ReadOnlySpan<char> s, int month, int day)
    {
        if (s.Length < day + 2 || !IsNumber(s, 0, 4, 10000) || !IsNumber(s, month, 2, 13) || !IsNumber(s, day, 2, 32))
        {
            return false;
        }

        var (y, m, d) = (Digits(s, 0, 4), Digits(s, month, 2), Digits(s, day, 2));
        return DateNormalizer.Plausible(y) && m >= 1 && d >= 1 && d <= DateTime.DaysInMonth(y, m);
    }

    /// <summary>The value of <paramref name="length"/> ASCII digits at <paramref name="at"/> (checked by the caller).</summary>
    private static int Digits(ReadOnlySpan<char> s, int at, int length)
    {
        var value = 0;
        for (var i = 0; i < length; i++)
        {
            value = (value * 10) + (s[at + i] - '0');
        }

        return value;
    }

    /// <summary>Whether <paramref name="length"/> ASCII digits stand at <paramref name="at"/> with a value below <paramref name="limit"/>.</summary>
    private static bool IsNumber(ReadOnlySpan<char> s, int at, int length, int limit)
    {
        if (at + length > s.Length)
        {
            return false;
        }

        for (var i = 0; i < length; i++)
        {
            if (!char.IsAsciiDigit(s[at + i]))
            {
                return false;
            }
        }

        return Digits(s, at, length) < limit;
    }
}
