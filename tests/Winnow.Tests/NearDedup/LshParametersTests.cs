using Winnow.NearDedup;

namespace Winnow.Tests.NearDedup;

public sealed class LshParametersTests
{
    // Expected layouts computed with datasketch 1.10.0's lsh._optimal_param(threshold, num_perm, 0.5, 0.5).
    [Theory]
    [InlineData(0.8, 128, 9, 13)]
    [InlineData(0.5, 128, 25, 5)]
    [InlineData(0.7, 256, 25, 10)]
    [InlineData(0.9, 64, 3, 21)]
    [InlineData(0.85, 128, 8, 16)]
    [InlineData(0.8, 256, 17, 15)]
    [InlineData(0.6, 64, 10, 6)]
    [InlineData(0.95, 200, 4, 48)]
    public void OptimalLayoutMatchesDatasketch(double threshold, int numPerm, int bands, int rows) =>
        Assert.Equal(new LshParameters(bands, rows), LshParameters.Optimal(threshold, numPerm));

    [Fact]
    public void CollisionCurveIsSteepAroundTheThreshold()
    {
        var lsh = LshParameters.Optimal(0.8, 128);
        Assert.True(lsh.Collision(0.5) < 0.01);
        Assert.True(lsh.Collision(0.95) > 0.99);
        Assert.Equal(0, lsh.Collision(0));
        Assert.Equal(1, lsh.Collision(1));
    }

    [Fact]
    public void ExplicitBandsAndRowsOverrideTheThreshold()
    {
        var options = new MinHashOptions { Bands = 16, Rows = 8 };
        Assert.Equal(new LshParameters(16, 8), options.Lsh);
        Assert.Equal(new LshParameters(21, 6), new MinHashOptions().Lsh);
        Assert.Equal(new LshParameters(9, 13), new MinHashOptions { Verify = VerifyMode.Estimate }.Lsh);
        Assert.Throws<ArgumentOutOfRangeException>(() => new MinHashOptions { Bands = 20, Rows = 8 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new MinHashOptions { Threshold = 0 }.Validate());
    }

    [Theory]
    [InlineData(0.8, 128, 21, 6)]
    [InlineData(0.9, 128, 12, 10)]
    [InlineData(0.5, 64, 32, 2)]
    public void RecallLayoutCatchesPairsAtTheThreshold(double threshold, int numPerm, int bands, int rows)
    {
        var lsh = LshParameters.ForRecall(threshold, numPerm);
        Assert.Equal(new LshParameters(bands, rows), lsh);
        Assert.True(lsh.Collision(threshold) >= 0.99);
        Assert.True(LshParameters.Collision(threshold, numPerm / (rows + 1), rows + 1) < 0.99);
    }
}
