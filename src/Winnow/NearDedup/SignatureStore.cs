using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Winnow.NearDedup;

/// <summary>
/// Signatures as fixed-size records indexed by document: appended in order during the first
/// pass, then read back at random (safe from many threads) to verify candidates. While they fit
/// in the memory budget they stay on the heap and no file is written; the append that passes it
/// moves them to a file, and from then on reads are positional reads through the OS page cache.
/// Exact verification never reads a signature back (it measures shingle sets), so then only the
/// count is kept: at 10M documents that is 4.8 GB of file neither written nor read.
/// </summary>
/// <remarks>Appending is not thread-safe; <see cref="Read"/> is, once <see cref="Seal"/> was called.</remarks>
internal sealed class SignatureStore : IDisposable
{
    // Held in blocks of BlockSignatures signatures: growing copies nothing.
    private const int BlockSignatures = 4096;
    private readonly string _path;
    private readonly int _numPerm;
    private readonly long _memoryValues;
    private readonly bool _kept;
    private List<uint[]>? _memory = [];
    private FileStream? _writer;
    private SafeFileHandle? _reader;

    /// <summary>
    /// Creates the store; signatures stay in memory while all of them take at most
    /// <paramref name="memoryBytes"/>. <paramref name="kept"/> false: only counted, never read.
    /// </summary>
    public SignatureStore(string path, int numPerm, long memoryBytes, bool kept = true)
    {
        _path = path;
        _numPerm = numPerm;
        _memoryValues = Math.Min(memoryBytes / sizeof(uint), Array.MaxLength);
        _kept = kept;
    }

    public long Count { get; private set; }

    /// <summary>True while the signatures are held in memory (no file).</summary>
    public bool InMemory => _memory is not null;

    public void Append(ReadOnlySpan<uint> signature)
    {
        if (!_kept)
        {
            Count++;
            return;
        }

        signature = signature[.._numPerm];
        if (_memory is not null && (Count + 1) * _numPerm > _memoryValues)
        {
            MoveToFile();
        }

        if (_memory is null)
        {
            _writer!.Write(MemoryMarshal.AsBytes(signature));
        }
        else
        {
            var slot = (int)(Count % BlockSignatures);
            if (slot == 0)
            {
                _memory.Add(new uint[BlockSignatures * _numPerm]);
            }

            signature.CopyTo(_memory[^1].AsSpan(slot * _numPerm));
        }

        Count++;
    }

    /// <summary>Ends appending; signatures in a file are opened for reading.</summary>
    public void Seal()
    {
        _writer?.Dispose();
        _writer = null;
        if (_memory is null)
        {
            _reader ??= File.OpenHandle(_path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        }
    }

    public void Read(uint document, Span<uint> signature)
    {
        if (!_kept)
        {
            throw new InvalidOperationException("this run keeps no signatures (exact verification reads shingle sets)");
        }

        if (_memory is not null)
        {
            _memory[(int)(document / BlockSignatures)].AsSpan((int)(document % BlockSignatures) * _numPerm, _numPerm).CopyTo(signature);
            return;
        }

        var bytes = MemoryMarshal.AsBytes(signature[.._numPerm]);
        var read = RandomAccess.Read(_reader!, bytes, (long)document * bytes.Length);
        if (read != bytes.Length)
        {
            throw new InvalidDataException($"signature {document} is truncated in {_path}");
        }
    }

    public void Dispose()
    {
        _memory = null;
        _writer?.Dispose();
        _reader?.Dispose();
        File.Delete(_path);
    }

    private void MoveToFile()
    {
        _writer = new FileStream(_path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1 << 16);
        for (var i = 0L; i < Count; i += BlockSignatures)
        {
            var block = _memory![(int)(i / BlockSignatures)];
            var signatures = (int)Math.Min(BlockSignatures, Count - i);
            _writer.Write(MemoryMarshal.AsBytes(block.AsSpan(0, signatures * _numPerm)));
        }

        _memory = null;
    }
}
