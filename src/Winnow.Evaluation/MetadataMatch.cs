using System.Text.RegularExpressions;
using Winnow.Extraction;

namespace Winnow.Evaluation;

/// <summary>
/// How extracted metadata is compared with an expectation: titles and bylines exactly after
/// whitespace collapse and HTML entity decoding; dates by their calendar day as written; language
/// tags ignoring case.
/// Readability's expected bylines are the byline element's text as shown ("By Jane Doe",
/// "By JANE DOE March 11, 2015 3:46 PM"); Winnow reports the names only, so the expectation is
/// first cut the same way (<see cref="ExpectedByline"/>), by rules written here apart from the
/// extractor's own.
/// </summary>
internal static partial class MetadataMatch
{
    public static bool Matches(string field, string expected, string? actual)
    {
        if (actual is null)
        {
            return false;
        }

        if (field == "publishedTime")
        {
            var day = DateNormalizer.Normalize(expected);
            return day is not null && SameDay(day, actual);
        }

        if (field == "lang")
        {
            return string.Equals(expected.Trim().Replace('_', '-'), actual, StringComparison.OrdinalIgnoreCase);
        }

        return Norm(field == "byline" ? ExpectedByline(expected) : expected) == Norm(actual);
    }

    /// <summary>Same calendar day as written: the first ten characters of both ISO dates.</summary>
    public static bool SameDay(string expected, string actual) =>
        actual.Length >= 10 && expected.Length >= 10 && expected.AsSpan(0, 10).SequenceEqual(actual.AsSpan(0, 10));

    /// <summary>
    /// The names in an expected byline: without a leading by, posted by, written by or par, and
    /// cut at the first date; empty when the "byline" was only a date.
    /// </summary>
    public static string ExpectedByline(string expected)
    {
        var s = Norm(expected);
        s = LeadingBy().Replace(s, "");
        var date = FirstDate().Match(s);
        if (date.Success)
        {
            s = s[..date.Index];
        }

        return LastUpdated().Replace(s, "").TrimEnd(' ', ',', '|', '-', '•', ':');
    }

    private static string Norm(string s) =>
        string.Join(' ', System.Net.WebUtility.HtmlDecode(s).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"^\W*(?:(?:posted|written)\s+)?(?:by|par)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingBy();

    [GeneratedRegex(@"\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}/\d{1,2}/\d{2,4}")]
    private static partial Regex FirstDate();

    [GeneratedRegex(@"(?:last\s+)?updated:?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex LastUpdated();
}
