using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Winnow.Text;

/// <summary>
/// Where JSON values stand in a line, found by vector searches, and JSON strings decoded from their
/// bytes. For JSON this program wrote (spill records, documents/ lines) and for values a strict
/// reader has already accepted.
/// </summary>
/// <remarks>
/// Why not <see cref="System.Text.Json.Utf8JsonReader"/>: once a string holds an escape it checks
/// the rest of the string one byte at a time, and a document's text holds one at every line break,
/// so reading a record's text cost more than everything else about the record. Here a string is
/// skipped by searching for its closing quote. Nothing is validated again, but every method stays
/// inside its span and ends on any bytes: what does not have the expected shape gives -1 or false.
/// </remarks>
internal static class JsonSpans
{
    private static readonly SearchValues<byte> Structure = SearchValues.Create("\"{}[]"u8);

    /// <summary>Past the closing quote of the string whose opening quote is at <paramref name="start"/>; -1 when it has none.</summary>
    public static int SkipString(ReadOnlySpan<byte> json, int start)
    {
        // Only quotes are searched for, not escapes (a text has one at every line break): a quote
        // ends the string unless an odd number of backslashes stands right before it.
        var i = start + 1;
        while (i <= json.Length)
        {
            var quote = json[i..].IndexOf((byte)'"');
            if (quote < 0)
            {
                return -1;
            }

            i += quote;
            var backslashes = 0;
            while (i - 1 - backslashes > start && json[i - 1 - backslashes] == '\\')
            {
                backslashes++;
            }

            if ((backslashes & 1) == 0)
            {
                return i + 1;
            }

            i++;
        }

        return -1;
    }

