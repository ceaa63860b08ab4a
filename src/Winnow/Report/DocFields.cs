using System.Text.Json;
using Winnow.Text;

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

    /// <summary>The record these fields were read from.</summary>
    public readonly ReadOnlySpan<byte> Line => _line;

    /// <summary>Parses a record; returns false for a line that is not a JSON object.</summary>
    public static bool TryParse(ReadOnlySpan<byte> line, out DocFields fields)
    {
        fields = new DocFields(line);
        var members = new JsonMembers(line);
        while (members.MoveNext())
        {
            var name = members.Name;
            var value = members.Value;
            if (name.SequenceEqual("id"u8))
            {
                fields.Id = value[0] == '"' ? JsonSpans.DecodeString(value) : System.Text.Encoding.UTF8.GetString(value);
            }
            else if (name.SequenceEqual("text"u8) && value[0] == '"')
            {
                fields._text = new Range(members.ValueStart, members.ValueEnd);
            }
            else if (name.SequenceEqual("url"u8) && value[0] == '"')
            {
                fields.Url = JsonSpans.DecodeString(value);
            }
            else if (name.SequenceEqual("metadata"u8) && value[0] == '{')
            {
                fields.Title = StringMember(value, "title"u8);
            }
            else if (name.SequenceEqual("removed"u8) && value[0] == '{')
            {
                fields.Stage = StringMember(value, "stage"u8);
                fields.Reason = StringMember(value, "reason"u8);
                fields.KeptId = StringMember(value, "kept_id"u8);
                fields.Detail = StringMember(value, "detail"u8);
            }
            else if (name.SequenceEqual("attributes"u8) && value[0] == '{')
            {
                fields._attributes = new Range(members.ValueStart, members.ValueEnd);
            }
        }

        return members.Complete;
    }

    /// <summary>The text, cut to <paramref name="maxChars"/>; <paramref name="length"/> is the full length.</summary>
    public readonly string Text(int maxChars, out int length)
    {
        if (_text.End.Value == 0)
        {
            length = 0;
            return "";
        }

        var text = JsonSpans.DecodeString(_line[_text]);
        length = text.Length;
        return text.Length <= maxChars ? text : text[..Cut(text, maxChars)];
    }

    /// <summary>The attributes object, parsed; null when the record has none.</summary>
    public readonly JsonDocument? Attributes() => HasAttributes ? JsonDocument.Parse(_line[_attributes].ToArray()) : null;

    /// <summary>A cut point that does not split a surrogate pair.</summary>
    public static int Cut(string text, int maxChars) =>
        maxChars > 0 && maxChars < text.Length && char.IsHighSurrogate(text[maxChars - 1]) ? maxChars - 1 : Math.Min(maxChars, text.Length);

    /// <summary>The last string value of the member <paramref name="wanted"/> of an object; null when there is none.</summary>
    private static string? StringMember(ReadOnlySpan<byte> json, ReadOnlySpan<byte> wanted)
    {
        string? found = null;
        var members = new JsonMembers(json);
        while (members.MoveNext())
        {
            if (members.Name.SequenceEqual(wanted) && members.Value[0] == '"')
            {
                found = JsonSpans.DecodeString(members.Value);
            }
        }

        return found;
    }
}
