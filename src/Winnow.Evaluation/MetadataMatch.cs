using Winnow.Extraction;

namespace Winnow.Evaluation;

/// <summary>
/// How extracted metadata is compared with an expectation: titles and bylines exactly after
/// whitespace collapse and HTML entity decoding; dates by their calendar day as written.
/// </summary>
internal static class MetadataMatch
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
            return day is not null && actual.Length >= 10 && day.Length >= 10 && day.AsSpan(0, 10).SequenceEqual(actual.AsSpan(0, 10));
        }

        return Norm(expected) == Norm(actual);
    }

    private static string Norm(string s) =>
        string.Join(' ', System.Net.WebUtility.HtmlDecode(s).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
