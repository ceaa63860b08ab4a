using System.Text.Json;
using System.Text.Json.Nodes;
using Winnow.Documents;
using Winnow.Readers;
using Winnow.Writers;

namespace Winnow.Pipeline;

/// <summary>Reads back what <see cref="DocumentJson.WriteSpill"/> wrote, restoring the document whole.</summary>
internal sealed class SpillParser : IRecordParser
{
    /// <summary>Spill records are ours and already checked: only a sanity cap on their size.</summary>
    public static readonly ReaderOptions ReaderOptions = new() { MaxDocumentBytes = int.MaxValue / 2 };

    public (Document? Document, Rejection? Rejection) Parse(in RawRecord record, ReadOnlyMemory<byte> memory)
    {
        if (record.Rejection is not null)
        {
            return (null, record.Rejection);
        }

        var bytes = memory.Span;
        string id = "", file = "", contentType = ContentTypes.PlainText;
        string? url = null;
        long ordinal = 0, inputBytes = 0, line = 0, offset = -1;
        var metadata = new List<MetadataField>();
        var rawText = ReadOnlyMemory<byte>.Empty;
        JsonObject? attributes = null;
        var reader = new Utf8JsonReader(bytes);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = Field(ref reader);
            reader.Read();
            switch (name)
            {
                case "_ordinal": ordinal = reader.GetInt64(); break;
                case "_bytes": inputBytes = reader.GetInt64(); break;
                case "id": id = reader.GetString()!; break;
                case "text":
                    // Kept as written and decoded only if a stage reads it: an unchanged text is written
                    // back byte for byte, and one that no later stage reads is never decoded at all.
                    rawText = memory.Slice((int)reader.TokenStartIndex, reader.ValueSpan.Length + 2);
                    break;
                case "url": url = reader.GetString(); break;
                case "content_type": contentType = reader.GetString()!; break;
                case "source":
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var field = reader.GetString();
                        reader.Read();
                        if (field == "file")
                        {
                            file = reader.GetString()!;
                        }
                        else if (field == "line")
                        {
                            line = reader.GetInt64();
                        }
                        else
                        {
                            offset = reader.GetInt64();
                        }
                    }

                    break;
                case "metadata":
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var field = reader.GetString()!;
                        reader.Read();
                        var start = (int)reader.TokenStartIndex;
                        reader.Skip();
                        metadata.Add(new MetadataField(field, bytes[start..(int)reader.BytesConsumed].ToArray()));
                    }

                    break;
                case "attributes":
                    var begin = (int)reader.TokenStartIndex;
                    reader.Skip();
                    attributes = JsonNode.Parse(bytes[begin..(int)reader.BytesConsumed])!.AsObject();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        var document = Document.WithJsonText(id, rawText, new DocumentSource(file, line, offset), ordinal, inputBytes);
        document.Url = url;
        document.ContentType = contentType;
        foreach (var field in metadata)
        {
            document.AddMetadata(field);
        }

        if (attributes is not null)
        {
            document.RestoreAttributes(attributes);
        }

        return (document, null);
    }

    // The names this parser knows, without allocating a string per record for them.
    private static string? Field(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("_ordinal"u8) ? "_ordinal"
        : reader.ValueTextEquals("_bytes"u8) ? "_bytes"
        : reader.ValueTextEquals("id"u8) ? "id"
        : reader.ValueTextEquals("text"u8) ? "text"
        : reader.ValueTextEquals("source"u8) ? "source"
        : reader.GetString();
}
