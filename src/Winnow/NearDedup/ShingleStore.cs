using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Winnow.NearDedup;

/// <summary>
/// The sorted, distinct shingle hashes of each document on disk, for exact verification: a data
/// file of 64-bit hashes and an index of (offset, count) per document, both read back positionally.
/// </summary>
/// <remarks>Appending is not thread-safe; reading is, once <see cref="Seal"/> was called.</remarks>
internal sealed class ShingleStore : IDisposable
{
    private const int IndexEntry = 12;
    private readonly string _dataPath;
    private readonly string _indexPath;
    private FileStream? _data;
    private FileStream? _index;
    private SafeFileHandle? _dataReader;
    private SafeFileHandle? _indexReader;
    private long _offset;

    public ShingleStore(string directory)
    {
        _dataPath = Path.Combine(directory, "shingles.bin");
        _indexPath = Path.Combine(directory, "shingles.idx");
        _data = new FileStream(_dataPath, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1 << 16);
        _index = new FileStream(_indexPath, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1 << 16);
    }

    /// <summary>Appends a document's shingles, which must be sorted and distinct.</summary>
    public void Append(ReadOnlySpan<ulong> shingles)
    {
        Span<byte> entry = stackalloc byte[IndexEntry];
        BinaryPrimitives.WriteInt64LittleEndian(entry, _offset);
        BinaryPrimitives.WriteInt32LittleEndian(entry[8..], shingles.Length);
        _index!.Write(entry);
        _data!.Write(MemoryMarshal.AsBytes(shingles));
        _offset += shingles.Length * sizeof(ulong);
    }

    public void Seal()
    {
        _data?.Dispose();
        _index?.Dispose();
        _data = _index = null;
        _dataReader ??= File.OpenHandle(_dataPath, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        _indexReader ??= File.OpenHandle(_indexPath, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
    }

    /// <summary>Reads a document's shingles into <paramref name="buffer"/> (grown as needed); returns their count.</summary>
    public int Read(uint document, ref ulong[] buffer)
    {
        Span<byte> entry = stackalloc byte[IndexEntry];
        RandomAccess.Read(_indexReader!, entry, (long)document * IndexEntry);
        var offset = BinaryPrimitives.ReadInt64LittleEndian(entry);
        var count = BinaryPrimitives.ReadInt32LittleEndian(entry[8..]);
        if (buffer.Length < count)
        {
            buffer = new ulong[Math.Max(count, buffer.Length * 2)];
        }

        RandomAccess.Read(_dataReader!, MemoryMarshal.AsBytes(buffer.AsSpan(0, count)), offset);
        return count;
    }

    /// <summary>|A ∩ B| / |A ∪ B| of two sorted, distinct sets.</summary>
    public static double Jaccard(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        if (a.IsEmpty && b.IsEmpty)
        {
            return 1;
        }

        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                common++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return (double)common / (a.Length + b.Length - common);
    }

    public void Dispose()
    {
        _data?.Dispose();
        _index?.Dispose();
        _dataReader?.Dispose();
        _indexReader?.Dispose();
        File.Delete(_dataPath);
        File.Delete(_indexPath);
    }
}
