using System.Text.Json.Nodes;
using Winnow.Documents;
using Winnow.Readers;
using Winnow.Text;
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
        long ordinal = 0, inputBytes = 0, line = 0, offset = -1, tokens = -1;
        var metadata = new List<MetadataField>();
        var rawText = ReadOnlyMemory<byte>.Empty;
        JsonObject? attributes = null;
        var members = new JsonMembers(bytes);
        while (members.MoveNext())
        {
            var name = members.Name;
            var value = members.Value;
            if (name.SequenceEqual(DocumentJson.SpillOrdinal))
            {
                ordinal = Number(value);
            }
            else if (name.SequenceEqual(DocumentJson.SpillBytes))
            {
                inputBytes = Number(value);
            }
            else if (name.SequenceEqual(DocumentJson.SpillTokens))
            {
                tokens = Number(value);
            }
            else if (name.SequenceEqual("id"u8))
            {
                id = JsonSpans.DecodeString(value);
            }
            else if (name.SequenceEqual("text"u8))
            {
                // Kept as written and decoded only if a stage reads it: an unchanged text is written
                // back byte for byte, and one that no later stage reads is never decoded at all.
                rawText = memory[members.ValueStart..members.ValueEnd];
            }
            else if (name.SequenceEqual("url"u8))
            {
                url = value[0] == '"' ? JsonSpans.DecodeString(value) : null;
            }
            else if (name.SequenceEqual("content_type"u8))
            {
                contentType = JsonSpans.DecodeString(value);
            }
            else if (name.SequenceEqual("source"u8))
            {
                var fields = new JsonMembers(value);
                while (fields.MoveNext())
                {
                    if (fields.Name.SequenceEqual("file"u8))
                    {
                        file = JsonSpans.DecodeString(fields.Value);
                    }
                    else if (fields.Name.SequenceEqual("line"u8))
                    {
                        line = Number(fields.Value);
                    }
                    else
                    {
                        offset = Number(fields.Value);
                    }
                }
            }
            else if (name.SequenceEqual("metadata"u8))
            {
                var fields = new JsonMembers(value);
                while (fields.MoveNext())
                {
                    metadata.Add(new MetadataField(JsonSpans.DecodeString(fields.NameToken), fields.Value.ToArray()));
                }
            }
            else if (name.SequenceEqual("attributes"u8))
            {
                attributes = JsonNode.Parse(value)!.AsObject();
            }
        }

        if (!members.Complete)
        {
            throw new InvalidDataException($"spill record {record.File.Name}:{record.Line} is not one we wrote (its file was changed or cut)");
        }

        var document = Document.WithJsonText(id, rawText, new DocumentSource(file, line, offset), ordinal, inputBytes);
        document.Url = url;
        document.ContentType = contentType;
        if (tokens >= 0)
        {
            document.Tokens = tokens;
        }

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

    private static long Number(ReadOnlySpan<byte> value) =>
        System.Buffers.Text.Utf8Parser.TryParse(value, out long number, out var used) && used == value.Length
            ? number
            : throw new InvalidDataException("a spill record's number is not one we wrote");
}
