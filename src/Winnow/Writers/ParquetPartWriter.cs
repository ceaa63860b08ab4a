using System.Buffers;
using System.Text;
using System.Text.Json;
using Parquet;
using Parquet.Schema;
using Winnow.IO;

namespace Winnow.Writers;

/// <summary>
/// Writes records as Parquet files (part-00000.parquet, …), in Winnow's layout (id, text, url,
/// source, content_type, metadata, attributes, removed) or DataTrove's (text, id, metadata);
/// schemas in docs/formats.md. Rows are buffered until they hold <see cref="OutputOptions.RowGroupBytes"/>
/// and then written as one row group, so memory holds about one row group. Each file is written
/// under a temporary name and renamed when complete.
/// </summary>
/// <remarks>Not thread-safe: fed in order by one writer task.</remarks>
internal sealed class ParquetPartWriter : RecordSink
{
    private static readonly DataField<string> Id = new("id");
    private static readonly DataField<string> Text = new("text");
    private static readonly DataField<string?> Url = new("url");
    private static readonly DataField<string> SourceFile = new("file");
    private static readonly DataField<long?> SourceLine = new("line");
    private static readonly DataField<long?> SourceOffset = new("offset");
    private static readonly DataField<string?> ContentType = new("content_type");
    private static readonly DataField<string?> Metadata = new("metadata");
    private static readonly DataField<string?> Attributes = new("attributes");
    private static readonly DataField<string> RemovedStage = new("stage");
    private static readonly DataField<string> RemovedReason = new("reason");
    private static readonly DataField<string?> RemovedKeptId = new("kept_id");
    private static readonly DataField<string?> RemovedDetail = new("detail");

    private readonly string _directory;
    private readonly OutputOptions _options;
    private readonly bool _removed;
    private readonly ParquetSchema _schema;
    private readonly ParquetOptions _parquet;
    private readonly List<string> _completed = [];
    private readonly DocumentRecord _record = new();
    private readonly Rows _rows = new();
    private readonly ArrayBufferWriter<byte> _scratch = new(1 << 12);
    private readonly Utf8JsonWriter _json;
    private FileStream? _file;
    private ParquetWriter? _writer;
    private string _tempPath = "";
    private string _finalPath = "";
    private long _fileDocuments;
    private long _fileBytes;
    private long _bufferedBytes;
    private long _documents;

    /// <param name="directory">documents/ or removed/.</param>
    /// <param name="options">Limits, layout (Winnow or DataTrove) and compression (zstd unless snappy, gzip or none is asked... none meaning zstd).</param>
    /// <param name="removed">True for removed/: the Winnow layout then has the removed column.</param>
    public ParquetPartWriter(string directory, OutputOptions options, bool removed)
    {
        _directory = directory;
        _options = options;
        _removed = removed && options.Layout == OutputLayout.Winnow;
        _schema = options.Layout == OutputLayout.DataTrove
            ? new ParquetSchema(Text, Id, Metadata)
            : _removed
                ? new ParquetSchema(Id, Text, Url, new StructField("source", SourceFile, SourceLine, SourceOffset), ContentType, Metadata, Attributes,
                    new StructField("removed", RemovedStage, RemovedReason, RemovedKeptId, RemovedDetail))
                : new ParquetSchema(Id, Text, Url, new StructField("source", SourceFile, SourceLine, SourceOffset), ContentType, Metadata, Attributes);
        _parquet = new ParquetOptions
        {
            // Parquet.Net's default is its smallest size (zstd near level 20): some 30 times slower to
            // write than the whole default pipeline runs. Optimal is zstd's usual speed and ratio.
            CompressionLevel = System.IO.Compression.CompressionLevel.Optimal,
            CompressionMethod = options.Compression switch
            {
                OutputCompression.Snappy => CompressionMethod.Snappy,
                OutputCompression.Gzip => CompressionMethod.Gzip,
                _ => CompressionMethod.Zstd,
            },
        };
        _json = new Utf8JsonWriter(_scratch, DocumentJson.WriterOptions);
        Directory.CreateDirectory(directory);
    }

    public override IReadOnlyList<string> Parts => _completed;

    public override long Documents => _documents;

    public override void Write(ReadOnlySpan<byte> records, ReadOnlySpan<int> ends)
    {
        var start = 0;
        foreach (var end in ends)
        {
            var line = records[start..end];
            start = end;
            if (_writer is null || _fileDocuments >= _options.MaxDocuments || _fileBytes >= _options.MaxBytes)
            {
                Roll();
            }

            _record.Read(line.ToArray());
            Add();
            _documents++;
            _fileDocuments++;
            _fileBytes += line.Length;
            _bufferedBytes += line.Length;
            if (_bufferedBytes >= _options.RowGroupBytes)
            {
                FlushRowGroup();
            }
        }
    }

    public override void Complete()
    {
        if (_writer is null)
        {
            return;
        }

        FlushRowGroup();
        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _file!.Dispose();
        File.Move(_tempPath, _finalPath, overwrite: true);
        _completed.Add(Path.GetFileName(_finalPath));
        _writer = null;
        _file = null;
    }

