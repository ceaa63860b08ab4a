using Winnow.NearDedup;

namespace Winnow.Tests.NearDedup;

public sealed class CandidateJoinerTests
{
    [Fact]
    public void PairsAreGroupedByTheComponentTheyLink()
    {
        // Components {1,2,3,9}, {4,5}, {6,7,8}; pairs in no particular order.
        ulong[] pairs = [Key(7, 8), Key(1, 2), Key(4, 5), Key(2, 9), Key(6, 8), Key(1, 3), Key(6, 7)];
        var (order, starts) = CandidateJoiner.ByComponent(pairs, 1_000);

        var groups = Enumerable.Range(0, starts.Length - 1)
            .Select(g => order[starts[g]..starts[g + 1]].Select(i => pairs[i]).ToArray()).ToArray();
        Assert.Equal([[Key(1, 2), Key(1, 3), Key(2, 9)], [Key(4, 5)], [Key(6, 7), Key(6, 8), Key(7, 8)]], groups);
    }

    [Fact]
    public void EveryPairIsInExactlyOneGroupAndNoDocumentIsInTwo()
    {
        var random = new Random(5);
        for (var round = 0; round < 50; round++)
        {
            var pairs = Enumerable.Range(0, random.Next(0, 400))
                .Select(_ => (A: (uint)random.Next(1_000), B: (uint)random.Next(1_000)))
                .Where(p => p.A < p.B).Select(p => Key(p.A, p.B)).Distinct().ToArray();
            var (order, starts) = CandidateJoiner.ByComponent(pairs, 1_000);
            Assert.Equal(Enumerable.Range(0, pairs.Length), order.Order());
            Assert.Equal(pairs.Length, starts[^1]);
            var owner = new Dictionary<uint, int>();
            for (var g = 0; g < starts.Length - 1; g++)
            {
                Assert.True(starts[g] < starts[g + 1]);
                var keys = order[starts[g]..starts[g + 1]].Select(i => pairs[i]).ToArray();
                Assert.Equal(keys.Order(), keys);
                foreach (var key in keys)
                {
                    foreach (var document in new[] { (uint)(key >> 32), (uint)key })
                    {
                        Assert.Equal(g, owner.TryAdd(document, g) ? g : owner[document]);
                    }
                }
            }
        }
    }

    [Fact]
    public void ALargeGroupIsCutIntoRangesEveryThreadCanTake()
    {
        var n = CandidateJoiner.RangePairs;
        Assert.Equal([0, n, 2 * n, (2 * n) + 5, (2 * n) + 6], CandidateJoiner.Ranges([0, (2 * n) + 5, (2 * n) + 6]));
        Assert.Equal([0, 3, n + 3, (2 * n) + 3], CandidateJoiner.Ranges([0, 3, (2 * n) + 3]));
        Assert.Equal([0], CandidateJoiner.Ranges([0]));
    }

    private static ulong Key(uint a, uint b) => ((ulong)a << 32) | b;
}
