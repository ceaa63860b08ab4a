using System.Text.Json;
using System.Text.Json.Nodes;

namespace Winnow.Writers;

/// <summary>
/// Writes a record of ours (<see cref="DocumentRecord"/>) in the layout another tool reads: Dolma's
/// document and attribute records, DataTrove's document. The input's metadata fields are copied as
/// they are; what the run adds (its source, content type, stage annotations, removal) goes into one
/// object, <c>metadata.winnow</c>, which replaces a <c>winnow</c> field read from the input (an
/// earlier run's). Layouts in docs/formats.md.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
internal static class LayoutRecords
{
    /// <summary>The metadata field that holds what the run adds.</summary>
    public const string RunField = "winnow";

    /// <summary>The name of Dolma's attribute files' folder: attributes/winnow/.</summary>
    public const string AttributeSet = "winnow";

    private static readonly string[] DolmaTopLevel = ["source", "added", "created"];

    /// <summary>DataTrove: <c>{"text", "id", "metadata"}</c>, as its JsonlWriter writes a document.</summary>
    public static void WriteDataTrove(Utf8JsonWriter w, DocumentRecord r)
    {
        w.WriteStartObject();
        w.WritePropertyName("text"u8);
        w.WriteRawValue(r[r.Text], skipInputValidation: true);
        w.WriteString("id"u8, r.Id);
        w.WritePropertyName("metadata"u8);
        WriteMetadata(w, r, []);
        w.WriteEndObject();
    }

    /// <summary>The metadata object of the DataTrove layout, alone (Parquet's metadata column).</summary>
    public static void WriteDataTroveMetadata(Utf8JsonWriter w, DocumentRecord r) => WriteMetadata(w, r, []);

    /// <summary>
    /// Dolma: <c>{"id", "text", "source", "added", "created", "metadata"}</c>. source, added and
    /// created are the input's own when its metadata has them as strings (a Dolma document read
    /// back); else source is the input file and created the page's date found by extraction.
    /// </summary>
    public static void WriteDolma(Utf8JsonWriter w, DocumentRecord r, JsonObject? attributes)
    {
        w.WriteStartObject();
        w.WriteString("id"u8, r.Id);
        w.WritePropertyName("text"u8);
        w.WriteRawValue(r[r.Text], skipInputValidation: true);
        w.WriteString("source"u8, DolmaSource(r));
        if (r.MetadataString("added") is { } added)
        {
            w.WriteString("added"u8, added);
        }

        var created = r.MetadataString("created") ?? (attributes?["extract"]?["date"] is JsonValue date && date.TryGetValue<string>(out var d) ? d : null);
        if (created is not null)
        {
            w.WriteString("created"u8, created);
        }

        w.WritePropertyName("metadata"u8);
        WriteMetadata(w, r, DolmaTopLevel.Where(name => r.MetadataString(name) is not null).ToArray());
        w.WriteEndObject();
    }

    /// <summary>The Dolma source of a record: the input's own source string, else the input file.</summary>
    public static string DolmaSource(DocumentRecord r) => r.MetadataString("source") ?? r.SourceFile;

