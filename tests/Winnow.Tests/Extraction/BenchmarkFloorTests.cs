using System.Text.Json;
using Winnow.Evaluation;
using Winnow.Extraction;
using Winnow.Tests.Support;

namespace Winnow.Tests.Extraction;

/// <summary>Quality floors on the shared benchmark data; pass trivially when ../shared is absent.</summary>
public class BenchmarkFloorTests
{
    [SharedDataFact("data/article-extraction-benchmark")]
    public void ArticleExtractionF1IsAtLeast0970()
    {
        var bench = SharedData.Folder("data/article-extraction-benchmark")!;

        var extractor = new HtmlExtractor();
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(bench, "ground-truth.json")));
        var scores = truth.RootElement.EnumerateObject().Select(page => ShingleScore.ScorePage(
            page.Value.GetProperty("articleBody").GetString() ?? "",
            extractor.Extract(Read(Path.Combine(bench, "html", page.Name + ".html.gz")), page.Value.GetProperty("url").GetString()).Text)).ToList();
        var (_, _, f1) = ShingleScore.Aggregate(scores);
        Assert.Equal(181, scores.Count);
        Assert.True(f1 >= 0.970, $"F1 {f1:F4}");
    }

    [SharedDataFact("data/readability-test-pages")]
    public void MetadataMeetsItsFloorsOnReadabilityTestPages()
    {
        var pages = SharedData.Folder("data/readability-test-pages")!;

        var tally = MetadataScore.Score(pages, new HtmlExtractor());
        Assert.True(tally.Title.Total >= 100 && tally.Byline.Total >= 50 && tally.Date.Total >= 25, tally.ToString());
        Assert.True(tally.Title.Ratio >= 0.95, tally.ToString());
        Assert.True(tally.Byline.Ratio >= 0.85, tally.ToString());
        Assert.True(tally.Date.Ratio >= 0.90, tally.ToString());
    }

    private static string Read(string path) => MetadataScore.ReadHtml(path);
}
