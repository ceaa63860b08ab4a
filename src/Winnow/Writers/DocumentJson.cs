using System.Text.Encodings.Web;
using System.Text.Json;
using Winnow.Documents;

namespace Winnow.Writers;

/// <summary>
/// Writes documents and rejections as JSON records in the layout of docs/formats.md:
/// <c>id, text, url, source, metadata, attributes</c>, plus <c>removed</c> for removed documents.
/// </summary>
internal static class DocumentJson
{
    /// <summary>Non-ASCII stays as UTF-8: smaller files, readable text, byte-stable output.</summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    public static void Write(Utf8JsonWriter writer, Document document) => Write(writer, document, spill: false);

    /// <summary>
    /// Writes a record that a later pass reads back whole: the public fields plus the ordinal and
    /// input size, which decisions and accounting need.
    /// </summary>
    public static void WriteSpill(Utf8JsonWriter writer, Document document) => Write(writer, document, spill: true);

    /// <summary>A spill record of the ordinal, input size and id only (runs that write no documents).</summary>
    public static void WriteSkeleton(Utf8JsonWriter writer, Document document)
    {
        writer.WriteStartObject();
        writer.WriteNumber(SpillOrdinal, document.Ordinal);
        writer.WriteNumber(SpillBytes, document.InputBytes);
        writer.WriteString("id"u8, document.Id);
        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, Document document, bool spill)
    {
        writer.WriteStartObject();
        if (spill)
        {
            writer.WriteNumber(SpillOrdinal, document.Ordinal);
            writer.WriteNumber(SpillBytes, document.InputBytes);
            if (document.TokensCounted)
            {
                writer.WriteNumber(SpillTokens, document.Tokens);
            }
        }

        writer.WriteString("id"u8, document.Id);
        if (document.RawTextJson.IsEmpty)
        {
            RelaxedJsonString.Write(writer, "text"u8, document.Text);
        }
        else
        {
            writer.WritePropertyName("text"u8);
            writer.WriteRawValue(document.RawTextJson.Span, skipInputValidation: true);
        }
        if (document.Url is not null)
        {
            writer.WriteString("url"u8, document.Url);
        }

        WriteSource(writer, document.Source);
        if (document.ContentType != ContentTypes.PlainText)
        {
            writer.WriteString("content_type"u8, document.ContentType);
        }

        if (document.Metadata.Count > 0)
        {
            writer.WriteStartObject("metadata"u8);
            foreach (var field in document.Metadata)
            {
                writer.WritePropertyName(field.Name);
                writer.WriteRawValue(field.RawJson.Span, skipInputValidation: true);
            }

            writer.WriteEndObject();
        }

        if (document.Attributes is { } attributes)
        {
            writer.WritePropertyName("attributes"u8);
            attributes.WriteTo(writer);
        }

        if (document.Removal is { } removal)
        {
            WriteRemoval(writer, removal);
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// The members <c>"source":{…}</c> and, for a removed document, <c>"removed":{…}</c> as
    /// <see cref="Write(Utf8JsonWriter, Document)"/> writes them, into <paramref name="buffer"/>
    /// (cleared first), for a record copied from its input with them set in (see
    /// <c>SerializedChunk.AddSpliced</c>). Returns where the removed member starts (the length when none).
    /// </summary>
    internal static int WriteAddedMembers(Utf8JsonWriter writer, System.Buffers.ArrayBufferWriter<byte> buffer, DocumentSource source, Removal? removal)
    {
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        writer.WriteStartObject();
        WriteSource(writer, source);
        writer.Flush();
        var removedAt = buffer.WrittenCount;
        if (removal is not null)
        {
            WriteRemoval(writer, removal);
        }

        writer.WriteEndObject();
        writer.Flush();
        return removedAt;
    }

    private static void WriteRemoval(Utf8JsonWriter writer, Removal removal)
    {
        writer.WriteStartObject("removed"u8);
        writer.WriteString("stage"u8, removal.Stage);
        writer.WriteString("reason"u8, removal.Reason);
        if (removal.KeptId is not null)
        {
            writer.WriteString("kept_id"u8, removal.KeptId);
        }

        if (removal.Detail is not null)
        {
            writer.WriteString("detail"u8, removal.Detail);
        }

        writer.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter writer, Rejection rejection, ReadOnlySpan<byte> record)
    {
        writer.WriteStartObject();
        WriteSource(writer, rejection.Source);
        writer.WriteString("reason"u8, rejection.Reason);
        writer.WriteString("message"u8, rejection.Message);
        writer.WriteNumber("bytes"u8, rejection.Bytes);
        if (!record.IsEmpty)
        {
            // The start of the record, decoded leniently, so that a user can find and mend it.
            var preview = record[..Math.Min(record.Length, PreviewBytes)];
            writer.WriteString("preview"u8, System.Text.Encoding.UTF8.GetString(preview));
        }

        writer.WriteEndObject();
    }

    private const int PreviewBytes = 512;

    /// <summary>Spill-only field: the document's ordinal.</summary>
    public static ReadOnlySpan<byte> SpillOrdinal => "_ordinal"u8;

    /// <summary>Spill-only field: the document's input bytes.</summary>
    public static ReadOnlySpan<byte> SpillBytes => "_bytes"u8;

    /// <summary>Spill-only field: the tokens of the text, when counted before the spill (no later stage edits text).</summary>
    public static ReadOnlySpan<byte> SpillTokens => "_tokens"u8;

    private static void WriteSource(Utf8JsonWriter writer, DocumentSource source)
    {
        writer.WriteStartObject("source"u8);
        writer.WriteString("file"u8, source.File);
        if (source.Line > 0)
        {
            writer.WriteNumber("line"u8, source.Line);
        }

        if (source.Offset >= 0)
        {
            writer.WriteNumber("offset"u8, source.Offset);
        }

        writer.WriteEndObject();
    }
}
