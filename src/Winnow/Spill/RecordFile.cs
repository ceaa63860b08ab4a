using System.Runtime.InteropServices;
using Winnow.IO;

namespace Winnow.Spill;

/// <summary>Fixed-size records written to and read back from a file in 64 KiB blocks: a shard task's hand-over to the resolve task.</summary>
/// <remarks>Thread-safe: stateless.</remarks>
internal static class RecordFile<T>
    where T : unmanaged
{
    private static readonly int BlockRecords = Math.Max(1, (1 << 16) / Marshal.SizeOf<T>());

    /// <summary>Writes <paramref name="records"/> to <paramref name="path"/>; returns how many.</summary>
    public static long Write(string path, IEnumerable<T> records)
    {
        var block = new T[BlockRecords];
        var n = 0;
        long total = 0;
        using var stream = FileWrites.CreateNew(path, bufferSize: 1 << 16);
        foreach (var record in records)
        {
            block[n++] = record;
            if (n == block.Length)
            {
                stream.Write(MemoryMarshal.AsBytes(block.AsSpan()));
                total += n;
                n = 0;
            }
        }

        stream.Write(MemoryMarshal.AsBytes(block.AsSpan(0, n)));
        return total + n;
    }

    /// <summary>The records of a file written by <see cref="Write"/>, in order.</summary>
    public static IEnumerable<T> Read(string path)
    {
        var block = new T[BlockRecords];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        while (true)
        {
            var bytes = stream.ReadAtLeast(MemoryMarshal.AsBytes(block.AsSpan()), Marshal.SizeOf<T>() * block.Length, throwOnEndOfStream: false);
            var records = bytes / Marshal.SizeOf<T>();
            if (bytes % Marshal.SizeOf<T>() != 0)
            {
                throw new InvalidDataException($"{path} is truncated");
            }

            for (var i = 0; i < records; i++)
            {
                yield return block[i];
            }

            if (records < block.Length)
            {
                yield break;
            }
        }
    }
}
