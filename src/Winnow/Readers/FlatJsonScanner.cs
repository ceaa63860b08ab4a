using System.Buffers;
using System.Text.Json;
using Winnow.Text;

namespace Winnow.Readers;

/// <summary>One value found by <see cref="FlatJsonScanner"/>: a string's content between its quotes, or a scalar, object or array as written.</summary>
internal readonly record struct FlatJsonValue(JsonTokenType Kind, int Start, int Length, bool Escaped);

/// <summary>One member of a flat JSON object: its name's bytes (between the quotes, no escape) and its value.</summary>
internal readonly record struct FlatJsonField(int NameStart, int NameLength, FlatJsonValue Value);

/// <summary>
/// A quick reader for the most common JSONL record: one object of members whose values are strings,
/// numbers, booleans, null, or small objects and arrays (a Dolma-style "metadata"). It finds where
/// each member's name and value stand without decoding or copying anything, and declines (returns
/// false) on whatever it does not fully handle, so the caller can use the full parser, which then
/// gives the verdict.
/// </summary>
/// <remarks>
/// Whatever it accepts is valid JSON that the full parser reads to the same values: it declines
/// nested values the strict reader rejects, escapes in property names, invalid escapes, control characters in strings,
/// malformed numbers and literals, and anything before or after the object but JSON whitespace.
/// The caller has checked that the record is UTF-8. Thread-safe: stateless.
/// </remarks>
internal static class FlatJsonScanner
{
    /// <summary>The most members a record may have for the quick reader; longer records take the full parser.</summary>
    public const int MaxFields = 64;

    /// <summary>How deep a member's value may nest: one level less than the record (<see cref="RecordParser.MaxInputDepth"/>).</summary>
    private const int NestedMaxDepth = RecordParser.MaxInputDepth - 1;

    // What ends a run of plain string content: the closing quote, an escape, or a control character (invalid in JSON).
    private static readonly SearchValues<byte> StringStops = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F"u8);

    /// <summary>
    /// Scans <paramref name="record"/>: on success <paramref name="fields"/> holds its
    /// <paramref name="count"/> members in order. Declines a record of more members than
    /// <paramref name="fields"/> holds.
    /// </summary>
    public static bool TryScan(ReadOnlySpan<byte> record, Span<FlatJsonField> fields, out int count)
    {
        count = 0;
        var i = SkipWhiteSpace(record, 0);
        if (i >= record.Length || record[i] != '{')
        {
            return false;
        }

        i = SkipWhiteSpace(record, i + 1);
        if (i < record.Length && record[i] == '}')
        {
            return SkipWhiteSpace(record, i + 1) == record.Length;
        }

        while (true)
        {
            if (count == fields.Length || i >= record.Length || record[i] != '"' || !TryString(record, i, out var nameEnd, out var nameEscaped) || nameEscaped)
            {
                return false;
            }

            var nameStart = i + 1;
            i = SkipWhiteSpace(record, nameEnd);
            if (i >= record.Length || record[i] != ':')
            {
                return false;
            }

            i = SkipWhiteSpace(record, i + 1);
            if (!TryValue(record, i, out var value, out var end))
            {
                return false;
            }

            fields[count++] = new FlatJsonField(nameStart, nameEnd - 1 - nameStart, value);
            i = SkipWhiteSpace(record, end);
            if (i >= record.Length)
            {
                return false;
            }

            if (record[i] == '}')
            {
                return SkipWhiteSpace(record, i + 1) == record.Length;
            }

            if (record[i] != ',')
            {
                return false;
            }

            i = SkipWhiteSpace(record, i + 1);
        }
    }

    /// <summary>The last values of the text, id and url fields among <paramref name="fields"/> (absent when not there).</summary>
    public static (FlatJsonValue Text, FlatJsonValue Id, FlatJsonValue Url) Pick(
        ReadOnlySpan<byte> record, ReadOnlySpan<FlatJsonField> fields, ReadOnlySpan<byte> textName, ReadOnlySpan<byte> idName, ReadOnlySpan<byte> urlName) =>
        Pick(record, fields, textName, idName, urlName, out _);

    /// <summary>As above; <paramref name="repeated"/> is true when the text, id or url field occurs more than once.</summary>
    public static (FlatJsonValue Text, FlatJsonValue Id, FlatJsonValue Url) Pick(
        ReadOnlySpan<byte> record, ReadOnlySpan<FlatJsonField> fields, ReadOnlySpan<byte> textName, ReadOnlySpan<byte> idName, ReadOnlySpan<byte> urlName,
        out bool repeated)
    {
        FlatJsonValue text = default, id = default, url = default;
        repeated = false;
        foreach (var field in fields)
        {
            var name = record.Slice(field.NameStart, field.NameLength);
            if (name.SequenceEqual(textName))
            {
                repeated |= text.Kind != JsonTokenType.None;
                text = field.Value;
            }
            else if (name.SequenceEqual(idName))
            {
                repeated |= id.Kind != JsonTokenType.None;
                id = field.Value;
            }
            else if (name.SequenceEqual(urlName))
            {
                repeated |= url.Kind != JsonTokenType.None;
                url = field.Value;
            }
        }

        return (text, id, url);
    }

    /// <inheritdoc cref="Unescape(ReadOnlySpan{byte}, Span{char}, out char)"/>
    public static int Unescape(ReadOnlySpan<byte> content, Span<char> destination) => Unescape(content, destination, out _);

