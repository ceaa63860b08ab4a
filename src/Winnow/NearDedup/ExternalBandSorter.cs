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
        if (_count <= _buffer.Length / 2 && BandRecordSorter.TryRadixSort(tail.Span, _buffer.AsSpan(_count, _count)))
        {
            return _runs.Count == 0 ? [tail] : MergeRuns([tail]);
        }

        if (parallel.MaxDegreeOfParallelism > 1 && _count >= 1 << 16)
        {
            // As a full buffer is spilled: two halves sorted at once, here merged with the runs.
            var half = _count / 2;
            Parallel.Invoke(parallel, () => BandRecordSorter.Sort(tail.Span[..half]), () => BandRecordSorter.Sort(tail.Span[half..]));
            return MergeRuns([tail[..half], tail[half..]]);
        }

        BandRecordSorter.Sort(tail, parallel);
        return _runs.Count == 0 ? [tail] : MergeRuns([tail]);
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
        var run = _buffer.AsMemory(0, _count);
        if (_parallel.MaxDegreeOfParallelism > 1 && _count >= 1 << 16)
        {
            // Each half sorted by one thread, the two merged as the run is written: a sort starts
            // with a pass over all its records that one thread makes, and over the whole buffer
            // that pass left the other threads waiting.
            var half = _count / 2;
            Parallel.Invoke(_parallel, () => BandRecordSorter.Sort(run.Span[..half]), () => BandRecordSorter.Sort(run.Span[half..]));
            WriteRun(run.Span[..half], run.Span[half..]);
        }
        else
        {
            BandRecordSorter.Sort(run, _parallel);
            WriteRun(run.Span, []);
        }

        RunCount++;
        _count = 0;
    }

    /// <summary>Writes the merge of two sorted spans as a run file.</summary>
    private void WriteRun(ReadOnlySpan<BandRecord> a, ReadOnlySpan<BandRecord> b)
    {
        var path = Path.Combine(_directory, $"bands-{_runs.Count:D5}.run");
        using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        {
            if (b.IsEmpty)
            {
                FileWrites.Write(stream, MemoryMarshal.AsBytes(a));
            }
            else
            {
                var staged = new BandRecord[FileWrites.MaxPiece / BandRecord.Size];
                int i = 0, j = 0, n = 0;
                while (i < a.Length || j < b.Length)
                {
                    staged[n++] = j == b.Length || (i < a.Length && !BandRecordSorter.Less(b[j], a[i])) ? a[i++] : b[j++];
                    if (n == staged.Length || (i == a.Length && j == b.Length))
                    {
                        FileWrites.Write(stream, MemoryMarshal.AsBytes(staged.AsSpan(0, n)));
                        n = 0;
                    }
                }
            }
        }

        _runs.Add(path);
    }
}
