using System.Text.Json.Nodes;
using Winnow.Documents;
using Winnow.Readers;
using Winnow.Text;
using Winnow.Writers;

namespace Winnow.Pipeline;

/// <summary>
/// Reads back what <see cref="DocumentJson.WriteSpill"/> wrote, restoring the document whole.
/// With <c>deferRest</c>, a record is parsed only up to its id; the rest is parsed when a stage or
/// a writer first asks for it, and a document nothing asks about is written out as the bytes it
/// was read from (<see cref="Document.UnchangedRecord"/>): replaying a spill of survivors that a
/// last corpus stage keeps is then a copy, not a parse of each record and a write of it again.
/// </summary>
/// <param name="deferRest">Whether the spill holds whole records (not skeletons of ordinal, size and id only).</param>
internal sealed class SpillParser(bool deferRest = false) : IRecordParser
{
    /// <summary>Spill records are ours and already checked: only a sanity cap on their size.</summary>
    public static readonly ReaderOptions ReaderOptions = new() { MaxDocumentBytes = int.MaxValue / 2 };

    public (Document? Document, Rejection? Rejection) Parse(in RawRecord record, ReadOnlyMemory<byte> memory)
    {
        if (record.Rejection is not null)
        {
            return (null, record.Rejection);
        }

        long ordinal = 0, inputBytes = 0, tokens = -1;
        var bytes = memory.Span;
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
                // The spill-only members come first and "id" is the first public one: what follows
                // is the record as documents/ has it, written back as it is while nothing changes.
                var id = JsonSpans.DecodeString(value);
                var file = record.File.Name;
                var line = record.Line;
                var document = deferRest && bytes[^1] == '}'
                    ? Document.Deferred(id, ordinal, inputBytes, memory[members.NameStart..], d => ParseRest(d, memory, file, line))
                    : ParseWhole(id, ordinal, inputBytes, memory, file, line);
                if (tokens >= 0)
                {
                    document.Tokens = tokens;
                }

                return (document, null);
            }
        }

        throw Damaged(record.File.Name, record.Line);
    }

    private static Document ParseWhole(string id, long ordinal, long inputBytes, ReadOnlyMemory<byte> memory, string file, long line)
    {
        var document = Document.WithJsonText(id, default, default, ordinal, inputBytes);
        ParseRest(document, memory, file, line);
        return document;
    }

    /// <summary>Every member after the id: the text (kept as its JSON token), URL, source, metadata, attributes.</summary>
    private static void ParseRest(Document document, ReadOnlyMemory<byte> memory, string spillFile, long spillLine)
    {
        string file = "", contentType = ContentTypes.PlainText;
        string? url = null;
        long line = 0, offset = -1;
        List<MetadataField>? metadata = null;
        var rawText = ReadOnlyMemory<byte>.Empty;
        JsonObject? attributes = null;
        var members = new JsonMembers(memory.Span);
        while (members.MoveNext())
        {
            var name = members.Name;
            var value = members.Value;
            if (name.SequenceEqual("text"u8))
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
                metadata = [];
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
            throw Damaged(spillFile, spillLine);
        }

        document.RestoreRest(rawText, url, contentType, new DocumentSource(file, line, offset), metadata is { Count: > 0 } ? metadata : null, attributes);
    }

    private static InvalidDataException Damaged(string file, long line) =>
        new($"spill record {file}:{line} is not one we wrote (its file was changed or cut)");

    private static long Number(ReadOnlySpan<byte> value) =>
        System.Buffers.Text.Utf8Parser.TryParse(value, out long number, out var used) && used == value.Length
            ? number
            : throw new InvalidDataException("a spill record's number is not one we wrote");
}
