using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Winnow.Readers;

namespace Winnow.Pipeline;

/// <summary>
/// How a map step's batches are consumed, the same in one process and in a unit of a sharded run:
/// a reader thread reads ahead, and a thread per core takes the next batch through the step.
/// </summary>
internal static class BatchWorkers
{
    /// <summary>
    /// The threads each step of one batch may use when <see cref="Run"/> takes batches with
    /// <paramref name="parallel"/>'s threads: one each when batches go several at once.
    /// </summary>
    public static ParallelOptions WithinBatch(ParallelOptions parallel) =>
        parallel.MaxDegreeOfParallelism == 1 ? parallel : new ParallelOptions { MaxDegreeOfParallelism = 1, CancellationToken = parallel.CancellationToken };

    /// <summary>
    /// Runs <paramref name="handle"/> on every batch of <paramref name="source"/>, read ahead on a
    /// thread of its own: <paramref name="workers"/> threads each take the next batch, the batches'
    /// ordered steps taken in input order (<see cref="BatchTurns"/> of <paramref name="turnCount"/>
    /// turns). With one worker, one batch at a time on this thread. A failure is that of the
    /// earliest batch that failed; the batches before it are finished first.
    /// </summary>
    public static void Run(IEnumerable<RecordBatch> source, int workers, int turnCount, Action<RecordBatch, BatchTurn> handle, CancellationToken cancellationToken)
    {
        if (workers <= 1)
        {
            ReadAhead(source, cancellationToken, batches =>
            {
                foreach (var batch in batches.GetConsumingEnumerable(cancellationToken))
                {
                    using (batch)
                    {
                        handle(batch, BatchTurn.Alone);
                    }
                }
            });
            return;
        }

        var turns = new BatchTurns(turnCount);
        var failures = new ConcurrentBag<(long Sequence, Exception Error)>();
        var next = 0L;
        var taking = new object();
        ReadAhead(source, cancellationToken, batches =>
        {
            var threads = Enumerable.Range(0, workers).Select(_ => Task.Factory.StartNew(
                () =>
                {
                    while (failures.IsEmpty)
                    {
                        RecordBatch? batch;
                        long sequence;
                        try
                        {
                            lock (taking)
                            {
                                // Taken and numbered together, so numbers follow input order.
                                if (!batches.TryTake(out batch, Timeout.Infinite, cancellationToken))
                                {
                                    return;
                                }

                                sequence = next++;
                            }
                        }
                        catch (OperationCanceledException e)
                        {
                            // Cancelled between batches: after whatever the batches taken meet.
                            failures.Add((long.MaxValue, e));
                            return;
                        }

                        using (batch)
                        {
                            try
                            {
                                // Turns the handler had no use for are passed, or the next batch would wait at them.
                                var turn = turns.For(sequence);
                                handle(batch, turn);
                                turn.Finish();
                            }
                            catch (Exception e)
                            {
                                failures.Add((sequence, e));
                                turns.Fail(sequence);

                                // No more batches: a thread waiting for one (input from a pipe) returns.
                                batches.CompleteAdding();
                                return;
                            }
                        }
                    }
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default)).ToArray();
            Task.WaitAll(threads);
            if (!failures.IsEmpty)
            {
                // The earliest batch's error is the run's: later batches only stopped because of it.
                ExceptionDispatchInfo.Capture(failures.MinBy(f => f.Sequence).Error).Throw();
            }
        });
    }

    /// <summary>
    /// Reads batches on a thread of its own into a short queue that <paramref name="consume"/>
    /// empties; it stops reading when <paramref name="consume"/> throws. A thread of its own, not a
    /// pool thread: it waits whenever it is ahead, and a pool thread waiting there was one fewer for
    /// the batches' work (the 1M replay 2.1 -> 1.95 s).
    /// </summary>
    private static void ReadAhead(IEnumerable<RecordBatch> source, CancellationToken cancellationToken, Action<BlockingCollection<RecordBatch>> consume)
    {
        using var batches = new BlockingCollection<RecordBatch>(boundedCapacity: 3);
        var producer = Task.Factory.StartNew(() => Produce(source, batches, cancellationToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            consume(batches);
            producer.GetAwaiter().GetResult();
        }
        finally
        {
            // Stop the reader if we leave early, then drain what it already made.
            batches.CompleteAdding();
            foreach (var left in batches)
            {
                left.Dispose();
            }
        }
    }

    private static void Produce(IEnumerable<RecordBatch> source, BlockingCollection<RecordBatch> batches, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var batch in source)
            {
                if (!batches.TryAdd(batch, Timeout.Infinite, cancellationToken))
                {
                    batch.Dispose();
                    return;
                }
            }
        }
        catch (InvalidOperationException) when (batches.IsAddingCompleted)
        {
            // The consumer stopped first; nothing more to do.
        }
        finally
        {
            if (!batches.IsAddingCompleted)
            {
                batches.CompleteAdding();
            }
        }
    }
}
