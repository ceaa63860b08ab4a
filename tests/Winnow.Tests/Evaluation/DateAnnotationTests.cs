using System.Security.Cryptography;
using System.Text;
using Winnow.Evaluation;
using Winnow.Tests.Support;

namespace Winnow.Tests.Evaluation;

/// <summary>The date annotation is the documented one: every Readability test page and the seeded 300-page sample.</summary>
public class DateAnnotationTests
{
    private static readonly string AnnotationFile = Path.Combine(SharedData.RepoRoot, "bench", "data", "date-annotations.tsv");

    [Fact]
    public void EachLineIsAPageADateOrNoneAndABasis()
    {
        var all = DateAnnotation.ReadAll(AnnotationFile);
        Assert.Equal(all.Count, all.Select(a => a.Page).Distinct().Count());
        Assert.All(all, a => Assert.True(a.Date is null || DateOnly.TryParseExact(a.Date, "yyyy-MM-dd", out _), a.Page));
        Assert.All(all, a => Assert.True(a.Date is null == a.Basis.StartsWith("none", StringComparison.Ordinal), a.Page));
        Assert.Equal(300, all.Count(a => a.Set == "extraction-dev"));
    }

    [SharedDataFact("data/extraction-dev")]
    public void TheDevelopmentPagesAreTheSeededSample()
    {
        // The first 300 dragnet and cleaneval-dev ids in the order of SHA-256("winnow-dates:" + "set/id").
        var dev = SharedData.Folder("data/extraction-dev")!;
        var sample = new[] { "dragnet", "cleaneval-dev" }
            .SelectMany(set => Directory.GetFiles(Path.Combine(dev, set, "html"), "*.html.gz")
                .Select(f => $"{set}/{Path.GetFileName(f)[..^".html.gz".Length]}"))
            .OrderBy(id => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("winnow-dates:" + id))), StringComparer.Ordinal)
            .Take(300)
            .Select(id => "extraction-dev/" + id)
            .Order(StringComparer.Ordinal);
        var annotated = DateAnnotation.ReadAll(AnnotationFile).Where(a => a.Set == "extraction-dev").Select(a => a.Page).Order(StringComparer.Ordinal);
        Assert.Equal(sample, annotated);
    }

    [SharedDataFact("data/readability-test-pages")]
    public void EveryReadabilityTestPageIsAnnotated()
    {
        var folder = SharedData.Folder("data/readability-test-pages")!;
        var pages = Directory.GetDirectories(folder).Where(d => File.Exists(Path.Combine(d, "source.html.gz")))
            .Select(d => "readability-test-pages/" + Path.GetFileName(d)).Order(StringComparer.Ordinal);
        var annotated = DateAnnotation.ReadAll(AnnotationFile).Where(a => a.Set == "readability-test-pages").Select(a => a.Page).Order(StringComparer.Ordinal);
        Assert.Equal(pages, annotated);
    }

    [Fact]
    public void TallyCountsFoundExactAndFalseDates()
    {
        var tally = new DateTally();
        Assert.True(tally.Add("2012-07-24", "2012-07-24T09:49:32-04:00"));
        Assert.False(tally.Add("2012-07-24", "2012-07-23"));
        Assert.False(tally.Add("2012-07-24", null));
        Assert.False(tally.Add(null, "2012-01-01"));
        Assert.True(tally.Add(null, null));
        Assert.Equal((3, 2, 1, 2, 1), (tally.Dated, tally.Found, tally.Exact, tally.Undated, tally.FalseDates));
    }
}
