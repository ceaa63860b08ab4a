using Winnow.NearDedup;

namespace Winnow.Tests.NearDedup;

public sealed class MinHashSignerTests
{
    private static ulong[] RandomSet(Random random, int count) => [.. Enumerable.Range(0, count).Select(_ => (ulong)random.NextInt64())];

    /// <summary>
    /// The documented rule bin by bin: bin j takes, among the shingles of the first round that
    /// reaches j (round 0 the hashes themselves, round r ≥ 1 the hashes mixed with round r's key),
    /// the least low 32 bits.
    /// </summary>
    private static uint[] Reference(ulong[] set, int k, ulong seed)
    {
        var signature = new uint[k];
        for (var j = 0; j < k; j++)
        {
            for (var round = 0UL; ; round++)
            {
                var hashes = round == 0 ? set : [.. set.Select(x => MinHashKeys.Mix(x ^ MinHashKeys.Round(seed, round)))];
                var offers = hashes.Where(y => (int)(((y >> 32) * (ulong)k) >> 32) == j).Select(y => Math.Min((uint)y, uint.MaxValue - 1)).ToList();
                if (offers.Count > 0)
                {
                    signature[j] = offers.Min();
                    break;
                }
            }
        }

        return signature;
    }

    [Theory]
    [InlineData(128, 500)]
    [InlineData(128, 3000)]
    [InlineData(128, 127)]
    [InlineData(128, 40)]
    [InlineData(128, 1)]
    [InlineData(126, 600)] // the default 21 bands of 6 rows
    [InlineData(64, 150)]
    [InlineData(200, 300)]
    [InlineData(13, 3)]
    [InlineData(1, 7)]
    public void SignatureIsTheDocumentedRule(int numPerm, int size)
    {
        var set = RandomSet(new Random(numPerm + size), size);
        var signature = new uint[numPerm];
        new MinHashSigner(numPerm, 7).Sign(set, signature);
        Assert.Equal(Reference(set, numPerm, 7), signature);
        Assert.DoesNotContain(uint.MaxValue, signature);
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
        var signer = new MinHashSigner(1024, 5);
        var sa = new uint[1024];
        var sb = new uint[1024];
        signer.Sign(a, sa);
        signer.Sign(b, sb);
        // Standard error sqrt(J(1-J)/k) ≤ 0.016 at k = 1024; allow four of them.
        Assert.InRange(PairVerifier.Estimate(sa, sb), trueJaccard - 0.065, trueJaccard + 0.065);
    }

    [Theory]
    [InlineData(10, 5)]
    [InlineData(60, 50)]
    [InlineData(3, 2)]
    public void SmallSetsAgreeInTheShareOfTheirJaccard(int size, int common)
    {
        // Sets far smaller than the signature: most bins are filled by later rounds, and each bin
        // must still agree with probability J, or short documents would look more (or less) alike
        // than they are. 400 pairs of fresh sets; the mean's standard error is below 0.01.
        var random = new Random(size);
        var signer = new MinHashSigner(128, 3);
        var sa = new uint[128];
        var sb = new uint[128];
        var sum = 0.0;
        const int Pairs = 400;
        for (var t = 0; t < Pairs; t++)
        {
            var shared = RandomSet(random, common);
            signer.Sign([.. shared, .. RandomSet(random, size - common)], sa);
            signer.Sign([.. shared, .. RandomSet(random, size - common)], sb);
            sum += PairVerifier.Estimate(sa, sb);
        }

        var jaccard = common / (2.0 * size - common);
        Assert.InRange(sum / Pairs, jaccard - 0.03, jaccard + 0.03);
    }

    [Fact]
    public void IdenticalSetsInAnyOrderGiveIdenticalSignatures()
    {
        var signer = new MinHashSigner(128, 1);
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
    public void TheSeedChangesOnlyTheLaterRounds()
    {
        // Round 0 takes the shingle hashes as they are (the seed is in them already); bins filled
        // in later rounds depend on the seed, so a small set's signature does.
        var small = RandomSet(new Random(2), 20);
        var s9 = new uint[128];
        var s10 = new uint[128];
        new MinHashSigner(128, 9).Sign(small, s9);
        new MinHashSigner(128, 10).Sign(small, s10);
        Assert.NotEqual(s9, s10);
        var again = new uint[128];
        new MinHashSigner(128, 9).Sign(small, again);
        Assert.Equal(s9, again);
    }
}
