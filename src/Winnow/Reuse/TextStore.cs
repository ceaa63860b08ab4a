using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Winnow.Reuse;

/// <summary>
/// Keeps the id and text of documents that take part in candidate pairs on disk (UTF-16), so
/// alignment can read any two of them after the second pass, in any order.
/// </summary>
/// <remarks>
/// Memory: an index entry (about 40 bytes) per stored document; the texts stay on disk and in
/// the OS page cache. <see cref="Add"/> is not thread-safe; <see cref="TryRead"/> is, once
/// adding has finished.
/// </remarks>
internal sealed class TextStore : IDisposable
{
    private readonly string _path;
    private readonly FileStream _writer;
    private readonly Dictionary<long, (long Offset, int IdChars, int TextChars)> _index = [];
    private SafeFileHandle? _reader;
    private long _length;

    public TextStore(string directory)
    {
        Directory.CreateDirectory(directory);
        _path = Path.Combine(directory, "reuse-texts.bin");
        _writer = new FileStream(_path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
    }

    public int Count => _index.Count;

    public void Add(long ordinal, string id, string text)
    {
        _index[ordinal] = (_length, id.Length, text.Length);
        _writer.Write(MemoryMarshal.AsBytes(id.AsSpan()));
        _writer.Write(MemoryMarshal.AsBytes(text.AsSpan()));
        _length += 2L * (id.Length + text.Length);
    }

    /// <summary>Ends adding; reads may start.</summary>
    public void Seal()
    {
        _writer.Flush();
        _writer.Dispose();
        _reader = File.OpenHandle(_path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
    }

    public bool TryRead(long ordinal, out string id, out string text)
    {
        if (_reader is null || !_index.TryGetValue(ordinal, out var entry))
        {
            (id, text) = (string.Empty, string.Empty);
            return false;
        }

        var chars = new char[entry.IdChars + entry.TextChars];
        var bytes = MemoryMarshal.AsBytes(chars.AsSpan());
        var offset = entry.Offset;
        while (!bytes.IsEmpty)
        {
            var read = RandomAccess.Read(_reader, bytes, offset);
            if (read == 0)
            {
                throw new InvalidDataException("The reuse text spill is truncated.");
            }

            bytes = bytes[read..];
            offset += read;
        }

        id = new string(chars, 0, entry.IdChars);
        text = new string(chars, entry.IdChars, entry.TextChars);
        return true;
    }

    public void Dispose()
    {
        _writer.Dispose();
        _reader?.Dispose();
        File.Delete(_path);
    }
}
