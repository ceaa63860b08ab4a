using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Winnow.NearDedup;

/// <summary>
/// The sorted, distinct shingle hashes of each document on disk, for exact verification: a data
/// file of 64-bit hashes read back positionally, and the start offset of each document in memory
/// (8 B per document: one system call per read instead of two).
/// </summary>
/// <remarks>Appending is not thread-safe; reading is, once <see cref="Seal"/> was called.</remarks>
internal sealed class ShingleStore : IDisposable
{
    private readonly string _dataPath;
    private readonly List<long> _starts = [0];
    private FileStream? _data;
    private SafeFileHandle? _dataReader;

    public ShingleStore(string directory)
    {
        _dataPath = Path.Combine(directory, "shingles.bin");
        _data = new FileStream(_dataPath, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1 << 16);
    }

    /// <summary>Appends a document's shingles, which must be sorted and distinct.</summary>
    public void Append(ReadOnlySpan<ulong> shingles)
    {
        _data!.Write(MemoryMarshal.AsBytes(shingles));
        _starts.Add(_starts[^1] + shingles.Length);
    }

    public void Seal()
    {
        _data?.Dispose();
        _data = null;
        _dataReader ??= File.OpenHandle(_dataPath, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
    }

    /// <summary>Reads a document's shingles into <paramref name="buffer"/> (grown as needed); returns their count.</summary>
    public int Read(uint document, ref ulong[] buffer)
    {
        var start = _starts[(int)document];
        var count = (int)(_starts[(int)document + 1] - start);
        if (buffer.Length < count)
        {
            buffer = new ulong[Math.Max(count, buffer.Length * 2)];
        }

        RandomAccess.Read(_dataReader!, MemoryMarshal.AsBytes(buffer.AsSpan(0, count)), start * sizeof(ulong));
        return count;
    }

    /// <summary>|A ∩ B| / |A ∪ B| of two sorted, distinct sets.</summary>
    public static double Jaccard(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        if (a.IsEmpty && b.IsEmpty)
        {
            return 1;
        }

        var common = Overlap(a, b);
        return (double)common / (a.Length + b.Length - common);
    }

    /// <summary>
    /// |A ∩ B| of two sorted, distinct sets; with <paramref name="foundInB"/> (A's length), also
    /// marks the elements of A found in B.
    /// </summary>
    public static int Overlap(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, Span<bool> foundInB = default)
    {
        var mark = !foundInB.IsEmpty;
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                if (mark)
                {
                    foundInB[i] = true;
                }

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

        return common;
    }

    public void Dispose()
    {
        _data?.Dispose();
        _dataReader?.Dispose();
        File.Delete(_dataPath);
    }
}
