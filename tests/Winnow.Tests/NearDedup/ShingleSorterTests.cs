using Winnow.NearDedup;

namespace Winnow.Tests.NearDedup;

public sealed class ShingleSorterTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(33)]
    [InlineData(500)]
    [InlineData(4097)]
    public void SortsLikeArraySort(int n)
    {
        var random = new Random(n);
        var values = Enumerable.Range(0, n).Select(_ => (ulong)random.NextInt64() * 3).ToArray();
        var expected = values.Order().ToArray();
        ShingleSorter.Sort(values);
        Assert.Equal(expected, values);
    }

    [Fact]
    public void SortsSkewedValuesWithDuplicates()
    {
        // Not uniform: everything in a few buckets, many repeats (a text repeating one phrase).
        var repeated = Enumerable.Range(0, 100_000).Select(i => (ulong)(i % 5) * 0x9E3779B97F4A7C15UL).ToArray();
        var sorted = repeated.Order().ToArray();
        ShingleSorter.Sort(repeated);
        Assert.Equal(sorted, repeated);
        var values = Enumerable.Range(0, 3000).Select(i => ((ulong)(i % 7) << 60) + (ulong)(i % 13)).ToArray();
        var expected = values.Order().ToArray();
        ShingleSorter.Sort(values);
        Assert.Equal(expected, values);
    }

    [Fact]
    public void SortsSetsOfEverySizeOneAfterAnother()
    {
        // The sorter's pooled buffers come back from one call to the next: a smaller set after a
        // larger one must not see the larger one's bucket counts. Hashes at both ends of the range too.
        var random = new Random(17);
        foreach (var n in new[] { 4097, 33, 1000, 31, 64, 700, 2, (1 << 20) + 5, 5000, 100 })
        {
            var values = Enumerable.Range(0, n).Select(i => i % 97 == 0 ? ulong.MaxValue - (ulong)i : (ulong)random.NextInt64() << 1).ToArray();
            var expected = values.Order().ToArray();
            ShingleSorter.Sort(values);
            Assert.Equal(expected, values);
        }
    }
}
