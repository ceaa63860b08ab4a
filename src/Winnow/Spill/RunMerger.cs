using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Winnow.Spill;

/// <summary>K-way merge of sorted run files of fixed-size records.</summary>
internal static class RunMerger<T>
    where T : unmanaged, IComparable<T>
{
    private const int ReadBufferBytes = 1 << 16;

    public static IEnumerable<T> Merge(IReadOnlyList<string> runs)
    {
        var readers = new RunReader[runs.Count];
        var queue = new PriorityQueue<int, T>(runs.Count, Comparer<T>.Create((a, b) => a.CompareTo(b)));
        try
        {
            for (var i = 0; i < runs.Count; i++)
            {
                readers[i] = new RunReader(runs[i]);
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

    private sealed class RunReader(string path) : IDisposable
    {
        private readonly FileStream _stream = new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        private readonly T[] _buffer = new T[Math.Max(1, ReadBufferBytes / Unsafe.SizeOf<T>())];
        private int _position;
        private int _count;

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

        public void Dispose() => _stream.Dispose();

        private bool Fill()
        {
            var bytes = MemoryMarshal.AsBytes(_buffer.AsSpan());
            var read = _stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            var size = Unsafe.SizeOf<T>();
            if (read % size != 0)
            {
                throw new InvalidDataException($"Spill run '{path}' is truncated.");
            }

            _count = read / size;
            _position = 0;
            return _count > 0;
        }
    }
}
