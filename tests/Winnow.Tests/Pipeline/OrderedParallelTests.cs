using Winnow.Pipeline;

namespace Winnow.Tests.Pipeline;

public class OrderedParallelTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(2, 7)]
    [InlineData(4, 16)]
    public void ResultsAreWrittenInInputOrderWhateverTheThreads(int threads, int window)
    {
        // Uneven work, so later items often finish before earlier ones.
        var random = new Random(7);
        var cost = Enumerable.Range(0, 2_000).Select(_ => random.Next(0, 3) == 0 ? 20_000 : 10).ToArray();
        var written = new List<int>();
        long inFlight = 0, mostInFlight = 0;
        OrderedParallel.Run(Enumerable.Range(0, cost.Length), threads, window, i =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref mostInFlight, now);
            Thread.SpinWait(cost[i]);
            return i * 3;
        }, r =>
        {
            Interlocked.Decrement(ref inFlight);
            written.Add(r);
        });

        Assert.Equal(Enumerable.Range(0, cost.Length).Select(i => i * 3), written);
        // Taken but not written: the window, and what one writer has collected but not yet written.
        Assert.InRange(mostInFlight, 1, 2 * window);
    }

    [Fact]
    public void OneThreadWorksOnTheCallingThread()
    {
        var caller = Environment.CurrentManagedThreadId;
        var threadsSeen = new HashSet<int>();
        OrderedParallel.Run(Enumerable.Range(0, 100), 1, 4, i => threadsSeen.Add(Environment.CurrentManagedThreadId), _ => threadsSeen.Add(Environment.CurrentManagedThreadId));
        Assert.Equal([caller], threadsSeen);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void AFailingItemStopsTheRunAndItsErrorReachesTheCaller(int threads)
    {
        var written = new List<int>();
        var e = Assert.Throws<InvalidOperationException>(() => OrderedParallel.Run(Enumerable.Range(0, 10_000), threads, 8 * threads,
            i => i == 500 ? throw new InvalidOperationException("item 500") : i, written.Add));
        Assert.Equal("item 500", e.Message);
        Assert.Equal(Enumerable.Range(0, written.Count), written);
        Assert.True(written.Count <= 500, $"{written.Count} written");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void AFailingWriterOrSourceStopsTheRun(int threads)
    {
        Assert.Throws<IOException>(() => OrderedParallel.Run(Enumerable.Range(0, 10_000), threads, 4 * threads, i => i,
            r => { if (r == 99) { throw new IOException("disk full"); } }));
        Assert.Throws<FormatException>(() => OrderedParallel.Run(Source(), threads, 4 * threads, i => i, _ => { }));

        static IEnumerable<int> Source()
        {
            for (var i = 0; i < 100; i++)
            {
                yield return i;
            }

            throw new FormatException("cut record");
        }
    }

    [Fact]
    public void HelpersStartedEarlyPrepareFirstThenTakeTheirShare()
    {
        var prepared = new System.Collections.Concurrent.ConcurrentBag<int>();
        var workers = new System.Collections.Concurrent.ConcurrentDictionary<int, bool>();
        var written = new List<int>();
        using var helpers = new HelperThreads(2, () => prepared.Add(Environment.CurrentManagedThreadId));
        OrderedParallel.Run(Enumerable.Range(0, 3_000), 3, 12, i =>
        {
            workers[Environment.CurrentManagedThreadId] = true;
            Thread.SpinWait(i % 7 == 0 ? 20_000 : 50);
            return i;
        }, written.Add, helpers);

        Assert.Equal(Enumerable.Range(0, 3_000), written);
        Assert.Equal(2, prepared.Count);
        Assert.DoesNotContain(Environment.CurrentManagedThreadId, prepared);
        Assert.Subset(workers.Keys.ToHashSet(), prepared.ToHashSet());
    }

    [Fact]
    public void HelpersGivenNoWorkEndWhenDisposed()
    {
        var helpers = new HelperThreads(3, () => Thread.Sleep(10));
        helpers.Dispose(); // returns only once the threads have ended
        Assert.Throws<InvalidOperationException>(() => helpers.Begin(() => { }));
    }

    [Fact]
    public void APreparationThatFailsFailsTheRunAfterTheWorkIsDone()
    {
        var written = new List<int>();
        using var helpers = new HelperThreads(1, () => throw new InvalidOperationException("warm-up"));
        var e = Assert.Throws<InvalidOperationException>(() => OrderedParallel.Run(Enumerable.Range(0, 100), 2, 8, i => i, written.Add, helpers));
        Assert.Equal("warm-up", e.Message);
        Assert.Equal(Enumerable.Range(0, 100), written); // the calling thread did every item
    }

    [Fact]
    public void HelpersMustMatchTheThreadCount()
    {
        using var helpers = new HelperThreads(1, null);
        Assert.Throws<ArgumentException>(() => OrderedParallel.Run(Enumerable.Range(0, 10), 3, 8, i => i, _ => { }, helpers));
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
