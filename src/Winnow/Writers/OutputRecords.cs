using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parquet;

namespace Winnow.Writers;

/// <summary>
/// Reads the records of a run's output back as lines of our own JSONL, whatever format and layout
/// wrote them: a Parquet file row group by row group, and a Dolma or DataTrove record by taking the
/// run's object (<c>metadata.winnow</c>) apart again. The report reads documents/ and removed/
/// through it.
/// </summary>
/// <remarks>Stateless and thread-safe; not a hot path (the report and tests read through it).</remarks>
internal static class OutputRecords
{
    /// <summary>True for a data file of documents/ or removed/ (part-*.jsonl[.gz|.zst] or part-*.parquet).</summary>
    public static bool IsDataFile(string path) =>
        path.EndsWith(".jsonl", StringComparison.Ordinal) || path.EndsWith(".jsonl.gz", StringComparison.Ordinal)
        || path.EndsWith(".jsonl.zst", StringComparison.Ordinal) || path.EndsWith(".parquet", StringComparison.Ordinal);

    /// <summary>Every row of an output Parquet file (Winnow's or DataTrove's layout) as a line of our JSONL, newline excluded; memory holds one row group.</summary>
    public static IEnumerable<byte[]> ReadParquet(string path)
    {
        using var stream = File.OpenRead(path);
        var reader = ParquetReader.CreateAsync(stream, leaveStreamOpen: true).GetAwaiter().GetResult();
        try
        {
            foreach (var line in ReadParquet(path, stream, reader))
            {
                yield return line;
            }
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static IEnumerable<byte[]> ReadParquet(string path, FileStream stream, ParquetReader reader)
    {
        // Column by column, as the input reader reads flat files: the serializer compiles
        // expression trees, which the natively compiled command cannot run.
        var fields = reader.Schema.Fields;
        var flat = Readers.ParquetColumns.CanRead(fields);
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        using var w = new Utf8JsonWriter(buffer, DocumentJson.WriterOptions);
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            IList<Dictionary<string, object>> rows;
            try
            {
                rows = Readers.ParquetColumns.ReadRows(reader, stream, g, fields, flat, new ParquetOptions());
            }
            catch (NotSupportedException e)
            {
                throw new NotSupportedException($"{path}: {e.Message}", e);
            }

            foreach (var row in rows)
            {
                buffer.ResetWrittenCount();
                w.Reset(buffer);
                WriteRow(w, row);
                w.Flush();
                yield return buffer.WrittenSpan.ToArray();
            }
        }
    }

    /// <summary>
    /// A Dolma or DataTrove record (one whose metadata holds the run's object and which has no
    /// source object of ours) as a line of our JSONL; null when <paramref name="line"/> is ours already.
    /// </summary>
    public static byte[]? FromLayout(ReadOnlySpan<byte> line)
    {
        if (JsonNode.Parse(line, documentOptions: new JsonDocumentOptions { MaxDepth = 256 }) is not JsonObject record
            || record["source"] is JsonObject
            || record["metadata"] is not JsonObject metadata
            || metadata[LayoutRecords.RunField] is not JsonObject run)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>(line.Length + 64);
        using (var w = new Utf8JsonWriter(buffer, DocumentJson.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("id"u8, record["id"]?.GetValue<string>() ?? "");
            w.WritePropertyName("text"u8);
            (record["text"] ?? JsonValue.Create("")).WriteTo(w);
            if (metadata["url"] is JsonValue url && url.GetValueKind() == JsonValueKind.String)
            {
                w.WritePropertyName("url"u8);
                url.WriteTo(w);
            }

            Copy(w, run, "source");
            Copy(w, run, "content_type");
            var rest = metadata.Where(p => p.Key != LayoutRecords.RunField).ToList();
            foreach (var name in new[] { "source", "added", "created" })
            {
                // Dolma's top-level fields, when the input had them, go back into metadata.
                if (record[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String && run["source"] is JsonObject own
                    && !(name == "source" && value.GetValue<string>() == own["file"]?.GetValue<string>()))
                {
                    rest.Add(new(name, value));
                }
            }

            if (rest.Count > 0)
            {
                w.WriteStartObject("metadata"u8);
                foreach (var (name, value) in rest)
                {
                    w.WritePropertyName(name);
                    if (value is null)
                    {
                        w.WriteNullValue();
                    }
                    else
                    {
                        value.WriteTo(w);
                    }
                }

                w.WriteEndObject();
            }

            Copy(w, run, "attributes");
            Copy(w, run, "removed");
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Copy(Utf8JsonWriter w, JsonObject from, string name)
    {
        if (from[name] is { } value)
        {
            w.WritePropertyName(name);
            value.WriteTo(w);
        }
    }

    private static void WriteRow(Utf8JsonWriter w, IDictionary<string, object> row)
    {
        string? Str(IDictionary<string, object> d, string name) => d.TryGetValue(name, out var v) && v is not null ? v.ToString() : null;
        long? Long(IDictionary<string, object> d, string name) => d.TryGetValue(name, out var v) && v is not null ? Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) : null;
        void Raw(string name, string? json)
        {
            if (json is not null)
            {
                w.WritePropertyName(name);
                w.WriteRawValue(json, skipInputValidation: false);
            }
        }

        if (!row.ContainsKey("source"))
        {
            // DataTrove's layout: text, id and a metadata JSON string holding the run's object.
            var line = new ArrayBufferWriter<byte>();
            using (var dt = new Utf8JsonWriter(line, DocumentJson.WriterOptions))
            {
                dt.WriteStartObject();
                dt.WriteString("text"u8, Str(row, "text") ?? "");
                dt.WriteString("id"u8, Str(row, "id") ?? "");
                dt.WritePropertyName("metadata"u8);
                dt.WriteRawValue(Str(row, "metadata") ?? "{}");
                dt.WriteEndObject();
            }

            var ours = FromLayout(line.WrittenSpan);
            using var doc = JsonDocument.Parse(ours ?? line.WrittenSpan.ToArray());
            doc.WriteTo(w);
            return;
        }

        w.WriteStartObject();
        w.WriteString("id"u8, Str(row, "id") ?? "");
        w.WriteString("text"u8, Str(row, "text") ?? "");
        if (Str(row, "url") is { } url)
        {
            w.WriteString("url"u8, url);
        }

        if (row["source"] is IDictionary<string, object> source)
        {
            w.WriteStartObject("source"u8);
            w.WriteString("file"u8, Str(source, "file") ?? "");
            if (Long(source, "line") is { } number)
            {
                w.WriteNumber("line"u8, number);
            }

            if (Long(source, "offset") is { } offset)
            {
                w.WriteNumber("offset"u8, offset);
            }

            w.WriteEndObject();
        }

        if (Str(row, "content_type") is { } contentType)
        {
            w.WriteString("content_type"u8, contentType);
        }

        Raw("metadata", Str(row, "metadata"));
        Raw("attributes", Str(row, "attributes"));
        if (row.TryGetValue("removed", out var value) && value is IDictionary<string, object> removed)
        {
            w.WriteStartObject("removed"u8);
            w.WriteString("stage"u8, Str(removed, "stage") ?? "");
            w.WriteString("reason"u8, Str(removed, "reason") ?? "");
            if (Str(removed, "kept_id") is { } kept)
            {
                w.WriteString("kept_id"u8, kept);
            }

            if (Str(removed, "detail") is { } detail)
            {
                w.WriteString("detail"u8, detail);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }
}
