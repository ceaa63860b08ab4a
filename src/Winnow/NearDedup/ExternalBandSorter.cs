using System.Runtime.InteropServices;
using Winnow.IO;
using Winnow.Spill;

namespace Winnow.NearDedup;

/// <summary>
/// Sorts band records by (key, document) in bounded memory: records fill a buffer; a full buffer
/// is sorted and written as a run file; <see cref="MergeBlocks"/> k-way merges the runs and what is
/// left in the buffer (sorted in place) into one sorted stream with <see cref="RunMerger{T}"/>,
/// which every spilled sort shares.
/// </summary>
/// <remarks>Memory: the buffer (its capacity × 12 bytes) plus 64 KiB per run while merging. Not thread-safe.</remarks>
internal sealed class ExternalBandSorter : IDisposable
{
    private readonly string _directory;
    private readonly BandRecord[] _buffer;
    private readonly List<string> _runs = [];
    private readonly ParallelOptions _parallel;
    private int _count;

    /// <param name="directory">Where the runs go.</param>
    /// <param name="memoryBytes">The buffer's size.</param>
    /// <param name="parallelism">Threads that sort a full buffer: the run's other threads wait for it.</param>
    public ExternalBandSorter(string directory, long memoryBytes, int parallelism = 1)
    {
        _directory = directory;
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) };
        Directory.CreateDirectory(directory);
        _buffer = new BandRecord[(int)Math.Clamp(memoryBytes / BandRecord.Size, 1, Array.MaxLength)];
    }

    /// <summary>Buffers that filled and were spilled as sorted runs.</summary>
    public int RunCount { get; private set; }

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

    /// <summary>
    /// All records in (key, document) order, in consecutive blocks, so that a reader loops over
    /// spans rather than paying an interface call per record. A block is valid until the next one
    /// is asked for. Call once, after the last <see cref="Add"/>; <paramref name="parallel"/> sorts
    /// the last buffer with more threads.
    /// </summary>
    public IEnumerable<ReadOnlyMemory<BandRecord>> MergeBlocks(ParallelOptions? parallel = null)
    {
        var tail = _buffer.AsMemory(0, _count);
        parallel ??= new ParallelOptions { MaxDegreeOfParallelism = 1 };
        // The unused half of the buffer, when there is one, is the radix sort's scratch space.
        ReadOnlyMemory<BandRecord>[] parts = _count <= _buffer.Length / 2 && BandRecordSorter.TryRadixSort(tail.Span, _buffer.AsSpan(_count, _count))
            ? [tail]
            : SortInParts(tail, parallel);
        return _runs.Count == 0 && parts.Length == 1 ? [tail] : MergeRuns(parts);
    }

    public void Dispose()
    {
        foreach (var run in _runs)
        {
            File.Delete(run);
        }

        _runs.Clear();
    }

    // The sorted tail (one run or two) merges from memory with the runs, as every spilled sort's runs merge; with
    // threads to spare, on a thread of its own, ahead of the reader.
    private IEnumerable<ReadOnlyMemory<BandRecord>> MergeRuns(ReadOnlyMemory<BandRecord>[] tail)
    {
        const int BlockRecords = (1 << 20) / BandRecord.Size;
        var merged = RunMerger<BandRecord>.MergeBlocks(_runs, tail, BlockRecords);
        return _parallel.MaxDegreeOfParallelism > 1 ? ReadAhead.Blocks(merged, BlockRecords) : merged;
    }

    private void Spill()
    {
        WriteRun(SortInParts(_buffer.AsMemory(0, _count), _parallel));
        RunCount++;
        _count = 0;
    }

    /// <summary>
    /// Sorts <paramref name="records"/> whole, or, with threads to spare, as two halves at once,
    /// each by one thread: a sort starts with a pass over all its records that one thread makes,
    /// and over a whole buffer that pass left the other threads waiting. Returns the sorted parts.
    /// </summary>
    private static ReadOnlyMemory<BandRecord>[] SortInParts(Memory<BandRecord> records, ParallelOptions parallel)
    {
        if (parallel.MaxDegreeOfParallelism is >= 0 and < 2 || records.Length < 1 << 16)
        {
            BandRecordSorter.Sort(records.Span);
            return [records];
        }

        var half = records.Length / 2;
        Parallel.Invoke(parallel, () => BandRecordSorter.Sort(records.Span[..half]), () => BandRecordSorter.Sort(records.Span[half..]));
        return [records[..half], records[half..]];
    }

    /// <summary>Writes a sorted buffer, or the merge of its two sorted halves, as a run file.</summary>
    private void WriteRun(ReadOnlyMemory<BandRecord>[] parts)
    {
        var path = Path.Combine(_directory, $"bands-{_runs.Count:D5}.run");
        using (var stream = FileWrites.CreateNew(path, bufferSize: 1 << 16))
        {
            if (parts.Length == 1)
            {
                FileWrites.Write(stream, MemoryMarshal.AsBytes(parts[0].Span));
            }
            else
            {
                // The same merge as the runs' at the end, of two sorted runs in memory, a write call's worth at a time.
                foreach (var block in RunMerger<BandRecord>.MergeBlocks([], parts, FileWrites.MaxPiece / BandRecord.Size))
                {
                    FileWrites.Write(stream, MemoryMarshal.AsBytes(block.Span));
                }
            }
        }

        _runs.Add(path);
    }
}
