using System.Globalization;
using System.Text.RegularExpressions;
using Winnow.Extraction;

namespace Winnow.Tests.Extraction;

public sealed partial class NumericDateTests
{
    /// <summary>What DateNormalizer gave for these strings through the framework's exact parse alone (its steps up to the ISO prefix).</summary>
    private static string? ThroughTheFramework(string s)
    {
        var culture = CultureInfo.InvariantCulture;
        if (DateTimeOffset.TryParseExact(s, DateNormalizer.Formats, culture, DateTimeStyles.AllowWhiteSpaces, out var withTime) && withTime.Year is >= 1990 and <= 2100)
        {
            var hasOffset = s.EndsWith('Z') || OffsetSuffix().IsMatch(s) || s.Contains("GMT", StringComparison.Ordinal);
            return hasOffset ? withTime.ToString("yyyy-MM-dd'T'HH:mm:sszzz", culture) : withTime.ToString("yyyy-MM-dd'T'HH:mm:ss", culture);
        }

        return DateTime.TryParseExact(s, DateNormalizer.DateOnlyFormats, culture, DateTimeStyles.AllowWhiteSpaces, out var day) && day.Year is >= 1990 and <= 2100
            ? day.ToString("yyyy-MM-dd", culture)
            : null;
    }

    [GeneratedRegex(@"[+-]\d{2}:?\d{2}$")]
    private static partial Regex OffsetSuffix();

    private static IEnumerable<string> Candidates()
    {
        string[] years = ["1989", "1990", "2019", "2024", "2100", "2101", "0001"];
        string[] months = ["00", "01", "02", "09", "12", "13", "1"];
        string[] days = ["00", "01", "28", "29", "30", "31", "32", "7"];
        string[] times = ["", "T08:30", " 08:30", "T23:59:59", " 23:59:59", "T24:00", "T08:60", "T08:30:60", "T08:30:00.1", "T08:30:00.1234567",
            "T08:30:00.12345678", " 08:30:00.123", "T08:30:", "T8:30", "T08:30:00."];
        string[] offsets = ["", "Z", "+05:30", "-03:00", "-00:00", "+00:00", "+14:00", "+14:30", "+15:00", "+0530", "-0800", "+0000", "-0000", "+1400", "+1430", "+05", " +05:30", "z", "+05:60"];
        foreach (var y in years)
        {
            foreach (var m in months)
            {
                foreach (var d in days)
                {
                    yield return $"{y}{m}{d}";
                    foreach (var sep in new[] { '-', '/', '.' })
                    {
                        yield return $"{y}{sep}{m}{sep}{d}";
                    }

                    foreach (var time in times)
                    {
                        foreach (var offset in offsets)
                        {
                            yield return $"{y}-{m}-{d}{time}{offset}";
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void EveryFormReadHereGivesWhatTheFrameworkGave()
    {
        var read = 0;
        foreach (var s in Candidates())
        {
            if (NumericDate.TryNormalize(s) is { } ours)
            {
                read++;
                Assert.True(ThroughTheFramework(s) == ours, $"{s}: {ours} here, {ThroughTheFramework(s) ?? "null"} through the framework");
            }
        }

        Assert.True(read > 1000, $"only {read} strings read here");
    }

    [Theory]
    [InlineData("2019-11-19", "2019-11-19")]
    [InlineData("2019/11/19", "2019-11-19")]
    [InlineData("2019-11-19T08:30:00+01:00", "2019-11-19T08:30:00+01:00")]
    [InlineData("2019-11-19T08:30:00.123Z", "2019-11-19T08:30:00+00:00")]
    [InlineData("2019-11-19 08:30", "2019-11-19T08:30:00")]
    [InlineData("2019-02-29", null)]
    [InlineData("2019-11-19 08:30Z", null)]
    [InlineData("2019-11-19T08:30:00+0100", "2019-11-19T08:30:00+01:00")]
    [InlineData("20191119", "2019-11-19")]
    [InlineData("November 19, 2019", null)]
    public void ReadsTheNumericFormsOnly(string s, string? expected) => Assert.Equal(expected, NumericDate.TryNormalize(s));

    [Theory]
    [InlineData("https://example.com/2019/11/19/story", "2019-11-19")]
    [InlineData("https://example.com/2019/2/30/story", null)]
    [InlineData("https://example.com/1989/11/19/story", null)]
    public void UrlDatesAreCheckedWithoutTheFramework(string url, string? expected) => Assert.Equal(expected, DateNormalizer.FromUrl(url));
}