    /// <summary>Past the end of the value that starts at <paramref name="start"/> (a string, object, array, number or literal); -1 when it does not end.</summary>
    public static int SkipValue(ReadOnlySpan<byte> json, int start)
    {
        if (start >= json.Length)
        {
            return -1;
        }

        var first = json[start];
        if (first == '"')
        {
            return SkipString(json, start);
        }

        if (first is (byte)'{' or (byte)'[')
        {
            var depth = 0;
            for (var i = start; i < json.Length;)
            {
                var stop = json[i..].IndexOfAny(Structure);
                if (stop < 0)
                {
                    return -1;
                }

                i += stop;
                if (json[i] == '"')
                {
                    i = SkipString(json, i);
                    if (i < 0)
                    {
                        return -1;
                    }

                    continue;
                }

                depth += json[i] is (byte)'{' or (byte)'[' ? 1 : -1;
                i++;
                if (depth == 0)
                {
                    return i;
                }
            }

            return -1;
        }

        var end = start;
        while (end < json.Length && json[end] is not ((byte)',' or (byte)'}' or (byte)']' or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            end++;
        }

        return end == start ? -1 : end;
    }

    /// <summary>The string token <paramref name="token"/> (quotes included) decoded; invalid UTF-8 and broken escapes become U+FFFD.</summary>
    public static string DecodeString(ReadOnlySpan<byte> token)
    {
        var content = token.Length >= 2 ? token[1..^1] : [];
        if (content.IndexOf((byte)'\\') < 0)
        {
            return Encoding.UTF8.GetString(content);
        }

        // A JSON string decodes to at most one char per byte.
        var buffer = ArrayPool<char>.Shared.Rent(content.Length);
        try
        {
            var written = Unescape(content, buffer, strict: false, out _);
            return new string(buffer, 0, written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Decodes a string's content (escapes and UTF-8) into <paramref name="destination"/>, which
    /// must hold as many chars as the content has bytes, and returns the chars written.
    /// <paramref name="strict"/>: declines (-1) invalid UTF-8 and escaped surrogates, for content
    /// whose escapes a scanner has checked; otherwise each \u escape gives its own char (so an
    /// escaped pair gives the pair) and what is broken gives U+FFFD. <paramref name="highestEscaped"/>
    /// is the highest char written by a \u escape ('\0' if none).
    /// </summary>
    public static int Unescape(ReadOnlySpan<byte> content, Span<char> destination, bool strict, out char highestEscaped)
    {
        highestEscaped = '\0';
        var written = 0;
        while (true)
        {
            var slash = content.IndexOf((byte)'\\');
            var plain = slash < 0 ? content : content[..slash];
            if (Utf8.ToUtf16(plain, destination[written..], out _, out var chars, replaceInvalidSequences: !strict) != OperationStatus.Done)
            {
                return -1;
            }

            written += chars;
            if (slash < 0)
            {
                return written;
            }

            if (slash + 1 >= content.Length)
            {
                destination[written++] = '\uFFFD';
                return written;
            }

            var escape = content[slash + 1];
            char c;
            if (escape == 'u')
            {
                var code = slash + 6 <= content.Length
                    ? (Hex(content[slash + 2]) << 12) | (Hex(content[slash + 3]) << 8) | (Hex(content[slash + 4]) << 4) | Hex(content[slash + 5])
                    : -1;
                c = code < 0 ? '\uFFFD' : (char)code;
                if (strict && (code < 0 || char.IsSurrogate(c)))
                {
                    return -1;
                }

                highestEscaped = c > highestEscaped ? c : highestEscaped;
                content = content[Math.Min(slash + 6, content.Length)..];
            }
            else
            {
                c = escape switch
                {
                    (byte)'n' => '\n',
                    (byte)'t' => '\t',
                    (byte)'r' => '\r',
                    (byte)'b' => '\b',
                    (byte)'f' => '\f',
                    (byte)'"' or (byte)'\\' or (byte)'/' => (char)escape,
                    _ => '\uFFFD',
                };
                content = content[(slash + 2)..];
            }

            destination[written++] = c;
        }
    }

    /// <summary>A hex digit's value; -1 for anything else (so a group with one turns negative).</summary>
    public static int Hex(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -0x10000,
    };
}

/// <summary>
/// The members of a JSON object, one at a time: each name's content and where its value stands.
/// The object's values are skipped, not parsed (<see cref="JsonSpans"/>).
/// </summary>
internal ref struct JsonMembers
{
    private readonly ReadOnlySpan<byte> _json;
    private int _at;
    private bool _started;

    /// <summary>Starts at the object that begins <paramref name="json"/> (after any white space).</summary>
    public JsonMembers(ReadOnlySpan<byte> json)
    {
        _json = json;
        var i = SkipWhiteSpace(json, 0);
        _at = i < json.Length && json[i] == '{' ? i + 1 : -1;
        IsObject = _at > 0;
    }

    /// <summary>Whether the bytes begin with an object.</summary>
    public bool IsObject { get; }

    /// <summary>Whether the object's closing brace has been reached.</summary>
    public bool Complete { get; private set; }

    /// <summary>The current member's name as written, without its quotes (escapes not decoded).</summary>
    public ReadOnlySpan<byte> Name { get; private set; }

    /// <summary>The current member's name token, quotes included, for <see cref="JsonSpans.DecodeString"/>.</summary>
    public ReadOnlySpan<byte> NameToken { get; private set; }

    /// <summary>Where the current member's name token starts in the bytes.</summary>
    public int NameStart { get; private set; }

    /// <summary>Where the current member's value starts in the bytes.</summary>
    public int ValueStart { get; private set; }

    /// <summary>Where the current member's value ends in the bytes.</summary>
    public int ValueEnd { get; private set; }

    /// <summary>The current member's value as written.</summary>
    public readonly ReadOnlySpan<byte> Value => _json[ValueStart..ValueEnd];

    /// <summary>Moves to the next member; false at the end of the object or at anything not shaped like one.</summary>
    public bool MoveNext()
    {
        if (_at < 0)
        {
            return false;
        }

        var i = SkipWhiteSpace(_json, _at);
        if (i < _json.Length && _json[i] == '}')
        {
            Complete = true;
            _at = -1;
            return false;
        }

        if (_started)
        {
            if (i >= _json.Length || _json[i] != ',')
            {
                _at = -1;
                return false;
            }

            i = SkipWhiteSpace(_json, i + 1);
        }

        _started = true;
        var nameEnd = i < _json.Length && _json[i] == '"' ? JsonSpans.SkipString(_json, i) : -1;
        var colon = nameEnd < 0 ? -1 : SkipWhiteSpace(_json, nameEnd);
        var valueStart = colon < 0 || colon >= _json.Length || _json[colon] != ':' ? -1 : SkipWhiteSpace(_json, colon + 1);
        var valueEnd = valueStart < 0 ? -1 : JsonSpans.SkipValue(_json, valueStart);
        if (valueEnd < 0)
        {
            _at = -1;
            return false;
        }

        NameStart = i;
        NameToken = _json[i..nameEnd];
        Name = _json[(i + 1)..(nameEnd - 1)];
        ValueStart = valueStart;
        ValueEnd = valueEnd;
        _at = valueEnd;
        return true;
    }

    private static int SkipWhiteSpace(ReadOnlySpan<byte> json, int i)
    {
        while (i < json.Length && json[i] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
        {
            i++;
        }

        return i;
    }
}