    public override void Dispose()
    {
        // An incomplete file stays under its temporary name: never mistaken for a whole one.
        try
        {
            _writer?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            // The run already failed; the temporary file says so.
        }

        _file?.Dispose();
        _writer = null;
        _file = null;
        _json.Dispose();
    }

    private void Roll()
    {
        Complete();
        var name = $"part-{_completed.Count:D5}.parquet";
        _finalPath = Path.Combine(_directory, name);
        _tempPath = Path.Combine(_directory, "." + name + ".tmp");
        _file = FileWrites.CreateNew(_tempPath, FileAccess.ReadWrite);
        _writer = ParquetWriter.CreateAsync(_schema, _file, _parquet).GetAwaiter().GetResult();
        _fileDocuments = _fileBytes = 0;
    }

    private void Add()
    {
        var r = _record;
        _rows.Ids.Add(r.Id);
        _rows.Texts.Add(r.DecodeText());
        if (_options.Layout == OutputLayout.DataTrove)
        {
            _rows.Metadata.Add(Json(w => LayoutRecords.WriteDataTroveMetadata(w, r)));
            return;
        }

        _rows.Urls.Add(r.Decode(r.Url));
        _rows.SourceFiles.Add(r.SourceFile);
        _rows.SourceLines.Add(r.SourceLine > 0 ? r.SourceLine : null);
        _rows.SourceOffsets.Add(r.SourceOffset >= 0 ? r.SourceOffset : null);
        _rows.ContentTypes.Add(r.Decode(r.ContentType));
        _rows.Metadata.Add(r.Metadata.Count == 0 ? null : Json(w =>
        {
            w.WriteStartObject();
            foreach (var (name, value) in r.Metadata)
            {
                w.WritePropertyName(name);
                w.WriteRawValue(r[value], skipInputValidation: true);
            }

            w.WriteEndObject();
        }));
        _rows.Attributes.Add(DocumentRecord.IsSet(r.Attributes) ? Encoding.UTF8.GetString(r[r.Attributes]) : null);
        if (_removed)
        {
            var removal = DocumentRecord.IsSet(r.Removed) ? JsonDocument.Parse(r.Line[r.Removed]) : null;
            string? Field(string name) => removal is not null && removal.RootElement.TryGetProperty(name, out var v) ? v.GetString() : null;
            _rows.Stages.Add(Field("stage") ?? "");
            _rows.Reasons.Add(Field("reason") ?? "");
            _rows.KeptIds.Add(Field("kept_id"));
            _rows.Details.Add(Field("detail"));
            removal?.Dispose();
        }
    }

    private string Json(Action<Utf8JsonWriter> write)
    {
        _scratch.ResetWrittenCount();
        _json.Reset(_scratch);
        write(_json);
        _json.Flush();
        return Encoding.UTF8.GetString(_scratch.WrittenSpan);
    }

    private void FlushRowGroup()
    {
        if (_rows.Ids.Count == 0 || _writer is null)
        {
            return;
        }

        using (var group = _writer.CreateRowGroup())
        {
            void Strings(DataField field, List<string?> values) => group.WriteAsync(field, values).GetAwaiter().GetResult();
            void Longs(DataField<long?> field, List<long?> values) => group.WriteAsync<long>(field, values.ToArray().AsMemory()).GetAwaiter().GetResult();
            if (_options.Layout == OutputLayout.DataTrove)
            {
                Strings(Text, _rows.Texts!);
                Strings(Id, _rows.Ids!);
                Strings(Metadata, _rows.Metadata);
            }
            else
            {
                Strings(Id, _rows.Ids!);
                Strings(Text, _rows.Texts!);
                Strings(Url, _rows.Urls);
                Strings(SourceFile, _rows.SourceFiles!);
                Longs(SourceLine, _rows.SourceLines);
                Longs(SourceOffset, _rows.SourceOffsets);
                Strings(ContentType, _rows.ContentTypes);
                Strings(Metadata, _rows.Metadata);
                Strings(Attributes, _rows.Attributes);
                if (_removed)
                {
                    Strings(RemovedStage, _rows.Stages!);
                    Strings(RemovedReason, _rows.Reasons!);
                    Strings(RemovedKeptId, _rows.KeptIds);
                    Strings(RemovedDetail, _rows.Details);
                }
            }
        }

        _rows.Clear();
        _bufferedBytes = 0;
    }

    /// <summary>The columns of the row group being buffered.</summary>
    private sealed class Rows
    {
        public List<string> Ids { get; } = [];
        public List<string> Texts { get; } = [];
        public List<string?> Urls { get; } = [];
        public List<string> SourceFiles { get; } = [];
        public List<long?> SourceLines { get; } = [];
        public List<long?> SourceOffsets { get; } = [];
        public List<string?> ContentTypes { get; } = [];
        public List<string?> Metadata { get; } = [];
        public List<string?> Attributes { get; } = [];
        public List<string> Stages { get; } = [];
        public List<string> Reasons { get; } = [];
        public List<string?> KeptIds { get; } = [];
        public List<string?> Details { get; } = [];

        public void Clear()
        {
            foreach (var list in new System.Collections.IList[] { Ids, Texts, Urls, SourceFiles, SourceLines, SourceOffsets, ContentTypes, Metadata, Attributes, Stages, Reasons, KeptIds, Details })
            {
                list.Clear();
            }
        }
    }
}
