using System.IO.Compression;
using Winnow.IO;
using ZstdSharp;

namespace Winnow.Writers;

/// <summary>
/// Writes JSONL records into numbered part files (part-00000.jsonl, …, gzip or zstd compressed when
/// asked). Each part is written under a temporary name and renamed when complete, so a part that
/// exists is whole.
/// </summary>
/// <remarks>Not thread-safe: one writer per output stream, fed in order.</remarks>
internal sealed class JsonlPartWriter : RecordSink
{
    private readonly string _directory;
    private readonly OutputOptions _options;
    private readonly bool _writeBehind;
    private readonly List<string> _completed = [];
    private Stream? _file;
    private Stream? _stream;
    private WriteBehind? _behind;
    private string _tempPath = "";
    private string _finalPath = "";
    private long _docs;
    private long _bytes;
    private long _documents;

    /// <summary>zstd's default level: about gzip's ratio at several times its speed.</summary>
    private const int ZstdLevel = 3;

    /// <summary>The name of the first (for an unlimited writer, the only) plain part.</summary>
    public const string FirstPart = "part-00000.jsonl";

    /// <param name="directory">The folder of the parts.</param>
    /// <param name="options">Compression and part sizes.</param>
    /// <param name="writeBehind">
    /// For a run's own output, which it does not read again: each part is sent to disk and dropped
    /// from the page cache as it grows (<see cref="WriteBehind"/>). Not for files read back (a spill).
    /// </param>
    public JsonlPartWriter(string directory, OutputOptions options, bool writeBehind = false)
    {
        _directory = directory;
        _options = options;
        _writeBehind = writeBehind;
        Directory.CreateDirectory(directory);
    }

    /// <summary>The parts written so far, as names relative to the writer's folder.</summary>
    public override IReadOnlyList<string> Parts => _completed;

    public override long Documents => _documents;

    /// <summary>Appends one record; <paramref name="record"/> must end with a newline.</summary>
    public override void Write(ReadOnlySpan<byte> record)
    {
        if (_stream is null || _docs >= _options.MaxDocuments || _bytes >= _options.MaxBytes)
        {
            Roll();
        }

        _stream!.Write(record);
        _docs++;
        _bytes += record.Length;
        _documents++;
        _behind?.Advance();
    }

    /// <summary>
    /// Appends consecutive records held in one buffer (<paramref name="ends"/>: the end offset of
    /// each), writing as many at once as the current part takes: large writes skip a copy.
    /// </summary>
    public override void Write(ReadOnlySpan<byte> records, ReadOnlySpan<int> ends)
    {
        var start = 0;
        var first = 0;
        while (first < ends.Length)
        {
            if (_stream is null || _docs >= _options.MaxDocuments || _bytes >= _options.MaxBytes)
            {
                Roll();
            }

            // Take records while the part has room; the limit check happens before each record.
            var last = first;
            var bytes = _bytes;
            var docs = _docs;
            while (last < ends.Length && docs < _options.MaxDocuments && bytes < _options.MaxBytes)
            {
                bytes += ends[last] - (last == 0 ? 0 : ends[last - 1]);
                docs++;
                last++;
            }

            var end = ends[last - 1];
            FileWrites.Write(_stream!, records[start..end]);
            _behind?.Advance();
            _documents += last - first;
            _docs = docs;
            _bytes = bytes;
            start = end;
            first = last;
        }
    }

    /// <summary>Closes and renames the open part.</summary>
    public override void Complete()
    {
        if (_stream is null)
        {
            return;
        }

        _stream.Dispose();
        if (!ReferenceEquals(_file, _stream))
        {
            _file!.Dispose();
        }

        File.Move(_tempPath, _finalPath, overwrite: true);
        _completed.Add(Path.GetFileName(_finalPath));
        _stream = _file = null;
    }

    public override void Dispose()
    {
        // An incomplete part stays under its temporary name: never mistaken for a whole one.
        _stream?.Dispose();
        _file?.Dispose();
        _stream = _file = null;
    }

    private void Roll()
    {
        Complete();
        var name = $"part-{_completed.Count:D5}.jsonl" + _options.Compression switch
        {
            OutputCompression.Gzip => ".gz",
            OutputCompression.Zstd => ".zst",
            _ => "",
        };
        _finalPath = Path.Combine(_directory, name);
        _tempPath = Path.Combine(_directory, "." + name + ".tmp");
        var file = FileWrites.CreateNew(_tempPath);
        _file = file;
        _behind = _writeBehind ? new WriteBehind(file) : null;
        _stream = _options.Compression switch
        {
            // The compressors take the bytes in fixed blocks: their output must not depend on how
            // records were grouped into writes (the run's chunks and batches).
            OutputCompression.Gzip => new FixedBlockWriteStream(new GZipStream(_file, CompressionLevel.Fastest)),
            OutputCompression.Zstd => new FixedBlockWriteStream(new CompressionStream(_file, ZstdLevel, leaveOpen: true)),
            _ => _file,
        };
        _docs = _bytes = 0;
    }
}
