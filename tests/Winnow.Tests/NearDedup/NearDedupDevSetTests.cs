using Winnow.Evaluation;
using Winnow.NearDedup;
using Winnow.Pipeline;
using Winnow.Synth.FromTexts;
using Winnow.Tests.Support;

namespace Winnow.Tests.NearDedup;

/// <summary>Issue 17, point 2: the default options on the republished development set made from real articles (docs/synth.md).</summary>
public sealed class NearDedupDevSetTests
{
    private const string Benchmark = "data/article-extraction-benchmark/ground-truth.json";
    private const string Readability = "data/extraction-dev/readability/truth.json";

    [SharedDataFact(Benchmark, Readability)]
    public void RepublishedCopiesClusterAndTrapsStayApart()
    {
        using var dir = new TempDir();
        var set = DevSet.Generate(DevSetKind.Republished, [SharedData.Path(Benchmark)!, SharedData.Path(Readability)!], new FromTextsOptions(), dir["republished.jsonl"]);
        new WinnowPipelineBuilder().Add(new NearDedupStage()).Build()
            .Run(new RunOptions { Inputs = [set.DocsPath], OutputDirectory = dir["out"], Threads = 2, WriteDocuments = false });

        var scores = RepublishedScoring.Score(RepublishedScoring.DevSet.Read(set.DocsPath, set.TruthPath), RepublishedScoring.ReadWinnowClusters(dir["out/clusters.jsonl"]));
        Assert.True(scores.SimilarPairs > 400, scores.ToString());
        Assert.True(scores.Precision >= 0.99, scores.ToString());
        Assert.True(scores.SimilarRecall >= 0.97, scores.ToString());
        Assert.True(scores.ArticleRecall >= 0.75, scores.ToString());
    }
}
