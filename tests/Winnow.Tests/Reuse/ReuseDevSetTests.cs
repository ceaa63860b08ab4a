using Winnow.Evaluation;
using Winnow.Pipeline;
using Winnow.Reuse;
using Winnow.Synth.FromTexts;
using Winnow.Tests.Support;

namespace Winnow.Tests.Reuse;

/// <summary>Issue 17, point 3: the default options on the quoted development set made from real articles (docs/synth.md).</summary>
public sealed class ReuseDevSetTests
{
    private const string Benchmark = "data/article-extraction-benchmark/ground-truth.json";
    private const string Readability = "data/extraction-dev/readability/truth.json";

    [SharedDataFact(Benchmark, Readability)]
    public void QuotedPassagesAreFoundWithTheirBoundaries()
    {
        using var dir = new TempDir();
        var set = DevSet.Generate(DevSetKind.Quoted, [SharedData.Path(Benchmark)!, SharedData.Path(Readability)!], new FromTextsOptions(), dir["quoted.jsonl"]);
        new WinnowPipelineBuilder().Add(new ReuseStage()).Build().Run(new RunOptions { Inputs = [set.DocsPath], OutputDirectory = dir["out"], Threads = 2 });

        var scores = QuotedScoring.Score(set.DocsPath, set.TruthPath, dir["out/reuse.jsonl"]);
        Assert.True(scores.Eligible > 150, scores.ToString());
        Assert.True(scores.Recall >= 0.95, scores.ToString());
        Assert.True(scores.Precision >= 0.95, scores.ToString());
        Assert.True(scores.Boundaries >= 0.9, scores.ToString());
    }
}
