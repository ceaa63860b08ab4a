using Winnow.NearDedup;

namespace Winnow.Tests.NearDedup;

public sealed class UnionFindTests
{
    [Fact]
    public void RootsAreTheSmallestMemberWhateverTheJoinOrder()
    {
        var pairs = new (uint, uint)[] { (9, 4), (4, 7), (1, 8), (8, 3), (7, 6) };
        foreach (var order in new[] { pairs, pairs.Reverse().ToArray() })
        {
            var sets = new UnionFind(10);
            foreach (var (a, b) in order)
            {
                Assert.True(sets.Union(a, b));
            }

            Assert.False(sets.Union(6, 9));
            Assert.Equal(new uint[] { 0, 1, 2, 1, 4, 5, 4, 4, 1, 4 }, Enumerable.Range(0, 10).Select(i => sets.Find((uint)i)));
        }
    }
}
