using System.Collections.Concurrent;
using Winnow.Cli;
using Winnow.Documents;
using Winnow.Pipeline;
using Winnow.Tests.Support;
using static Winnow.Tests.Cli.CliTests;

namespace Winnow.Tests.Pipeline;

/// <summary>
/// Several batches go through a map step at once, each on its own thread; what depends on the
/// batches before (counting, corpus stages, writing) takes its turn in input order.
/// </summary>
[Collection(nameof(Tests.Cli.ConsoleCollection))]
public sealed class BatchTurnsTests
{
    [Fact]
    public void EveryTurnIsTakenInBatchOrderWhateverTheThreadTiming()
    {
        const int batches = 60, turnCount = 5;
        var turns = new BatchTurns(turnCount);
        var taken = Enumerable.Range(0, turnCount).Select(_ => new ConcurrentQueue<int>()).ToArray();
        var next = -1;
        var workers = Enumerable.Range(0, 4).Select(w => new Thread(() =>
        {
            var random = new Random(w);
            for (int b; (b = Interlocked.Increment(ref next)) < batches;)
            {
                var turn = turns.For(b);
                for (var t = 0; t < turnCount; t++)
                {
                    // Batches skip some turns (no documents left); the next batch must not wait for them.
                    if ((b + t) % 3 == 0)
                    {
                        continue;
                    }

                    Thread.SpinWait(random.Next(20_000));
                    turn.InOrder(t, () => taken[t].Enqueue(b));
                }

                turn.Finish();
            }
        })).ToArray();

        Assert.True(RunAll(workers, TimeSpan.FromSeconds(60)), "the batches did not all get through");
        for (var t = 0; t < turnCount; t++)
        {
            var expected = Enumerable.Range(0, batches).Where(b => (b + t) % 3 != 0).ToList();
            Assert.Equal(expected, taken[t].ToList());
        }
    }

    [Fact]
    public void AFailedBatchStopsTheBatchesAfterItAndNotTheOnesBefore()
    {
        var turns = new BatchTurns(3);
        var finished = new ConcurrentBag<int>();
        var stopped = new ConcurrentBag<int>();
        var threads = Enumerable.Range(0, 6).Select(b => new Thread(() =>
        {
            var turn = turns.For(b);
            try
            {
                turn.InOrder(0, () => { });
                turn.InOrder(1, () =>
                {
                    if (b == 3)
                    {
                        throw new InvalidDataException("batch 3");
                    }
                });
                turn.InOrder(2, () => { });
                finished.Add(b);
            }
            catch (OperationCanceledException)
            {
                stopped.Add(b);
            }
            catch (InvalidDataException)
            {
                stopped.Add(b);
            }
        })).ToArray();

        Assert.True(RunAll(threads, TimeSpan.FromSeconds(30)), "a batch waited for the failed one forever");
        Assert.Equal([0, 1, 2], finished.Order());
        Assert.Equal([3, 4, 5], stopped.Order());
    }

    [Fact]
    public void EveryStageOverManyBatchesGivesTheSameBytesOnAnyThreadCount()
    {
        // 12,000 documents: three batches of records at least, so batches overlap in the loop; and
        // sharded, two tasks one at a time, so each unit has two threads for its ~6,000 documents.
        using var dir = new TempDir();
        string[][] runs = [["t1", "-t", "1"], ["t2", "-t", "2"], ["t3", "-t", "3"], ["sharded", "-t", "2", "--tasks", "2", "--workers", "1"]];
        foreach (var run in runs)
        {
            var (code, _, error) = Capture(() => Program.Run(["demo", "--dir", dir[run[0]], "--docs", "12000", "-q", .. run[1..]]));
            Assert.True(code == 0, error);
        }

        var one = RunOutputReader.AllFiles(dir["t1/run"]);
        Assert.Contains("clusters.jsonl", one.Keys);
        Assert.Contains("reuse.jsonl", one.Keys);
        foreach (var run in runs[1..])
        {
            RunOutputReader.AssertSameRun(dir["t1/run"], dir[$"{run[0]}/run"], $" between t1 and {run[0]}");
        }
    }

    [Fact]
    public void WithOnErrorFailTheFirstBadRecordInInputOrderEndsTheRun()
    {
        // Two bad records in different batches: whatever the threads, the earlier one is reported.
        using var dir = new TempDir();
        var lines = Enumerable.Range(0, 14_000).Select(i => i switch
        {
            9_000 => "{\"id\":\"bad-early\",\"text\":",
            13_000 => "{\"id\":\"bad-late\",\"text\":",
            _ => $"{{\"id\":\"d{i}\",\"text\":\"document {i} has a few words of its own, {i % 977} and {i % 31}\"}}",
        });
        dir.Write("in.jsonl", string.Join('\n', lines) + "\n");
        foreach (var threads in new[] { "1", "2", "4" })
        {
            var (code, _, error) = Capture(() => Program.Run(["run", dir["in.jsonl"], "--out", dir["out" + threads], "--on-error", "fail", "-t", threads, "-q"]));
            Assert.NotEqual(0, code);
            Assert.Contains("in.jsonl:9001", error, StringComparison.Ordinal);
            Assert.DoesNotContain("13001", error, StringComparison.Ordinal);
        }
    }

    /// <summary>Throws on one document: a stage's own error, in the middle of a run.</summary>
    private sealed class ThrowingStage(string id) : DocumentStage
    {
        public override string Name => "throwing";

        public override void Process(Document document)
        {
            if (document.Id == id)
            {
                throw new InvalidOperationException($"stage failed on {id}");
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void AStageErrorInALaterBatchEndsTheRunWithThatErrorAndNoOther(int threads)
    {
        using var dir = new TempDir();
        dir.Write("in.jsonl", string.Join('\n', Enumerable.Range(0, 13_000).Select(i => $"{{\"id\":\"d{i}\",\"text\":\"words of document {i}\"}}")));
        var pipeline = new WinnowPipelineBuilder()
            .Add(new Winnow.Dedup.ExactDedupStage())
            .Add(new ThrowingStage("d9000"))
            .Build();
        var run = Task.Run(() => pipeline.Run(new RunOptions { Inputs = [dir["in.jsonl"]], OutputDirectory = dir["out"], Threads = threads }));
        var error = Assert.Throws<AggregateException>(() => run.Wait(TimeSpan.FromSeconds(60)));
        Assert.Equal("stage failed on d9000", Assert.IsType<InvalidOperationException>(error.InnerException).Message);
    }

    /// <summary>Starts the threads and waits for them all; false if one is still running at the limit.</summary>
    private static bool RunAll(Thread[] threads, TimeSpan limit)
    {
        foreach (var thread in threads)
        {
            thread.IsBackground = true;
            thread.Start();
        }

        var end = DateTime.UtcNow + limit;
        return threads.All(t => t.Join(Max(end - DateTime.UtcNow, TimeSpan.Zero)));
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
