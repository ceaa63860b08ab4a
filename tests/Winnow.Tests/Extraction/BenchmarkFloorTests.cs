using Winnow.Evaluation;
using Winnow.Extraction;
using Winnow.Tests.Support;

namespace Winnow.Tests.Extraction;

/// <summary>Quality floors on the shared benchmark data; pass trivially when ../shared is absent.</summary>
public class BenchmarkFloorTests
{
    [SharedDataFact("data/article-extraction-benchmark")]
    public void ArticleExtractionF1IsAtLeast0977()
    {
        // Through the command's path, without the ground truth's URL (see ShippedPathTests).
        var bench = SharedData.Folder("data/article-extraction-benchmark")!;
        var dataset = ExtractionDataset.Load("article-extraction-benchmark", Path.Combine(bench, "html"), Path.Combine(bench, "ground-truth.json"));
        var score = dataset.Score(ShippedExtraction.Texts(dataset.HtmlFolder));
        Assert.Equal(181, score.Pages.Count);
        Assert.True(score.F1 >= 0.977, $"F1 {score.F1:F4}");
    }

    // The development set (docs/benchmarks.md, extract-datasets): each at what the shipped path reaches.
    [SharedDataFact("data/extraction-dev/dragnet")]
    public void DragnetF1IsAtLeast0924() => AssertF1("extraction-dev/dragnet", 0.924);

    [SharedDataFact("data/extraction-dev/cleaneval-dev")]
    public void CleanEvalF1IsAtLeast0886() => AssertF1("extraction-dev/cleaneval-dev", 0.886);

    [SharedDataFact("data/extraction-dev/readability")]
    public void ReadabilityPagesF1IsAtLeast0959() => AssertF1("extraction-dev/readability", 0.959);

    private static void AssertF1(string folder, double floor)
    {
        var path = SharedData.Folder("data/" + folder)!;
        var dataset = ExtractionDataset.Load(folder, Path.Combine(path, "html"), Path.Combine(path, "truth.json"));
        var score = dataset.Score(ShippedExtraction.Texts(dataset.HtmlFolder));
        Assert.Equal(dataset.Truth.Count, score.Pages.Count);
        Assert.True(score.F1 >= floor, $"{folder}: F1 {score.F1:F4}");
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
