using System.Text.Json;

namespace Winnow.Writers;

/// <summary>
/// One record of our own JSONL (docs/formats.md) taken apart for another layout or format: where
/// each field's value lies in the line, as written, so that it can be copied without decoding.
/// </summary>
/// <remarks>Reused record after record by one sink; not thread-safe.</remarks>
internal sealed class DocumentRecord
{
    private readonly List<(string Name, Range Value)> _metadata = [];

    /// <summary>The record's bytes, its line end excluded.</summary>
    public ReadOnlyMemory<byte> Line { get; private set; }

    public string Id { get; private set; } = "";

    /// <summary>The text's JSON string token, quotes included.</summary>
    public Range Text { get; private set; }

    /// <summary>The url's JSON string token, or an empty range.</summary>
    public Range Url { get; private set; }

    public string SourceFile { get; private set; } = "";

    /// <summary>The 1-based line of a JSONL record (a Parquet row), or 0.</summary>
    public long SourceLine { get; private set; }

    /// <summary>The offset of a container record, or -1.</summary>
    public long SourceOffset { get; private set; }

    /// <summary>The source object as written.</summary>
    public Range Source { get; private set; }

    public Range ContentType { get; private set; }

    /// <summary>The input's metadata fields in order: name and value as written.</summary>
    public IReadOnlyList<(string Name, Range Value)> Metadata => _metadata;

    public Range Attributes { get; private set; }

    public Range Removed { get; private set; }

    public ReadOnlySpan<byte> this[Range range] => Line.Span[range];

    public static bool IsSet(Range range) => range.End.Value > range.Start.Value;

    /// <summary>Takes <paramref name="line"/> apart (a newline at its end is ignored).</summary>
    /// <exception cref="InvalidDataException">The line is not a record of ours.</exception>
    public void Read(ReadOnlyMemory<byte> line)
    {
        if (!line.IsEmpty && line.Span[^1] == (byte)'\n')
        {
            line = line[..^1];
        }

        Line = line;
        Id = SourceFile = "";
        Text = Url = Source = ContentType = Attributes = Removed = default;
        SourceLine = 0;
        SourceOffset = -1;
        _metadata.Clear();
        var bytes = line.Span;
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 256 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new InvalidDataException("an output record is not a JSON object");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            reader.Read();
            var start = (int)reader.TokenStartIndex;
            if (name.SequenceEqual("id"u8))
            {
                Id = reader.GetString()!;
            }
            else if (name.SequenceEqual("source"u8) && reader.TokenType == JsonTokenType.StartObject)
            {
                ReadSource(ref reader);
                Source = start..(int)reader.BytesConsumed;
                continue;
            }
            else if (name.SequenceEqual("metadata"u8) && reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var field = reader.GetString()!;
                    reader.Read();
                    var from = (int)reader.TokenStartIndex;
                    reader.Skip();
                    _metadata.Add((field, from..(int)reader.BytesConsumed));
                }

                continue;
            }

            reader.Skip();
            var value = start..(int)reader.BytesConsumed;
            if (name.SequenceEqual("text"u8))
            {
                Text = value;
            }
            else if (name.SequenceEqual("url"u8))
            {
                Url = value;
            }
            else if (name.SequenceEqual("content_type"u8))
            {
                ContentType = value;
            }
            else if (name.SequenceEqual("attributes"u8))
            {
                Attributes = value;
            }
            else if (name.SequenceEqual("removed"u8))
            {
                Removed = value;
            }
        }
    }

    /// <summary>The text, decoded.</summary>
    public string DecodeText() => Decode(Text) ?? "";

    /// <summary>A string token's value, or null when the range is empty.</summary>
    public string? Decode(Range range)
    {
        if (!IsSet(range))
        {
            return null;
        }

        var reader = new Utf8JsonReader(this[range]);
        reader.Read();
        return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
    }

    /// <summary>The value of the metadata field <paramref name="name"/> when it is a string, else null.</summary>
    public string? MetadataString(string name)
    {
        foreach (var (field, value) in _metadata)
        {
            if (field == name)
            {
                return Decode(value);
            }
        }

        return null;
    }

    private void ReadSource(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            var isFile = name.SequenceEqual("file"u8);
            var isLine = name.SequenceEqual("line"u8);
            reader.Read();
            if (isFile)
            {
                SourceFile = reader.GetString()!;
            }
            else if (isLine)
            {
                SourceLine = reader.GetInt64();
            }
            else
            {
                SourceOffset = reader.GetInt64();
            }
        }
    }
}
