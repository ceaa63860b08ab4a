using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Winnow.IO;

namespace Winnow.Reuse;

/// <summary>
/// Keeps the id and text of documents that take part in candidate pairs on disk (UTF-16), so
/// alignment can read any two of them after the second pass, in any order. A sharded run writes
/// one store per shard and reads them all through one index (<see cref="OpenShards"/>).
/// </summary>
/// <remarks>
/// Memory: an index entry (about 40 bytes) per stored document; the texts stay on disk and in
/// the OS page cache. <see cref="Add"/> is not thread-safe; <see cref="TryRead"/> is, once
/// adding has finished.
/// </remarks>
internal sealed class TextStore : IDisposable
{
    private const string DataFile = "reuse-texts.bin";
    private const string IndexFile = "reuse-texts.idx";
    private readonly List<string> _paths = [];
    private readonly Dictionary<long, (int File, long Offset, int IdChars, int TextChars)> _index = [];
    private readonly List<SafeFileHandle> _readers = [];
    private FileStream? _writer;
    private long _length;
    private bool _owned = true;

    public TextStore(string directory)
    {
        Directory.CreateDirectory(directory);
        _paths.Add(Path.Combine(directory, DataFile));
        _writer = FileWrites.CreateNew(_paths[0], share: FileShare.Read, bufferSize: 1 << 16);
    }

    private TextStore()
    {
        _owned = false;
    }

    public int Count => _index.Count;

    /// <summary>Opens the stores that shard tasks kept with <see cref="Keep"/>, ordinals shifted by each shard's base.</summary>
    public static TextStore OpenShards(IEnumerable<(string Directory, long OrdinalBase)> shards)
    {
        var store = new TextStore();
        foreach (var (directory, ordinalBase) in shards)
        {
            var file = store._paths.Count;
            store._paths.Add(Path.Combine(directory, DataFile));
            using var r = new BinaryReader(File.OpenRead(Path.Combine(directory, IndexFile)));
            var length = r.BaseStream.Length;
            while (r.BaseStream.Position < length)
            {
                store._index[ordinalBase + r.ReadInt64()] = (file, r.ReadInt64(), r.ReadInt32(), r.ReadInt32());
            }
        }

        store.Seal();
        return store;
    }

    public void Add(long ordinal, string id, string text)
    {
        _index[ordinal] = (0, _length, id.Length, text.Length);
        _writer!.Write(MemoryMarshal.AsBytes(id.AsSpan()));
        _writer.Write(MemoryMarshal.AsBytes(text.AsSpan()));
        _length += 2L * (id.Length + text.Length);
    }

    /// <summary>Ends adding and leaves the texts and their index on disk for <see cref="OpenShards"/>.</summary>
    public void Keep()
    {
        _writer?.Dispose();
        _writer = null;
        using var w = new BinaryWriter(File.Create(Path.Combine(Path.GetDirectoryName(_paths[0])!, IndexFile)));
        foreach (var (ordinal, (_, offset, idChars, textChars)) in _index.OrderBy(e => e.Key))
        {
            w.Write(ordinal);
            w.Write(offset);
            w.Write(idChars);
            w.Write(textChars);
        }

        _owned = false;
    }

    /// <summary>Ends adding; reads may start.</summary>
    public void Seal()
    {
        _writer?.Dispose();
        _writer = null;
        foreach (var path in _paths.Skip(_readers.Count))
        {
            _readers.Add(File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess));
        }
    }

    public bool TryRead(long ordinal, out string id, out string text)
    {
        if (_readers.Count == 0 || !_index.TryGetValue(ordinal, out var entry))
        {
            (id, text) = (string.Empty, string.Empty);
            return false;
        }

        var chars = new char[entry.IdChars + entry.TextChars];
        var bytes = MemoryMarshal.AsBytes(chars.AsSpan());
        var offset = entry.Offset;
        while (!bytes.IsEmpty)
        {
            var read = RandomAccess.Read(_readers[entry.File], bytes, offset);
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
        _writer?.Dispose();
        foreach (var reader in _readers)
        {
            reader.Dispose();
        }

        if (_owned)
        {
            File.Delete(_paths[0]);
        }
    }
}
