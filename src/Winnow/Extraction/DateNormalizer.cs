using System.Globalization;
using System.Text.RegularExpressions;

namespace Winnow.Extraction;

/// <summary>
/// Turns the date strings pages carry (ISO 8601, RFC 1123, "November 19, 2019", "2019/11/19",
/// URL paths) into ISO 8601: "yyyy-MM-dd", or with time and offset when the source has them.
/// The calendar date is kept as written: no conversion to UTC that could move it a day.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal static partial class DateNormalizer
{
    /// <summary>The machine forms with a time, tried first (DateTimeOffset exact parse).</summary>
    internal static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd HH:mm", "ddd, dd MMM yyyy HH:mm:ss zzz", "r", "yyyyMMdd'T'HHmmssK", "yyyyMMddHHmmss",
        "yyyy/MM/dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF zzz", "yyyy-MM-dd HH:mm:ss zzz",
    ];

    /// <summary>The forms without a time, tried next.</summary>
    internal static readonly string[] DateOnlyFormats =
    [
        "yyyy-MM-dd", "yyyy/MM/dd", "yyyy/M/d", "yyyy.MM.dd", "yyyyMMdd", "MMMM d, yyyy", "MMM d, yyyy",
        "MMM. d, yyyy", "d MMMM yyyy", "d MMM yyyy", "dddd, MMMM d, yyyy", "MMMM d yyyy", "yyyy-MM",
    ];

    /// <summary>
    /// The ISO 8601 form, or null when the string holds no plausible date. Machine formats are
    /// tried first; free text ("Monday, July 23, 2012 at 4:00 pm") goes to <see cref="TextDate"/>.
    /// </summary>
    public static string? Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var s = raw.Trim();
        if (s.Length > 64)
        {
            return null;
        }

        if (NumericDate.TryNormalize(s) is { } numeric)
        {
            return numeric;
        }

        var culture = CultureInfo.InvariantCulture;
        if (DateTimeOffset.TryParseExact(s, Formats, culture, DateTimeStyles.AllowWhiteSpaces, out var withTime) && Plausible(withTime.Year))
        {
            var hasOffset = s.EndsWith('Z') || OffsetSuffix().IsMatch(s) || s.Contains("GMT", StringComparison.Ordinal);
            return hasOffset ? withTime.ToString("yyyy-MM-dd'T'HH:mm:sszzz", culture) : withTime.ToString("yyyy-MM-dd'T'HH:mm:ss", culture);
        }

        if (DateTime.TryParseExact(s, DateOnlyFormats, culture, DateTimeStyles.AllowWhiteSpaces, out var day) && Plausible(day.Year))
        {
            return day.ToString("yyyy-MM-dd", culture);
        }

        var iso = IsoPrefix().Match(s);
        if (iso.Success && NumericDate.IsPlausibleDate(iso.ValueSpan, 5, 8))
        {
            return iso.Value;
        }

        // The framework's loose parse fills a missing date with today's ("12:55 AM"): only a string
        // that states a year can give one.
        if (!YearInText().IsMatch(s))
        {
            return TextDate.Find(s);
        }

        return DateTimeOffset.TryParse(s, culture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var loose) && Plausible(loose.Year)
            ? loose.ToString("yyyy-MM-dd", culture)
            : TextDate.Find(s);
    }

    /// <summary>A date in a URL path such as /2019/11/19/, /2012/8/8/ or /2019-11-19-, or null.</summary>
    public static string? FromUrl(string? url)
    {
        if (url is null)
        {
            return null;
        }

        var m = UrlDate().Match(url);
        if (!m.Success)
        {
            return null;
        }

        var text = $"{m.Groups[1].Value}-{m.Groups[3].Value.PadLeft(2, '0')}-{m.Groups[4].Value.PadLeft(2, '0')}";
        return NumericDate.IsPlausibleDate(text, 5, 8) ? text : null;
    }

    internal static bool Plausible(int year) => year is >= 1990 and <= 2100;

    [GeneratedRegex(@"[+-]\d{2}:?\d{2}$")]
    private static partial Regex OffsetSuffix();

    [GeneratedRegex(@"(?<!\d)(?:19|20)\d{2}(?!\d)")]
    private static partial Regex YearInText();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoPrefix();

    [GeneratedRegex(@"/((?:19|20)\d{2})([/-])(\d{1,2})\2(\d{1,2})(?:[/-]|$)")]
    private static partial Regex UrlDate();
}
