using Winnow.NearDedup;
using Winnow.Tests.Support;

namespace Winnow.Tests.NearDedup;

public sealed class ExternalBandSorterTests
{
    [Theory]
    [InlineData(12 * 7, 20_000)]
    [InlineData(12 * 1000, 20_000)]
    [InlineData(12 * 2000, 20_000)] // 10 runs and a tail: the heads are scanned
    [InlineData(12 * 4000, 20_000)] // 5 runs, nothing left in memory
    [InlineData(12 * 19_999, 20_000)] // 1 run and a tail of one record
    [InlineData(1 << 20, 20_000)]
    [InlineData(12, 50)]
    public void MergedRunsComeOutInKeyThenDocumentOrder(long memory, int count)
    {
        using var dir = new TempDir();
        var random = new Random(4);
        // Few distinct keys, so equal keys span runs and the document tie-break matters.
        var records = Enumerable.Range(0, count).Select(i => new BandRecord((ulong)random.Next(300) * 0x9E3779B97F4A7C15UL, (uint)i)).ToArray();
        using var sorter = new ExternalBandSorter(dir["runs"], memory);
        foreach (var chunk in records.Chunk(37))
        {
            sorter.Add(chunk);
        }

        var merged = sorter.MergeBlocks().SelectMany(b => b.ToArray()).ToList();
        Assert.Equal(records.OrderBy(r => r.Key).ThenBy(r => r.Document), merged);
        Assert.Equal(count, sorter.Count);
        Assert.Equal(memory < count * 12L ? count * 12L / memory : 0, sorter.RunCount);
    }

    [Theory]
    [InlineData(70_001, 200_000, 2)] // two full buffers, each spilled as one run of two sorted halves
    [InlineData(70_001, 210_000, 2)] // and a tail large enough to be sorted in halves too
    [InlineData(300_000, 100_000, 0)] // no run: the tail's two halves are merged alone
    public void WithTwoThreadsHalvesOfABufferAreSortedApartAndTheMergeIsTheSame(int buffer, int count, int runs)
    {
        using var dir = new TempDir();
        var random = new Random(5);
        // Records shuffled out of document order, so the tail takes the comparison sort, not the radix one.
        var records = Enumerable.Range(0, count).Select(i => new BandRecord((ulong)random.Next(50_000) * 0x9E3779B97F4A7C15UL, (uint)random.Next(count))).ToArray();
        using var sorter = new ExternalBandSorter(dir["runs"], 12L * buffer, parallelism: 2);
        foreach (var chunk in records.Chunk(4096))
        {
            sorter.Add(chunk);
        }

        Assert.Equal(runs, sorter.RunCount);
        Assert.Equal(runs, Directory.GetFiles(dir["runs"]).Length);
        var merged = sorter.MergeBlocks(new ParallelOptions { MaxDegreeOfParallelism = 2 }).SelectMany(b => b.ToArray()).ToList();
        Assert.Equal(records.OrderBy(r => r.Key).ThenBy(r => r.Document), merged);
    }

    [Fact]
    public void RunFilesAreDeletedOnDispose()
    {
        using var dir = new TempDir();
        using (var sorter = new ExternalBandSorter(dir["runs"], 24))
        {
            sorter.Add([new BandRecord(3, 0), new BandRecord(1, 1), new BandRecord(2, 2)]);
            Assert.Single(Directory.GetFiles(dir["runs"]));
            Assert.Equal([1UL, 2UL, 3UL], sorter.MergeBlocks().SelectMany(b => b.ToArray()).Select(r => r.Key));
        }

        Assert.Empty(Directory.GetFiles(dir["runs"]));
    }
}
