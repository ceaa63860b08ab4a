using Winnow.NearDedup;

namespace Winnow.Tests.NearDedup;

public sealed class MinHashSignerTests
{
    private static ulong[] RandomSet(Random random, int count) => [.. Enumerable.Range(0, count).Select(_ => (ulong)random.NextInt64())];

    [Theory]
    [InlineData(128)]
    [InlineData(200)]
    [InlineData(13)]
    public void VectorAndScalarPathsAgree(int numPerm)
    {
        var signer = new MinHashSigner(new MinHashPermutations(numPerm, 7));
        var set = RandomSet(new Random(3), 500);
        var vector = new uint[numPerm];
        var scalar = new uint[numPerm];
        signer.Sign(set, vector);
        signer.Sign(set, scalar, allowVector: false);
        Assert.Equal(scalar, vector);
        Assert.Contains(vector, v => v != vector[0]);
    }

    [Fact]
    public void ScalarPathIsTheDocumentedFormula()
    {
        var permutations = new MinHashPermutations(4, 1);
        var set = new ulong[] { 0x1234_5678_9ABC_DEF0, 42, ulong.MaxValue };
        var signature = new uint[4];
        new MinHashSigner(permutations).Sign(set, signature);
        for (var i = 0; i < 4; i++)
        {
            var expected = set.Min(x => (uint)(((UInt128)permutations.A[i] * (uint)x + permutations.B[i]) % ((UInt128)1 << 64) >> 32));
            Assert.Equal(expected, signature[i]);
        }
    }

    [Theory]
    [InlineData(0.2)]
    [InlineData(0.5)]
    [InlineData(0.8)]
    [InlineData(0.95)]
    public void EstimateIsCloseToTrueJaccard(double jaccard)
    {
        // |A ∩ B| = c, |A| = |B| = n: J = c / (2n - c).
        const int N = 2000;
        var common = (int)Math.Round(2 * N * jaccard / (1 + jaccard));
        var random = new Random(11);
        var shared = RandomSet(random, common);
        var a = shared.Concat(RandomSet(random, N - common)).ToArray();
        var b = shared.Concat(RandomSet(random, N - common)).ToArray();
        var trueJaccard = common / (2.0 * N - common);
        var signer = new MinHashSigner(new MinHashPermutations(1024, 5));
        var sa = new uint[1024];
        var sb = new uint[1024];
        signer.Sign(a, sa);
        signer.Sign(b, sb);
        // Standard error sqrt(J(1-J)/k) ≤ 0.016 at k = 1024; allow four of them.
        Assert.InRange(PairVerifier.Estimate(sa, sb), trueJaccard - 0.065, trueJaccard + 0.065);
    }

    [Fact]
    public void IdenticalSetsInAnyOrderGiveIdenticalSignatures()
    {
        var signer = new MinHashSigner(new MinHashPermutations(128, 1));
        var set = RandomSet(new Random(1), 300);
        var shuffled = set.Reverse().Concat(set.Take(50)).ToArray();
        var s1 = new uint[128];
        var s2 = new uint[128];
        signer.Sign(set, s1);
        signer.Sign(shuffled, s2);
        Assert.Equal(s1, s2);
        Assert.Equal(1.0, PairVerifier.Estimate(s1, s2));
    }

    [Fact]
    public void PermutationsAreReproducibleFromTheSeed()
    {
        Assert.Equal(new MinHashPermutations(16, 9).A, new MinHashPermutations(16, 9).A);
        Assert.NotEqual(new MinHashPermutations(16, 9).B, new MinHashPermutations(16, 10).B);
        Assert.All(new MinHashPermutations(64, 9).A, a => Assert.Equal(1UL, a & 1));
    }
}
