using System.Runtime.InteropServices;
using Winnow.IO;

namespace Winnow.Spill;

/// <summary>
/// Sorts more fixed-size records than fit in memory: records collect in a buffer, each full buffer
/// is sorted and written to a run file, and <see cref="ReadSorted"/> merges the runs.
/// </summary>
/// <remarks>
/// Memory: one buffer of <c>capacity</c> records while adding, and one 64 KiB read buffer per run
/// while merging. Records that compare equal are interchangeable (they are whole values), so the
/// output does not depend on how records fell into runs. Not thread-safe.
/// </remarks>
internal sealed class ExternalSorter<T> : IDisposable
    where T : unmanaged, IComparable<T>
{
    private readonly string _directory;
    private readonly string _prefix;
    private readonly T[] _buffer;
    private readonly List<string> _runs = [];
    private int _count;

    public ExternalSorter(string directory, string prefix, int capacity)
    {
        _directory = directory;
        _prefix = prefix;
        _buffer = new T[Math.Max(16, capacity)];
        Directory.CreateDirectory(directory);
    }

    /// <summary>Records added so far.</summary>
    public long Count { get; private set; }

    public void Add(in T record)
    {
        if (_count == _buffer.Length)
        {
            Flush();
        }

        _buffer[_count++] = record;
        Count++;
    }

    /// <summary>Every record added, in ascending order. Call once, after the last Add.</summary>
    public IEnumerable<T> ReadSorted()
    {
        Array.Sort(_buffer, 0, _count);
        if (_runs.Count == 0)
        {
            for (var i = 0; i < _count; i++)
            {
                yield return _buffer[i];
            }

            yield break;
        }

        if (_count > 0)
        {
            WriteRun();
        }

        foreach (var record in RunMerger<T>.Merge(_runs))
        {
            yield return record;
        }
    }

    public void Dispose()
    {
        foreach (var run in _runs)
        {
            File.Delete(run);
        }

        _runs.Clear();
    }

    private void Flush()
    {
        Array.Sort(_buffer, 0, _count);
        WriteRun();
    }

    private void WriteRun()
    {
        var path = Path.Combine(_directory, $"{_prefix}-{_runs.Count:D5}.run");
        using (var stream = FileWrites.CreateNew(path, bufferSize: 1 << 16))
        {
            FileWrites.Write(stream, MemoryMarshal.AsBytes(_buffer.AsSpan(0, _count)));
        }

        _runs.Add(path);
        _count = 0;
    }
}