    /// <summary>
    /// Decodes a string's content (escapes and UTF-8) into <paramref name="destination"/>, which
    /// must hold as many chars as the content has bytes. Declines escaped surrogates (the full
    /// parser decides about lone ones). Returns the chars written, or -1 when declined;
    /// <paramref name="highestEscaped"/> is the highest char written by a \u escape ('\0' if none).
    /// </summary>
    public static int Unescape(ReadOnlySpan<byte> content, Span<char> destination, out char highestEscaped) =>
        JsonSpans.Unescape(content, destination, strict: true, out highestEscaped);

    private static bool TryValue(ReadOnlySpan<byte> record, int i, out FlatJsonValue value, out int end)
    {
        value = default;
        end = i;
        if (i >= record.Length)
        {
            return false;
        }

        switch (record[i])
        {
            case (byte)'"':
                if (!TryString(record, i, out end, out var escaped))
                {
                    return false;
                }

                value = new FlatJsonValue(JsonTokenType.String, i + 1, end - i - 2, escaped);
                return true;
            case (byte)'{' or (byte)'[':
                return TryNested(record, i, out value, out end);
            case (byte)'t':
                return TryLiteral(record, i, "true"u8, JsonTokenType.True, out value, out end);
            case (byte)'f':
                return TryLiteral(record, i, "false"u8, JsonTokenType.False, out value, out end);
            case (byte)'n':
                return TryLiteral(record, i, "null"u8, JsonTokenType.Null, out value, out end);
            default:
                if (!TryNumber(record, i, out end))
                {
                    return false;
                }

                value = new FlatJsonValue(JsonTokenType.Number, i, end - i, Escaped: false);
                return true;
        }
    }

    /// <summary>A string starting at the quote at <paramref name="start"/>; <paramref name="end"/> is past its closing quote.</summary>
    private static bool TryString(ReadOnlySpan<byte> record, int start, out int end, out bool escaped)
    {
        escaped = false;
        var i = start + 1;
        while (true)
        {
            var stop = record[i..].IndexOfAny(StringStops);
            if (stop < 0)
            {
                end = record.Length;
                return false;
            }

            i += stop;
            if (record[i] == '"')
            {
                end = i + 1;
                return true;
            }

            if (record[i] != '\\' || i + 1 >= record.Length)
            {
                end = i;
                return false;
            }

            escaped = true;
            var escape = record[i + 1];
            if (escape == 'u')
            {
                if (i + 6 > record.Length || JsonSpans.Hex(record[i + 2]) < 0 || JsonSpans.Hex(record[i + 3]) < 0 || JsonSpans.Hex(record[i + 4]) < 0 || JsonSpans.Hex(record[i + 5]) < 0)
                {
                    end = i;
                    return false;
                }

                i += 6;
            }
            else if (escape is (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t')
            {
                i += 2;
            }
            else
            {
                end = i;
                return false;
            }
        }
    }

    /// <summary>
    /// An object or array as a member's value: found by its brackets, then read whole by the
    /// strict reader (it is small beside a text, and rarely there), so it is accepted only where
    /// the full parser would accept it, to the same depth limit.
    /// </summary>
    private static bool TryNested(ReadOnlySpan<byte> record, int i, out FlatJsonValue value, out int end)
    {
        value = default;
        end = JsonSpans.SkipValue(record, i);
        if (end < 0 || (end < record.Length && !IsDelimiter(record[end])))
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(record[i..end], new JsonReaderOptions { MaxDepth = NestedMaxDepth });
            while (reader.Read())
            {
            }

            if (reader.BytesConsumed != end - i)
            {
                return false;
            }
        }
        catch (JsonException)
        {
            return false;
        }

        value = new FlatJsonValue(record[i] == '{' ? JsonTokenType.StartObject : JsonTokenType.StartArray, i, end - i, Escaped: false);
        return true;
    }

    private static bool TryLiteral(ReadOnlySpan<byte> record, int i, ReadOnlySpan<byte> literal, JsonTokenType kind, out FlatJsonValue value, out int end)
    {
        end = i + literal.Length;
        value = new FlatJsonValue(kind, i, literal.Length, Escaped: false);
        return record[i..].StartsWith(literal) && (end == record.Length || IsDelimiter(record[end]));
    }

    /// <summary>JSON's number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</summary>
    private static bool TryNumber(ReadOnlySpan<byte> record, int i, out int end)
    {
        end = i;
        if (end < record.Length && record[end] == '-')
        {
            end++;
        }

        if (end >= record.Length || !char.IsAsciiDigit((char)record[end]))
        {
            return false;
        }

        if (record[end] == '0')
        {
            end++;
        }
        else
        {
            end = Digits(record, end);
        }

        if (end < record.Length && record[end] == '.')
        {
            var after = Digits(record, end + 1);
            if (after == end + 1)
            {
                return false;
            }

            end = after;
        }

        if (end < record.Length && (record[end] | 0x20) == 'e')
        {
            end++;
            if (end < record.Length && record[end] is (byte)'+' or (byte)'-')
            {
                end++;
            }

            var after = Digits(record, end);
            if (after == end)
            {
                return false;
            }

            end = after;
        }

        return end == record.Length || IsDelimiter(record[end]);
    }

    private static int Digits(ReadOnlySpan<byte> record, int i)
    {
        while (i < record.Length && char.IsAsciiDigit((char)record[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsDelimiter(byte b) => b is (byte)',' or (byte)'}' or (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r';

    private static int SkipWhiteSpace(ReadOnlySpan<byte> record, int i)
    {
        while (i < record.Length && record[i] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
        {
            i++;
        }

        return i;
    }
}
