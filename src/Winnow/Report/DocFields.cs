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
                fields.ReadRemoved(value);
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

    /// <summary>
    /// Reads only the ends of a record as this program writes it, compact: the id (the first
    /// member) and the last member, "removed" (<paramref name="removed"/>) or "attributes". The
    /// text between them, most of the line, is not looked at again after the line was found; the
    /// full parse searched it for its closing quote. Returns false when the record is not so
    /// shaped (the caller then parses it whole, <see cref="TryParse"/>); the fields read are
    /// those the full parse gives, the others are left unset.
    /// </summary>
    /// <remarks>
    /// A string cannot hold a quote right after a comma (its quotes are escaped), so the last
    /// <c>,"removed":{</c> is a member's name; it is the record's own last member when its value
    /// ends right before the record's closing brace (one of an object inside would be followed by
    /// that object's brace too). With no such name anywhere, the record has no such member.
    /// </remarks>
    public static bool TryParseEnds(ReadOnlySpan<byte> line, bool removed, out DocFields fields)
    {
        fields = new DocFields(line);
        line = line.TrimEnd(" \t\r"u8);
        if (!line.StartsWith("{\"id\":\""u8) || line[^1] != '}')
        {
            return false;
        }

        var idEnd = JsonSpans.SkipString(line, 6);
        if (idEnd < 0)
        {
            return false;
        }

        fields.Id = JsonSpans.DecodeString(line[6..idEnd]);
        var name = removed ? ",\"removed\":{"u8 : ",\"attributes\":{"u8;
        var at = line.LastIndexOf(name);
        if (at < 0)
        {
            return !removed; // a kept document without attributes; a removed one always says why
        }

        var valueStart = at + name.Length - 1;
        var valueEnd = JsonSpans.SkipValue(line, valueStart);
        if (valueEnd != line.Length - 1)
        {
            return false;
        }

        var value = line[valueStart..valueEnd];
        if (removed)
        {
            fields.ReadRemoved(value);
        }
        else
        {
            fields._attributes = new Range(valueStart, valueEnd);
        }

        return true;
    }

    /// <summary>The fields of a "removed" object.</summary>
    private void ReadRemoved(ReadOnlySpan<byte> removed)
    {
        Stage = StringMember(removed, "stage"u8);
        Reason = StringMember(removed, "reason"u8);
        KeptId = StringMember(removed, "kept_id"u8);
        Detail = StringMember(removed, "detail"u8);
    }

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
