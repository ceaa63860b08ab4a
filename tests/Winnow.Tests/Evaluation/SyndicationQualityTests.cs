using System.Text.Json;
using Winnow.Evaluation;
using Winnow.NearDedup;
using Winnow.Synth;
using Winnow.Tests.Support;

namespace Winnow.Tests.Evaluation;

public sealed class SyndicationQualityTests
{
    private const string Benchmark = "data/article-extraction-benchmark/ground-truth.json";

    [SharedDataFact(Benchmark)]
    public void DefaultsMeetThePrecisionAndRecallFloorsOnRealArticles()
    {
        using var truth = JsonDocument.Parse(File.ReadAllText(SharedData.Path(Benchmark)!));
        var articles = truth.RootElement.EnumerateObject().Select(p => p.Value.GetProperty("articleBody").GetString() ?? string.Empty).ToList();
        var report = SyndicationQuality.Run(articles, new MinHashOptions());
        Assert.True(report.Pairs.TruePairs > 100, $"truth pairs {report.Pairs.TruePairs}");
        Assert.True(report.Pairs.Precision >= 0.99, $"precision {report.Pairs.Precision:F4}");
        Assert.True(report.Pairs.Recall >= 0.95, $"recall {report.Pairs.Recall:F4}");
    }

    [Fact]
    public void CopiesAreDeterministicAndFarVariantsAreFar()
    {
        var originals = Enumerable.Range(0, 6).Select(a => string.Join("\n", Enumerable.Range(0, 8).Select(p => string.Join(' ', Enumerable.Range(0, 60).Select(w => $"w{a}x{p}y{w % 17}z{w}"))))).ToList();
        var first = SyndicatedCopies.Create(originals);
        Assert.Equal(first, SyndicatedCopies.Create(originals));
        Assert.Equal(6 * 3 + 3, first.Count);
        var hasher = new ShingleHasher(5, 1);
        double J(string a, string b) => ShingleStore.Jaccard(PairScoring.ShingleSet(hasher, a), PairScoring.ShingleSet(hasher, b));
        foreach (var copy in first.Where(c => c.Id.EndsWith("-far", StringComparison.Ordinal)))
        {
            Assert.True(J(copy.Text, originals[copy.Group]) < 0.5);
        }

        Assert.All(first.Where(c => c.Id.EndsWith("-light", StringComparison.Ordinal)), c => Assert.True(J(c.Text, originals[c.Group]) > 0.7));
    }

    [Fact]
    public void PairScoringCountsJudgedPairsAsCorrect()
    {
        // Truth: {0,1} and {2,3}; predicted: {0,1,2} and {3}.
        long[] truth = [0, 0, 2, 2];
        long[] predicted = [7, 7, 7, -4];
        var strict = PairScoring.Score(predicted, truth, (_, _) => false);
        Assert.Equal((3L, 1L, 2L, 1L), (strict.PredictedPairs, strict.CorrectPairs, strict.TruePairs, strict.FoundPairs));
        var judged = PairScoring.Score(predicted, truth, (a, b) => (a, b) == (1, 2));
        Assert.Equal(2, judged.CorrectPairs);
        Assert.Equal(0.5, judged.Recall);
    }
}
