using Winnow.NearDedup;

namespace Winnow.Tests.NearDedup;

public sealed class BandRecordSorterTests
{
    [Theory]
    [InlineData(0, 10)]
    [InlineData(1, 10)]
    [InlineData(23, 3)]
    [InlineData(25, 1000)]
    [InlineData(5000, 7)]
    [InlineData(100_000, 1_000_000)]
    public void SortsByKeyThenDocument(int count, int distinctKeys)
    {
        var random = new Random(count);
        var records = Enumerable.Range(0, count)
            .Select(_ => new BandRecord((ulong)random.Next(distinctKeys) * 0x9E3779B97F4A7C15UL, (uint)random.Next(count + 1)))
            .ToArray();
        var expected = records.OrderBy(r => r.Key).ThenBy(r => r.Document).ToArray();
        BandRecordSorter.Sort(records);
        Assert.Equal(expected, records);
    }

    [Fact]
    public void SortedAndReversedInputsStaySorted()
    {
        var sorted = Enumerable.Range(0, 10_000).Select(i => new BandRecord((ulong)i / 3, (uint)i)).ToArray();
        var reversed = sorted.Reverse().ToArray();
        BandRecordSorter.Sort(reversed);
        Assert.Equal(sorted, reversed);
        var copy = sorted.ToArray();
        BandRecordSorter.Sort(copy);
        Assert.Equal(sorted, copy);
    }

    [Fact]
    public void HeapsortFallbackSortsToo()
    {
        var random = new Random(3);
        var records = Enumerable.Range(0, 3000).Select(_ => new BandRecord((ulong)random.Next(50), (uint)random.Next(100))).ToArray();
        var expected = records.OrderBy(r => r.Key).ThenBy(r => r.Document).ToArray();
        BandRecordSorter.IntroSort(records, depth: 0);
        Assert.Equal(expected, records);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(8)]
    public void ParallelSortGivesTheSameOrder(int threads)
    {
        var random = new Random(7);
        var records = Enumerable.Range(0, 200_000).Select(i => new BandRecord((ulong)random.Next(50_000) * 0x9E3779B97F4A7C15UL, (uint)i)).ToArray();
        var expected = records.OrderBy(r => r.Key).ThenBy(r => r.Document).ToArray();
        BandRecordSorter.Sort(records.AsMemory(), new ParallelOptions { MaxDegreeOfParallelism = threads });
        Assert.Equal(expected, records);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 0)]
    [InlineData(3, 0)]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    public void BucketsOfAnySkewSortToTheSameOrder(int threads, int keys)
    {
        // Past the bucket pass's minimum: keys spread over every bucket, all in one bucket (below
        // 2^52), all equal, and half in the last bucket with the rest spread.
        var random = new Random(threads * 10 + keys);
        var records = Enumerable.Range(0, 70_000).Select(i => new BandRecord(keys switch
        {
            0 => (ulong)random.NextInt64() * 2 + (ulong)(i & 1),
            1 => (ulong)random.Next(5_000),
            2 => 42UL,
            _ => i % 2 == 0 ? ulong.MaxValue - (ulong)random.Next(100) : (ulong)random.NextInt64(),
        }, (uint)random.Next(50_000))).ToArray();
        var expected = records.OrderBy(r => r.Key).ThenBy(r => r.Document).ToArray();
        BandRecordSorter.Sort(records.AsMemory(), new ParallelOptions { MaxDegreeOfParallelism = threads });
        Assert.Equal(expected, records);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1000)]
    [InlineData(100_000)]
    public void RadixSortOrdersRecordsAddedInDocumentOrder(int count)
    {
        var random = new Random(count + 1);
        // Documents ascending with repeats (several bands per document), keys with repeats and all 64 bits used.
        var records = Enumerable.Range(0, count)
            .Select(i => new BandRecord(((ulong)random.Next(count / 3 + 1) * 0x9E3779B97F4A7C15UL) ^ ((ulong)random.Next(4) << 62), (uint)(i / 3)))
            .ToArray();
        var expected = records.OrderBy(r => r.Key).ThenBy(r => r.Document).ToArray();
        Assert.True(BandRecordSorter.TryRadixSort(records, new BandRecord[count]));
        Assert.Equal(expected, records);
    }

    [Fact]
    public void RadixSortOrdersKeysThatDifferOnlyInTheirLowBits()
    {
        // Keys below 2^31, with or without the top bit: two runs of equal upper bits, finished by the comparison sort.
        var random = new Random(9);
        var records = Enumerable.Range(0, 5000).Select(i => new BandRecord((uint)random.Next(700) | ((ulong)(uint)(i % 2) << 63), (uint)(i / 2))).ToArray();
        var expected = records.OrderBy(r => r.Key).ThenBy(r => r.Document).ToArray();
        Assert.True(BandRecordSorter.TryRadixSort(records, new BandRecord[records.Length]));
        Assert.Equal(expected, records);
    }

    [Fact]
    public void RadixSortDeclinesRecordsOutOfDocumentOrder()
    {
        BandRecord[] records = [new(5, 2), new(1, 1)];
        Assert.False(BandRecordSorter.TryRadixSort(records, new BandRecord[2]));
        Assert.Equal([new BandRecord(5, 2), new BandRecord(1, 1)], records);
    }
}
