using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Winnow.NearDedup;

/// <summary>
/// Signatures on disk as fixed-size records indexed by document: appended in order during the
/// first pass, then read back at random (positional reads, safe from many threads) to verify
/// candidates. Reads go through the OS page cache, not the process heap.
/// </summary>
/// <remarks>Appending is not thread-safe; <see cref="Read"/> is, once <see cref="Seal"/> was called.</remarks>
internal sealed class SignatureStore : IDisposable
{
    private readonly string _path;
    private readonly int _numPerm;
    private FileStream? _writer;
    private SafeFileHandle? _reader;

    public SignatureStore(string path, int numPerm)
    {
        _path = path;
        _numPerm = numPerm;
        _writer = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1 << 16);
    }

    public long Count { get; private set; }

    public void Append(ReadOnlySpan<uint> signature)
    {
        _writer!.Write(MemoryMarshal.AsBytes(signature));
        Count++;
    }

    /// <summary>Ends appending and opens the file for reading.</summary>
    public void Seal()
    {
        _writer?.Dispose();
        _writer = null;
        _reader ??= File.OpenHandle(_path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
    }

    public void Read(uint document, Span<uint> signature)
    {
        var bytes = MemoryMarshal.AsBytes(signature[.._numPerm]);
        var read = RandomAccess.Read(_reader!, bytes, (long)document * bytes.Length);
        if (read != bytes.Length)
        {
            throw new InvalidDataException($"signature {document} is truncated in {_path}");
        }
    }

    public void Dispose()
    {
        _writer?.Dispose();
        _reader?.Dispose();
        File.Delete(_path);
    }
}
