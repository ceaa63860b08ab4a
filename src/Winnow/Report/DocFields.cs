using System.Text.Json;

namespace Winnow.Report;

/// <summary>
/// The fields of one document record (docs/formats.md) that the report uses: id, url,
/// metadata.title, removed.{stage, reason, kept_id, detail}, and where the text and the
/// attributes lie in the line, decoded only on demand.
/// </summary>
/// <remarks>Lives only while its line does. Not thread-safe.</remarks>
internal ref struct DocFields
{
    private readonly ReadOnlySpan<byte> _line;
    private Range _text;
    private Range _attributes;

    private DocFields(ReadOnlySpan<byte> line)
    {
        _line = line;
        Id = "";
    }

    public string Id { get; private set; }

    public string? Url { get; private set; }

    public string? Title { get; private set; }

    public string? Stage { get; private set; }

    public string? Reason { get; private set; }

    public string? KeptId { get; private set; }

    public string? Detail { get; private set; }

    public readonly bool HasAttributes => _attributes.End.Value > 0;

    /// <summary>Parses a record; returns false for a line that is not a JSON object.</summary>
    public static bool TryParse(ReadOnlySpan<byte> line, out DocFields fields)
    {
        fields = new DocFields(line);
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.ValueSpan;
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                if (name.SequenceEqual("id"u8))
                {
                    fields.Id = reader.TokenType == JsonTokenType.String ? reader.GetString()! : System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
                }
                else if (name.SequenceEqual("text"u8) && reader.TokenType == JsonTokenType.String)
                {
                    fields._text = new Range(start, (int)reader.BytesConsumed);
                }
                else if (name.SequenceEqual("url"u8) && reader.TokenType == JsonTokenType.String)
                {
                    fields.Url = reader.GetString();
                }
                else if (name.SequenceEqual("metadata"u8) && reader.TokenType == JsonTokenType.StartObject)
                {
                    fields.Title = ReadMember(ref reader, "title"u8, null);
                }
                else if (name.SequenceEqual("removed"u8) && reader.TokenType == JsonTokenType.StartObject)
                {
                    (fields.Stage, fields.Reason, fields.KeptId, fields.Detail) = ReadRemoval(ref reader);
                }
                else if (name.SequenceEqual("attributes"u8) && reader.TokenType == JsonTokenType.StartObject)
                {
                    reader.Skip();
                    fields._attributes = new Range(start, (int)reader.BytesConsumed);
                }
                else
                {
                    reader.Skip();
                }
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The text, cut to <paramref name="maxChars"/>; <paramref name="length"/> is the full length.</summary>
    public readonly string Text(int maxChars, out int length)
    {
        if (_text.End.Value == 0)
        {
            length = 0;
            return "";
        }

        var reader = new Utf8JsonReader(_line[_text]);
        reader.Read();
        var text = reader.GetString()!;
        length = text.Length;
        return text.Length <= maxChars ? text : text[..Cut(text, maxChars)];
    }

    /// <summary>The attributes object, parsed; null when the record has none.</summary>
    public readonly JsonDocument? Attributes() => HasAttributes ? JsonDocument.Parse(_line[_attributes].ToArray()) : null;

    /// <summary>A cut point that does not split a surrogate pair.</summary>
    public static int Cut(string text, int maxChars) =>
        maxChars > 0 && maxChars < text.Length && char.IsHighSurrogate(text[maxChars - 1]) ? maxChars - 1 : Math.Min(maxChars, text.Length);

    private static (string? Stage, string? Reason, string? KeptId, string? Detail) ReadRemoval(ref Utf8JsonReader reader)
    {
        string? stage = null, reason = null, keptId = null, detail = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            reader.Read();
            var value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            if (name.SequenceEqual("stage"u8))
            {
                stage = value;
            }
            else if (name.SequenceEqual("reason"u8))
            {
                reason = value;
            }
            else if (name.SequenceEqual("kept_id"u8))
            {
                keptId = value;
            }
            else if (name.SequenceEqual("detail"u8))
            {
                detail = value;
            }
            else
            {
                reader.Skip();
            }
        }

        return (stage, reason, keptId, detail);
    }

    private static string? ReadMember(ref Utf8JsonReader reader, ReadOnlySpan<byte> wanted, string? found)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueSpan.SequenceEqual(wanted);
            reader.Read();
            if (match && reader.TokenType == JsonTokenType.String)
            {
                found = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        return found;
    }
}
