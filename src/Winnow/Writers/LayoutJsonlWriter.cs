using System.Buffers;
using System.Text.Json;

namespace Winnow.Writers;

/// <summary>
/// Writes records in Dolma's or DataTrove's layout as JSONL parts. For Dolma it also writes each
/// document's attribute record to attributes/winnow/ under the same part name, line for line, as
/// Dolma's mixer requires of attribute files.
/// </summary>
/// <remarks>Not thread-safe: fed in order by one writer task.</remarks>
internal sealed class LayoutJsonlWriter : RecordSink
{
    private readonly OutputLayout _layout;
    private readonly OutputOptions _options;
    private readonly JsonlPartWriter _documents;
    private readonly JsonlPartWriter? _attributes;
    private readonly string? _attributesName;
    private readonly DocumentRecord _record = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 16);
    private readonly Utf8JsonWriter _writer;
    private long _partDocuments;
    private long _partBytes;

    /// <param name="directory">documents/ or removed/.</param>
    /// <param name="options">Limits and compression; the layout is Dolma or DataTrove.</param>
    /// <param name="attributesDirectory">Dolma: where the attribute files go (null: none, as for removed/).</param>
    /// <param name="writeBehind">Parts the run does not read again (<see cref="JsonlPartWriter"/>).</param>
    public LayoutJsonlWriter(string directory, OutputOptions options, string? attributesDirectory, bool writeBehind = false)
    {
        _layout = options.Layout;
        _options = options;
        var unlimited = options with { MaxDocuments = long.MaxValue, MaxBytes = long.MaxValue };
        _documents = new JsonlPartWriter(directory, unlimited, writeBehind);
        if (_layout == OutputLayout.Dolma && attributesDirectory is not null)
        {
            _attributes = new JsonlPartWriter(attributesDirectory, unlimited, writeBehind);
            _attributesName = Path.GetRelativePath(Path.GetDirectoryName(directory)!, attributesDirectory).Replace('\\', '/');
        }

        _writer = new Utf8JsonWriter(_buffer, DocumentJson.WriterOptions);
    }

    public override IReadOnlyList<string> Parts => _documents.Parts;

    public override long Documents => _documents.Documents;

    public override IReadOnlyDictionary<string, IReadOnlyList<string>> Beside => _attributes is null
        ? new Dictionary<string, IReadOnlyList<string>>()
        : new Dictionary<string, IReadOnlyList<string>> { [_attributesName!] = _attributes.Parts.Select(s => $"{_attributesName}/{s}").ToList() };

    public override void Write(ReadOnlySpan<byte> records, ReadOnlySpan<int> ends)
    {
        var start = 0;
        foreach (var end in ends)
        {
            WriteOne(records[start..end].ToArray());
            start = end;
        }
    }

    public override void Complete()
    {
        _documents.Complete();
        _attributes?.Complete();
    }

    public override void Dispose()
    {
        _documents.Dispose();
        _attributes?.Dispose();
        _writer.Dispose();
    }

    private void WriteOne(ReadOnlyMemory<byte> line)
    {
        _record.Read(line);
        if (_partDocuments >= _options.MaxDocuments || _partBytes >= _options.MaxBytes)
        {
            // Both files start a new part together, so part-N of each holds the same documents.
            Complete();
            _partDocuments = _partBytes = 0;
        }

        var attributes = _layout == OutputLayout.Dolma ? LayoutRecords.ParseAttributes(_record) : null;
        Emit(_documents, w =>
        {
            if (_layout == OutputLayout.Dolma)
            {
                LayoutRecords.WriteDolma(w, _record, attributes);
            }
            else
            {
                LayoutRecords.WriteDataTrove(w, _record);
            }
        }, count: true);
        if (_attributes is not null)
        {
            Emit(_attributes, w => LayoutRecords.WriteDolmaAttributes(w, _record, attributes), count: false);
        }
    }

    private void Emit(JsonlPartWriter target, Action<Utf8JsonWriter> write, bool count)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        write(_writer);
        _writer.Flush();
        _buffer.Write("\n"u8);
        target.Write(_buffer.WrittenSpan);
        if (count)
        {
            _partDocuments++;
            _partBytes += _buffer.WrittenCount;
        }
    }
}
