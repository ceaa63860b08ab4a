using Winnow.Spill;

namespace Winnow.Tests.Spill;

public sealed class ReadAheadTests
{
    private static IEnumerable<ReadOnlyMemory<int>> Source(int blocks, int length, int[] reused)
    {
        // Like a merge: one buffer, refilled for every block.
        for (var b = 0; b < blocks; b++)
        {
            for (var i = 0; i < length; i++)
            {
                reused[i] = (b * length) + i;
            }

            yield return reused.AsMemory(0, length);
        }
    }

    [Theory]
    [InlineData(0, 10, 10)]
    [InlineData(1, 10, 10)]
    [InlineData(50, 7, 10)]
    [InlineData(5, 25, 10)]
    public void TheBlocksComeInTheSourcesOrderWithTheSameRecords(int blocks, int length, int blockRecords)
    {
        var read = new List<int>();
        foreach (var block in ReadAhead.Blocks(Source(blocks, length, new int[length]), blockRecords))
        {
            Assert.InRange(block.Length, 1, blockRecords);
            read.AddRange(block.ToArray());
        }

        Assert.Equal(Enumerable.Range(0, blocks * length), read);
    }

    [Fact]
    public void AnErrorOfTheProducerReachesTheConsumer()
    {
        static IEnumerable<ReadOnlyMemory<int>> Failing()
        {
            yield return new[] { 1, 2 };
            throw new InvalidDataException("run file cut short");
        }

        var error = Assert.Throws<InvalidDataException>(() => ReadAhead.Blocks(Failing(), 4).Select(b => b.Length).Sum());
        Assert.Equal("run file cut short", error.Message);
    }

    [Fact]
    public void AConsumerThatStopsEarlyStopsTheProducer()
    {
        // The producer would wait forever for a free buffer if it were not stopped.
        var first = ReadAhead.Blocks(Source(1000, 4, new int[4]), 4).Take(2).Select(b => b.Span[0]).ToList();
        Assert.Equal([0, 4], first);
    }
}