    /// <summary>
    /// A Dolma attribute record, <c>{"id", "source", "attributes"}</c>, whose attributes are the
    /// run's numeric annotations as spans <c>[start, end, score]</c> (Dolma's tagger output), named
    /// <c>winnow__STAGE__NAME</c>: a number or boolean covers the whole text (a boolean as 1 or 0);
    /// a stage's span list (PII, boilerplate) gives its spans with score 1, PII's by kind.
    /// </summary>
    public static void WriteDolmaAttributes(Utf8JsonWriter w, DocumentRecord r, JsonObject? attributes)
    {
        w.WriteStartObject();
        w.WriteString("id"u8, r.Id);
        w.WriteString("source"u8, DolmaSource(r));
        w.WriteStartObject("attributes"u8);
        if (attributes is not null)
        {
            var length = CodePoints(r.DecodeText());
            var spans = new SortedDictionary<string, List<(long Start, long End, double Score)>>(StringComparer.Ordinal);
            foreach (var (stage, group) in attributes)
            {
                if (group is not JsonObject values)
                {
                    continue;
                }

                foreach (var (key, value) in values)
                {
                    AddSpans(spans, stage, key, value, length);
                }
            }

            foreach (var (name, list) in spans)
            {
                w.WriteStartArray(name);
                foreach (var (start, end, score) in list)
                {
                    w.WriteStartArray();
                    w.WriteNumberValue(start);
                    w.WriteNumberValue(end);
                    w.WriteNumberValue(score);
                    w.WriteEndArray();
                }

                w.WriteEndArray();
            }
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>The record's attributes object, parsed (null when it has none).</summary>
    public static JsonObject? ParseAttributes(DocumentRecord r) =>
        DocumentRecord.IsSet(r.Attributes) ? JsonNode.Parse(r[r.Attributes], documentOptions: new JsonDocumentOptions { MaxDepth = 256 }) as JsonObject : null;

    /// <summary>What the run adds to a record: its source, content type, annotations and removal, as our own layout writes them.</summary>
    public static void WriteRunObject(Utf8JsonWriter w, DocumentRecord r)
    {
        w.WriteStartObject();
        if (DocumentRecord.IsSet(r.Source))
        {
            w.WritePropertyName("source"u8);
            w.WriteRawValue(r[r.Source], skipInputValidation: true);
        }

        foreach (var (name, range) in new[] { ("content_type", r.ContentType), ("attributes", r.Attributes), ("removed", r.Removed) })
        {
            if (DocumentRecord.IsSet(range))
            {
                w.WritePropertyName(name);
                w.WriteRawValue(r[range], skipInputValidation: true);
            }
        }

        w.WriteEndObject();
    }

    /// <summary>The input's metadata (less <paramref name="promoted"/> and an earlier run's object), the url when the input's metadata has none, then the run's object.</summary>
    private static void WriteMetadata(Utf8JsonWriter w, DocumentRecord r, string[] promoted)
    {
        w.WriteStartObject();
        var hasUrl = false;
        foreach (var (name, value) in r.Metadata)
        {
            if (name == RunField || Array.IndexOf(promoted, name) >= 0)
            {
                continue;
            }

            hasUrl |= name == "url";
            w.WritePropertyName(name);
            w.WriteRawValue(r[value], skipInputValidation: true);
        }

        if (!hasUrl && DocumentRecord.IsSet(r.Url))
        {
            w.WritePropertyName("url"u8);
            w.WriteRawValue(r[r.Url], skipInputValidation: true);
        }

        w.WritePropertyName(RunField);
        WriteRunObject(w, r);
        w.WriteEndObject();
    }

    private static void AddSpans(SortedDictionary<string, List<(long, long, double)>> spans, string stage, string key, JsonNode? value, long length)
    {
        void Add(string name, long start, long end, double score)
        {
            if (!spans.TryGetValue(name, out var list))
            {
                spans[name] = list = [];
            }

            list.Add((start, end, score));
        }

        switch (value)
        {
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number:
                Add($"winnow__{stage}__{key}", 0, length, v.GetValue<double>());
                break;
            case JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                Add($"winnow__{stage}__{key}", 0, length, v.GetValue<bool>() ? 1 : 0);
                break;
            case JsonArray list when key == "spans":
                foreach (var span in list)
                {
                    if (span is JsonArray { Count: 2 } pair && pair[0] is JsonValue s && pair[1] is JsonValue e)
                    {
                        Add($"winnow__{stage}__spans", s.GetValue<long>(), e.GetValue<long>(), 1);
                    }
                    else if (span is JsonObject o && o["kind"] is JsonValue kind && o["start"] is JsonValue start && o["end"] is JsonValue end)
                    {
                        Add($"winnow__{stage}__{kind.GetValue<string>()}", start.GetValue<long>(), end.GetValue<long>(), 1);
                    }
                }

                break;
        }
    }

    /// <summary>The length in Unicode code points: Dolma's spans index Python strings.</summary>
    private static long CodePoints(string text)
    {
        var surrogates = 0;
        foreach (var c in text)
        {
            surrogates += char.IsLowSurrogate(c) ? 1 : 0;
        }

        return text.Length - surrogates;
    }
}
