using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Winnow.Spill;

/// <summary>K-way merge of sorted run files of fixed-size records.</summary>
internal static class RunMerger<T>
    where T : unmanaged, IComparable<T>
{
    private const int ReadBufferBytes = 1 << 16;

    public static IEnumerable<T> Merge(IReadOnlyList<string> runs) => Merge(runs, []);

    // The runs, and the sorted runs in memory.
    private static IEnumerable<T> Merge(IReadOnlyList<string> runs, IReadOnlyList<ReadOnlyMemory<T>> inMemory)
    {
        var memory = inMemory.Where(m => !m.IsEmpty).ToList();
        var readers = new RunReader[runs.Count + memory.Count];
        var queue = new PriorityQueue<int, T>(readers.Length, Comparer<T>.Create((a, b) => a.CompareTo(b)));
        try
        {
            for (var i = 0; i < readers.Length; i++)
            {
                readers[i] = i < runs.Count ? new RunReader(runs[i]) : new RunReader(memory[i - runs.Count]);
                if (readers[i].TryRead(out var first))
                {
                    queue.Enqueue(i, first);
                }
            }

            while (queue.TryDequeue(out var run, out var record))
            {
                yield return record;
                if (readers[run].TryRead(out var next))
                {
                    queue.Enqueue(run, next);
                }
            }
        }
        finally
        {
            foreach (var reader in readers)
            {
                reader?.Dispose();
            }
        }
    }

    /// <summary>
    /// The same merge, of the run files and sorted runs still in memory (not written out), in
    /// blocks of up to <paramref name="blockRecords"/>. Up to <see cref="ScanLimit"/> runs the
    /// smallest head is found by scanning the heads in place, which for the few runs a spilled sort
    /// has costs a fraction of a priority queue's sift with a comparer delegate; beyond that the
    /// queue merges. Equal records are whole values, so the order between runs does not matter.
    /// </summary>
    public static IEnumerable<ReadOnlyMemory<T>> MergeBlocks(IReadOnlyList<string> runs, IReadOnlyList<ReadOnlyMemory<T>> inMemory, int blockRecords)
    {
        var block = new T[blockRecords];
        if (runs.Count + inMemory.Count > ScanLimit)
        {
            var filled = 0;
            foreach (var record in Merge(runs, inMemory))
            {
                block[filled++] = record;
                if (filled == block.Length)
                {
                    yield return block;
                    filled = 0;
                }
            }

            if (filled > 0)
            {
                yield return block.AsMemory(0, filled);
            }

            yield break;
        }

        var sources = new List<RunReader>(runs.Count + 1);
        try
        {
            foreach (var run in runs)
            {
                sources.Add(new RunReader(run));
            }

            foreach (var run in inMemory)
            {
                if (!run.IsEmpty)
                {
                    sources.Add(new RunReader(run));
                }
            }

            var heads = new T[sources.Count];
            var live = new int[sources.Count];
            var count = 0;
            for (var i = 0; i < sources.Count; i++)
            {
                if (sources[i].TryRead(out heads[count]))
                {
                    live[count] = i;
                    count++;
                }
            }

            while (count > 0)
            {
                var filled = Fill(block, sources, heads, live, ref count);
                yield return block.AsMemory(0, filled);
            }
        }
        finally
        {
            foreach (var source in sources)
            {
                source.Dispose();
            }
        }
    }

    private const int ScanLimit = 16;

    // Fills the block with the smallest heads in turn; a source that runs dry leaves the scan.
    private static int Fill(T[] block, List<RunReader> sources, T[] heads, int[] live, ref int count)
    {
        var filled = 0;
        while (filled < block.Length && count > 0)
        {
            var best = 0;
            for (var i = 1; i < count; i++)
            {
                if (heads[i].CompareTo(heads[best]) < 0)
                {
                    best = i;
                }
            }

            block[filled++] = heads[best];
            if (!sources[live[best]].TryRead(out heads[best]))
            {
                count--;
                heads[best] = heads[count];
                live[best] = live[count];
            }
        }

        return filled;
    }

    /// <summary>Reads a run file through a buffer, or a run in memory in place.</summary>
    private sealed class RunReader : IDisposable
    {
        private readonly string? _path;
        private readonly FileStream? _stream;
        private readonly T[] _buffer;
        private int _position;
        private int _count;

        public RunReader(string path)
        {
            _path = path;
            _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            _buffer = new T[Math.Max(1, ReadBufferBytes / Unsafe.SizeOf<T>())];
        }

        public RunReader(ReadOnlyMemory<T> run)
        {
            if (!MemoryMarshal.TryGetArray(run, out var segment))
            {
                segment = new ArraySegment<T>(run.ToArray());
            }

            _buffer = segment.Array!;
            _position = segment.Offset;
            _count = segment.Offset + segment.Count;
        }

        public bool TryRead(out T record)
        {
            if (_position == _count && !Fill())
            {
                record = default;
                return false;
            }

            record = _buffer[_position++];
            return true;
        }

        public void Dispose() => _stream?.Dispose();

        private bool Fill()
        {
            if (_stream is null)
            {
                return false;
            }

            var bytes = MemoryMarshal.AsBytes(_buffer.AsSpan());
            var read = _stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            var size = Unsafe.SizeOf<T>();
            if (read % size != 0)
            {
                throw new InvalidDataException($"Spill run '{_path}' is truncated.");
            }

            _count = read / size;
            _position = 0;
            return _count > 0;
        }
    }
}
