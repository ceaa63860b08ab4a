using System.Collections.Concurrent;

namespace Winnow.Spill;

/// <summary>
/// Runs a producer of blocks (a k-way merge of sorted runs) on a thread of its own, up to two
/// blocks ahead of the consumer, so that merging and what is done with the merged records
/// (joining candidate pairs) take two cores instead of one after the other.
/// </summary>
/// <remarks>
/// Blocks are copied into three rotating buffers: as with the source, a block is valid until the
/// next one is asked for. The order is the source's. An error of the producer is thrown to the
/// consumer; a consumer that stops early stops the producer.
/// </remarks>
internal static class ReadAhead
{
    public static IEnumerable<ReadOnlyMemory<T>> Blocks<T>(IEnumerable<ReadOnlyMemory<T>> source, int blockRecords)
    {
        using var stop = new CancellationTokenSource();
        using var ready = new BlockingCollection<(T[] Buffer, int Count)>(boundedCapacity: 2);
        using var free = new BlockingCollection<T[]>();
        for (var i = 0; i < 3; i++)
        {
            free.Add(new T[blockRecords]);
        }

        var producer = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    foreach (var block in source)
                    {
                        for (var from = 0; from < block.Length; from += blockRecords)
                        {
                            var piece = block.Span.Slice(from, Math.Min(blockRecords, block.Length - from));
                            var buffer = free.Take(stop.Token);
                            piece.CopyTo(buffer);
                            ready.Add((buffer, piece.Length), stop.Token);
                        }
                    }
                }
                finally
                {
                    ready.CompleteAdding();
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        try
        {
            T[]? previous = null;
            foreach (var (buffer, count) in ready.GetConsumingEnumerable())
            {
                if (previous is not null)
                {
                    free.Add(previous);
                }

                yield return buffer.AsMemory(0, count);
                previous = buffer;
            }
        }
        finally
        {
            stop.Cancel();
            try
            {
                producer.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Stopped because the consumer stopped first.
            }
        }
    }
}
