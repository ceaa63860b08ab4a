using System.Runtime.InteropServices;

namespace Winnow.NearDedup;

/// <summary>
/// Sorts band records by (key, document) in bounded memory: records fill a buffer; a full buffer
/// is sorted and written as a run file; <see cref="Merge"/> k-way merges the runs (and what is
/// left in the buffer) into one sorted stream.
/// </summary>
/// <remarks>Memory: the buffer (its capacity × 12 bytes) plus 64 KiB per run while merging. Not thread-safe.</remarks>
internal sealed class ExternalBandSorter : IDisposable
{
    private readonly string _directory;
    private readonly BandRecord[] _buffer;
    private readonly List<string> _runs = [];
    private int _count;

    public ExternalBandSorter(string directory, long memoryBytes)
    {
        _directory = directory;
        Directory.CreateDirectory(directory);
        _buffer = new BandRecord[(int)Math.Clamp(memoryBytes / BandRecord.Size, 1, Array.MaxLength)];
    }

    public int RunCount => _runs.Count;

    public long Count { get; private set; }

    public void Add(ReadOnlySpan<BandRecord> records)
    {
        while (!records.IsEmpty)
        {
            var take = Math.Min(records.Length, _buffer.Length - _count);
            records[..take].CopyTo(_buffer.AsSpan(_count));
            _count += take;
            Count += take;
            records = records[take..];
            if (_count == _buffer.Length)
            {
                Spill();
            }
        }
    }

    /// <summary>All records in (key, document) order. Call once, after the last <see cref="Add"/>; <paramref name="parallel"/> sorts the last buffer with more threads.</summary>
    public IEnumerable<BandRecord> Merge(ParallelOptions? parallel = null)
    {
        foreach (var block in MergeBlocks(parallel))
        {
            for (var i = 0; i < block.Length; i++)
            {
                yield return block.Span[i];
            }
        }
    }

    /// <summary>
    /// The same records as <see cref="Merge"/>, in consecutive blocks, so that a reader loops over
    /// spans rather than paying an interface call per record. A block is valid until the next one is asked for.
    /// </summary>
    public IEnumerable<ReadOnlyMemory<BandRecord>> MergeBlocks(ParallelOptions? parallel = null)
    {
        var tail = _buffer.AsMemory(0, _count);
        // The unused half of the buffer, when there is one, is the radix sort's scratch space.
        if (_count > _buffer.Length / 2 || !BandRecordSorter.TryRadixSort(tail.Span, _buffer.AsSpan(_count, _count)))
        {
            BandRecordSorter.Sort(tail, parallel ?? new ParallelOptions { MaxDegreeOfParallelism = 1 });
        }

        return _runs.Count == 0 ? [tail] : MergeRuns(tail);
    }

    public void Dispose()
    {
        foreach (var run in _runs)
        {
            File.Delete(run);
        }

        _runs.Clear();
    }

    private static IEnumerable<BandRecord> Enumerate(ReadOnlyMemory<BandRecord> records)
    {
        for (var i = 0; i < records.Length; i++)
        {
            yield return records.Span[i];
        }
    }

    private IEnumerable<ReadOnlyMemory<BandRecord>> MergeRuns(ReadOnlyMemory<BandRecord> tail)
    {
        var sources = new List<IEnumerator<BandRecord>>();
        var block = new BandRecord[(1 << 20) / BandRecord.Size];
        try
        {
            sources.AddRange(_runs.Select(r => ReadRun(r).GetEnumerator()));
            sources.Add(Enumerate(tail).GetEnumerator());
            var queue = new PriorityQueue<int, BandRecord>(sources.Count);
            for (var i = 0; i < sources.Count; i++)
            {
                if (sources[i].MoveNext())
                {
                    queue.Enqueue(i, sources[i].Current);
                }
            }

            var filled = 0;
            while (queue.TryDequeue(out var source, out var record))
            {
                block[filled++] = record;
                if (filled == block.Length)
                {
                    yield return block;
                    filled = 0;
                }

                if (sources[source].MoveNext())
                {
                    queue.Enqueue(source, sources[source].Current);
                }
            }

            if (filled > 0)
            {
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

    private void Spill()
    {
        var run = _buffer.AsSpan(0, _count);
        BandRecordSorter.Sort(run);
        var path = Path.Combine(_directory, $"bands-{_runs.Count:D5}.run");
        using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        {
            stream.Write(MemoryMarshal.AsBytes(run));
        }

        _runs.Add(path);
        _count = 0;
    }

    private static IEnumerable<BandRecord> ReadRun(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        var chunk = new BandRecord[(1 << 16) / BandRecord.Size];
        while (true)
        {
            var records = Fill(stream, chunk);
            for (var i = 0; i < records; i++)
            {
                yield return chunk[i];
            }

            if (records < chunk.Length)
            {
                yield break;
            }
        }
    }

    private static int Fill(FileStream stream, BandRecord[] chunk)
    {
        var bytes = MemoryMarshal.AsBytes(chunk.AsSpan());
        return stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false) / BandRecord.Size;
    }
}
