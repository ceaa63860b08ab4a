using Winnow.Evaluation;

namespace Winnow.Tests.Evaluation;

public sealed class ClusterQualityTests
{
    [Fact]
    public void AdjustedRandIndexOfAKnownExample()
    {
        // Contingency {a:{x:2}, b:{y:1}, c:{y:1}}: index 1, expected 1·2/6, max 1.5 → (1 - 1/3) / (1.5 - 1/3) = 4/7.
        var scores = ClusterQuality.Score([0, 0, 1, 2], [0, 0, 1, 1]);
        Assert.Equal(4.0 / 7, scores.AdjustedRandIndex, 12);
        Assert.Equal(0.5, scores.Precision, 12);
        Assert.Equal(1.0, scores.Recall, 12);
    }

    [Fact]
    public void PerfectAndUninformativeClusterings()
    {
        Assert.Equal(1.0, ClusterQuality.Score([5, 5, 7, 7, 9], [1, 1, 2, 2, 3]).AdjustedRandIndex, 12);
        var none = ClusterQuality.Score([0, 0, 0, 0], [0, 1, 2, 3]);
        Assert.Equal(0.0, none.AdjustedRandIndex, 12);
        Assert.Equal(0.0, none.Recall, 12);
        Assert.Equal(6, none.TruePairs);
    }
}
