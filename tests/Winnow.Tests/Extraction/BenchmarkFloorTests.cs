using Winnow.Evaluation;
using Winnow.Extraction;
using Winnow.Tests.Support;

namespace Winnow.Tests.Extraction;

/// <summary>Quality floors on the shared benchmark data; pass trivially when ../shared is absent.</summary>
public class BenchmarkFloorTests
{
    [SharedDataFact("data/article-extraction-benchmark")]
    public void ArticleExtractionF1IsAtLeast0950()
    {
        // Through the command's path, without the ground truth's URL (see ShippedPathTests).
        var bench = SharedData.Folder("data/article-extraction-benchmark")!;
        var dataset = ExtractionDataset.Load("article-extraction-benchmark", Path.Combine(bench, "html"), Path.Combine(bench, "ground-truth.json"));
        var score = dataset.Score(ShippedExtraction.Texts(dataset.HtmlFolder));
        Assert.Equal(181, score.Pages.Count);
        Assert.True(score.F1 >= 0.950, $"F1 {score.F1:F4}");
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
}
