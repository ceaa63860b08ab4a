using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Winnow.Documents;
using Winnow.Text;

namespace Winnow.Readers;

/// <summary>
/// Turns a raw record into a document or a rejection. Pure and thread-safe: batches are parsed
/// in parallel.
/// </summary>
internal sealed class RecordParser : IRecordParser
{
    /// <summary>
    /// How deep an input record may nest. A field's value moves one level down in our output (into
    /// "metadata"), which then nests at most 64 deep: what JSON readers accept by default.
    /// </summary>
    public const int MaxInputDepth = 63;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly ReaderOptions _options;
    private readonly byte[] _textField;
    private readonly byte[] _idField;
    private readonly byte[] _urlField;
    private readonly byte[]? _htmlField;
    private readonly bool _quickJson;
    private readonly bool _defaultNames;

    /// <summary>Creates a parser; <paramref name="quickJson"/> false sends every JSONL record through the full JSON parser (for tests).</summary>
    public RecordParser(ReaderOptions options, bool quickJson = true)
    {
        _options = options;
        _quickJson = quickJson;
        _textField = Encoding.UTF8.GetBytes(options.TextField);
        _idField = Encoding.UTF8.GetBytes(options.IdField);
        _urlField = Encoding.UTF8.GetBytes(options.UrlField);
        _htmlField = options.HtmlField is { } html ? Encoding.UTF8.GetBytes(html) : null;
        _defaultNames = options is { TextField: "text", IdField: "id", UrlField: "url", HtmlField: null };
    }

    /// <summary>Parses one record; exactly one of the results is non-null.</summary>
    public (Document? Document, Rejection? Rejection) Parse(in RawRecord record, ReadOnlyMemory<byte> memory)
    {
        var bytes = memory.Span;
        if (record.Rejection is not null)
        {
            return (null, record.Rejection);
        }

        if (record.Container is { } container)
        {
            return (container.ToDocument(record, bytes), null);
        }

        var source = new DocumentSource(record.File.Name, record.Line);
        if (record.File.Kind == InputKind.WholeFile && ContentTypes.FromFileName(record.File.Name) == ContentTypes.Html)
        {
            // HTML declares its own charset; it is decoded by it rather than required to be UTF-8.
            return (new Document(record.File.Name, CharsetDecoder.Decode(bytes), source, record.Ordinal, bytes.Length)
            {
                ContentType = ContentTypes.Html,
            }, null);
        }

        if (!Utf8.IsValid(bytes))
        {
            var at = FirstInvalidUtf8(bytes);
            return (null, new Rejection(source, RejectionReasons.InvalidUtf8,
                $"invalid UTF-8 at byte {at + 1} of the record (convert the file to UTF-8)", bytes.Length));
        }

        return record.File.Kind is InputKind.Jsonl or InputKind.Parquet or InputKind.Arrow
            ? ParseJson(source, record.Ordinal, memory)
            : (WholeFile(record, source, bytes), null);
    }

    /// <summary>
    /// Reads the id and text of a plain JSONL record without making a document: the text is
    /// decoded into <paramref name="buffer"/> (grown as needed), <paramref name="length"/> chars.
    /// Returns false, deciding nothing, for any record that needs <see cref="Parse"/>: one that is
    /// not a valid flat JSON object with a string text (see <see cref="FlatJsonScanner"/>). Where
    /// it returns true, <see cref="Parse"/> gives a document of the same id and text.
    /// <paramref name="nfc"/> is true when the text is known to be in Unicode NFC without looking
    /// (every char below U+0300, as in ASCII text), so a caller may skip that check.
    /// <paramref name="place"/>: where the text's JSON string stands in the record's file, when the
    /// record's place there is known (<see cref="RawRecord.FileOffset"/>).
    /// </summary>
    public bool TryReadText(in RawRecord record, ReadOnlySpan<byte> bytes, ref char[] buffer, out int length, out string id, out bool nfc, out TextPlace place) =>
        TryReadText(record, bytes, ref buffer, out length, out id, out nfc, out place, findSplice: false, out _);

    /// <summary>
    /// <see cref="TryReadText(in RawRecord, ReadOnlySpan{byte}, ref char[], out int, out string, out bool, out TextPlace)"/>,
    /// and with <paramref name="findSplice"/> where the record can take the members a written
    /// document adds (<paramref name="spliceAt"/>; see <see cref="SpliceOffset"/>), or -1.
    /// </summary>
    public bool TryReadText(
        in RawRecord record, ReadOnlySpan<byte> bytes, ref char[] buffer, out int length, out string id, out bool nfc, out TextPlace place, bool findSplice, out int spliceAt)
    {
        spliceAt = -1;
        length = 0;
        id = "";
        nfc = false;
        place = default;
        var ascii = Ascii.IsValid(bytes);
        Span<FlatJsonField> fields = stackalloc FlatJsonField[FlatJsonScanner.MaxFields];
        if (record.Rejection is not null || record.Container is not null || record.File.Kind is not (InputKind.Jsonl or InputKind.Parquet or InputKind.Arrow) || _htmlField is not null
            || !TryScanFlat(bytes, fields, out var count, out var text, out var idValue, out _))
        {
            return false;
        }

        // UTF-8 is checked around the text here; the text's own bytes are checked as they are
        // decoded below (a record with invalid ones goes the general way, which rejects it). The
        // text's quotes are ASCII: no sequence is cut.
        if (!ascii && !(Utf8.IsValid(bytes[..text.Start]) && Utf8.IsValid(bytes[(text.Start + text.Length)..])))
        {
            return false;
        }

        if (findSplice)
        {
            spliceAt = SpliceOffset(bytes, fields[..count]);
        }

        // A JSON string decodes to at most one char per byte.
        var content = bytes.Slice(text.Start, text.Length);
        if (buffer.Length < content.Length)
        {
            buffer = new char[Math.Max(content.Length, buffer.Length * 2)];
        }

        length = FlatJsonScanner.Unescape(content, buffer, out var highestEscaped);
        if (length < 0 || !TryReadId(bytes, idValue, out var value))
        {
            return false;
        }

        // Below U+0300 every char is NFC_Quick_Check=Yes and combines with nothing (see NfcQuickCheck).
        nfc = ascii && highestEscaped < '\u0300';
        id = value ?? new DocumentSource(record.File.Name, record.Line).ToString();
        if (record.FileOffset >= 0)
        {
            place = new TextPlace(record.File, record.FileOffset + text.Start, text.Length);
        }

        return true;
    }

    /// <summary>
    /// Where the members a written document adds to its record (<c>source</c>, and <c>removed</c>)
    /// can be set into this record's own bytes so that the result is byte for byte the record
    /// <c>DocumentJson.Write</c> makes of the document <see cref="Parse"/> gives: the offset of the
    /// comma before "metadata", or of the closing brace; -1 when the record is not in that form.
    /// </summary>
    /// <remarks>
    /// The form: <c>{"id":…,"text":…}</c>, then optionally <c>"url"</c> and a non-empty
    /// <c>"metadata"</c> object, in this order, nothing else, no white space between tokens. The
    /// text and the metadata values are written back as read (<see cref="Document.RawTextJson"/>,
    /// <see cref="MetadataField.RawJson"/>); the id, the url and the metadata names are decoded
    /// and written again, so they must hold no escape and nothing the writer's encoder escapes.
    /// </remarks>
    private int SpliceOffset(ReadOnlySpan<byte> bytes, ReadOnlySpan<FlatJsonField> fields)
    {
        if (!_defaultNames || fields.Length is < 2 or > 4 || bytes.Length < 2 || bytes[0] != '{' || bytes[^1] != '}')
        {
            return -1;
        }

        var pos = 1;
        var at = bytes.Length - 1;
        for (var f = 0; f < fields.Length; f++)
        {
            var field = fields[f];
            var value = field.Value;
            var name = bytes.Slice(field.NameStart, field.NameLength);
            var expected = f switch
            {
                0 => "id"u8,
                1 => "text"u8,
                2 when fields.Length == 4 || name.SequenceEqual("url"u8) => "url"u8,
                _ => "metadata"u8,
            };
            if (!name.SequenceEqual(expected) || field.NameStart != pos + 1 || bytes[pos] != '"'
                || bytes[pos + 1 + name.Length] != '"' || bytes[pos + 2 + name.Length] != ':')
            {
                return -1;
            }

            // The value's token must follow the colon: a string's quote, or an object's brace.
            var valueStart = pos + 3 + name.Length;
            var isString = value.Kind == JsonTokenType.String;
            if (isString ? value.Start - 1 != valueStart : value.Start != valueStart)
            {
                return -1;
            }

            // The text (f == 1) is written back as read; the id and url are written again, the
            // metadata's names too.
            var valueEnd = isString ? value.Start + value.Length + 1 : value.Start + value.Length;
            var isMetadata = expected.SequenceEqual("metadata"u8);
            if (f != 1 && !isMetadata
                && (!isString || value.Escaped || JavaScriptEncoder.UnsafeRelaxedJsonEscaping.FindFirstCharacterToEncodeUtf8(bytes.Slice(value.Start, value.Length)) >= 0))
            {
                return -1;
            }

            if (isMetadata)
            {
                if (value.Kind != JsonTokenType.StartObject || !IsWrittenAsRead(bytes.Slice(value.Start, value.Length)))
                {
                    return -1;
                }

                at = pos - 1;
            }

            var last = f == fields.Length - 1;
            if (valueEnd >= bytes.Length || bytes[valueEnd] != (last ? (byte)'}' : (byte)','))
            {
                return -1;
            }

            pos = valueEnd + 1;
        }

        return pos == bytes.Length ? at : -1;
    }

    /// <summary>
    /// Whether a metadata object is written back byte for byte: at least one member, no white space
    /// between its tokens, names without escapes or anything the encoder escapes, none repeated
    /// (<see cref="MetadataList"/> keeps one of each). Values are copied as read, so may hold anything.
    /// </summary>
    private static bool IsWrittenAsRead(ReadOnlySpan<byte> json)
    {
        const int MostMembers = 32;
        Span<(int Start, int Length)> names = stackalloc (int, int)[MostMembers];
        var count = 0;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxInputDepth });
            reader.Read();
            var next = 1;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.ValueSpan;
                if (count == MostMembers || reader.TokenStartIndex != next || reader.ValueIsEscaped
                    || JavaScriptEncoder.UnsafeRelaxedJsonEscaping.FindFirstCharacterToEncodeUtf8(name) >= 0)
                {
                    return false;
                }

                for (var n = 0; n < count; n++)
                {
                    if (json.Slice(names[n].Start, names[n].Length).SequenceEqual(name))
                    {
                        return false;
                    }
                }

                names[count++] = (next + 1, name.Length);
                var colon = next + name.Length + 2;
                reader.Read();
                if (json[colon] != ':' || reader.TokenStartIndex != colon + 1)
                {
                    return false;
                }

                reader.Skip();
                var end = (int)reader.BytesConsumed;
                if (json[end] == ',')
                {
                    next = end + 1;
                }
                else if (json[end] != '}' || end != json.Length - 1)
                {
                    return false;
                }
            }

            return count > 0 && reader.TokenType == JsonTokenType.EndObject;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// Scans a flat record (see <see cref="FlatJsonScanner"/>) into <paramref name="fields"/>; false
    /// unless its text is a string, its url, when a string, has no escape (the full parser
    /// decodes urls and judges what may fail), and no text, id or url field is repeated.
    /// </summary>
    private bool TryScanFlat(
        ReadOnlySpan<byte> bytes, Span<FlatJsonField> fields, out int count, out FlatJsonValue text, out FlatJsonValue id, out FlatJsonValue url)
    {
        (text, id, url) = (default, default, default);
        if (!FlatJsonScanner.TryScan(bytes, fields, out count))
        {
            return false;
        }

        (text, id, url) = FlatJsonScanner.Pick(bytes, fields[..count], _textField, _idField, _urlField, out var repeated);
        return !repeated && text.Kind == JsonTokenType.String && !(url.Kind == JsonTokenType.String && url.Escaped);
    }

    /// <summary>The id as the full parser reads it: a string decoded, a number as written, null for anything else; false when a string holds an escaped surrogate.</summary>
    private static bool TryReadId(ReadOnlySpan<byte> bytes, FlatJsonValue id, out string? value)
    {
        value = id.Kind switch
        {
            JsonTokenType.String => DecodeString(bytes, id),
            JsonTokenType.Number => Encoding.UTF8.GetString(bytes.Slice(id.Start, id.Length)),
            _ => null,
        };
        return value is not null || id.Kind != JsonTokenType.String;
    }

    private Document WholeFile(in RawRecord record, DocumentSource source, ReadOnlySpan<byte> bytes)
    {
        // A byte-order mark is encoding, not text: it is dropped, everything else kept as is.
        var body = bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;
        return new Document(record.File.Name, StrictUtf8.GetString(body), source, record.Ordinal, bytes.Length)
        {
            ContentType = ContentTypes.FromFileName(record.File.Name),
        };
    }

    /// <summary>
    /// A flat record (see <see cref="FlatJsonScanner"/>) with a string text, made into the document
    /// the full parser would make; null for anything else, which the full parser then reads.
    /// </summary>
    private Document? ParseFlatJson(DocumentSource source, long ordinal, ReadOnlyMemory<byte> memory)
    {
        var bytes = memory.Span;
        Span<FlatJsonField> fields = stackalloc FlatJsonField[FlatJsonScanner.MaxFields];
        if (!TryScanFlat(bytes, fields, out var count, out var text, out var id, out var url)
            || DecodeString(bytes, text) is not { } value || !TryReadId(bytes, id, out var idValue))
        {
            return null;
        }

        var document = new Document(idValue ?? source.ToString(), value, source, ordinal, bytes.Length)
        {
            Url = url.Kind == JsonTokenType.String ? Encoding.UTF8.GetString(bytes.Slice(url.Start, url.Length)) : null,
        };
        document.SetRawTextJson(memory.Slice(text.Start - 1, text.Length + 2));
        MetadataList metadata = default;
        for (var f = 0; f < count; f++)
        {
            var name = bytes.Slice(fields[f].NameStart, fields[f].NameLength);
            var v = fields[f].Value;
            var used = name.SequenceEqual(_textField)
                || (name.SequenceEqual(_idField) && v.Kind is JsonTokenType.String or JsonTokenType.Number or JsonTokenType.Null)
                || (name.SequenceEqual(_urlField) && v.Kind is JsonTokenType.String or JsonTokenType.Null);
            if (!used && v.Kind == JsonTokenType.StartObject && name.SequenceEqual("metadata"u8))
            {
                if (!TryAddMetadataObject(bytes.Slice(v.Start, v.Length), ref metadata))
                {
                    return null;
                }
            }
            else if (!used)
            {
                // The value as written: a string with its quotes. An id or url of another type is kept here too.
                var raw = v.Kind == JsonTokenType.String ? bytes.Slice(v.Start - 1, v.Length + 2) : bytes.Slice(v.Start, v.Length);
                metadata.Add(new MetadataField(Encoding.UTF8.GetString(name), raw.ToArray()));
            }
        }

        metadata.CopyTo(document);
        return document;
    }

    /// <summary>
    /// A Dolma-style metadata object's members, added as the record's own metadata (as
    /// <see cref="ParseJson"/> adds them); false when a name holds a lone surrogate escape (the full
    /// parser's to judge).
    /// </summary>
    private static bool TryAddMetadataObject(ReadOnlySpan<byte> json, ref MetadataList metadata)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                metadata.Add(new MetadataField(name, RawValue(ref reader, json)));
            }

            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>A string value decoded, or null when it holds an escaped surrogate (the full parser's to judge).</summary>
    private static string? DecodeString(ReadOnlySpan<byte> bytes, FlatJsonValue value)
    {
        var raw = bytes.Slice(value.Start, value.Length);
        if (!value.Escaped)
        {
            return Encoding.UTF8.GetString(raw);
        }

        var pooled = raw.Length > 512 ? ArrayPool<char>.Shared.Rent(raw.Length) : null;
        try
        {
            var chars = pooled ?? stackalloc char[raw.Length];
            var written = FlatJsonScanner.Unescape(raw, chars);
            return written < 0 ? null : new string(chars[..written]);
        }
        finally
        {
            if (pooled is not null)
            {
                ArrayPool<char>.Shared.Return(pooled);
            }
        }
    }

    private (Document?, Rejection?) ParseJson(DocumentSource source, long ordinal, ReadOnlyMemory<byte> memory)
    {
        // Records with an HTML field take the full parser: extraction, not parsing, is their cost.
        if (_quickJson && _htmlField is null && ParseFlatJson(source, ordinal, memory) is { } flat)
        {
            return (flat, null);
        }

        var bytes = memory.Span;
        var rawText = ReadOnlyMemory<byte>.Empty;
        string? text = null, id = null, url = null, html = null;
        byte[]? rawTextValue = null, rawHtml = null;
        MetadataList metadata = default;
        var textKind = JsonTokenType.None;
        var field = "";
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = MaxInputDepth });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return (null, Malformed(source, bytes.Length, "the line is not a JSON object"));
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isHtml = _htmlField is not null && reader.ValueTextEquals(_htmlField);
                var isText = !isHtml && reader.ValueTextEquals(_textField);
                var isId = !isText && !isHtml && reader.ValueTextEquals(_idField);
                var isUrl = !isText && !isId && !isHtml && reader.ValueTextEquals(_urlField);
                var isMetadata = !isText && !isId && !isUrl && !isHtml && reader.ValueTextEquals("metadata"u8);
                var name = isText || isId || isUrl ? null : reader.GetString()!;
                field = name ?? (isText ? _options.TextField : isId ? _options.IdField : _options.UrlField);
                reader.Read();
                if (isHtml && reader.TokenType == JsonTokenType.String)
                {
                    html = reader.GetString();
                    rawHtml = _options.KeepHtml ? RawValue(ref reader, bytes) : null;
                }
                else if (isHtml && reader.TokenType == JsonTokenType.Null)
                {
                    // No page: the record is read by its text field.
                }
                else if (isText && _htmlField is not null && reader.TokenType != JsonTokenType.None)
                {
                    // Kept aside: the text of a record whose page is read becomes metadata.
                    textKind = reader.TokenType;
                    var start = (int)reader.TokenStartIndex;
                    text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    if (text is not null)
                    {
                        rawText = memory.Slice(start, reader.ValueSpan.Length + 2);
                    }

                    reader.Skip();
                    rawTextValue = bytes[start..(int)reader.BytesConsumed].ToArray();
                }
                else if (isText)
                {
                    textKind = reader.TokenType;
                    text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    if (text is not null)
                    {
                        // The token as written, quotes included: written back unchanged if no stage edits the text.
                        rawText = memory.Slice((int)reader.TokenStartIndex, reader.ValueSpan.Length + 2);
                    }

                    reader.Skip();
                }
                else if (isId && reader.TokenType is JsonTokenType.String or JsonTokenType.Number)
                {
                    id = ScalarText(ref reader, bytes);
                }
                else if (isUrl && reader.TokenType == JsonTokenType.String)
                {
                    url = reader.GetString();
                }
                else if ((isId || isUrl) && reader.TokenType == JsonTokenType.Null)
                {
                    // null stands for "none", as if the field were absent.
                }
                else if (isId || isUrl)
                {
                    // An id or url of another type is not one, but it is the input's data: kept as metadata.
                    metadata.Add(new MetadataField(field, RawValue(ref reader, bytes)));
                }
                else if (isMetadata && reader.TokenType == JsonTokenType.StartObject)
                {
                    // Dolma-style input keeps its metadata object; its fields join ours.
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        field = "metadata." + reader.GetString()!;
                        var nested = field["metadata.".Length..];
                        reader.Read();
                        metadata.Add(new MetadataField(nested, RawValue(ref reader, bytes)));
                    }
                }
                else
                {
                    metadata.Add(new MetadataField(name!, RawValue(ref reader, bytes)));
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return (null, Malformed(source, bytes.Length, "unexpected content after the JSON object"));
            }
        }
        catch (JsonException e)
        {
            // The parser's own position suffix counts lines inside the record; ours is the file's.
            var message = e.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            var detail = cut > 0 ? message[..cut] : message;
            return (null, Malformed(source, bytes.Length, $"at byte {(e.BytePositionInLine ?? 0) + 1}: {detail}"));
        }
        catch (InvalidOperationException)
        {
            // The JSON is well formed, but a \u escape in a string is half of a surrogate pair:
            // no Unicode text holds it, and no UTF-8 writer can write it.
            return (null, new Rejection(source, RejectionReasons.InvalidUnicode,
                $"\"{field}\" holds a lone surrogate escape (\\uD800-\\uDFFF without its pair): not Unicode text", bytes.Length));
        }

        if (html is not null)
        {
            // The page is the document, to be extracted; the record's text and, when asked, its HTML are kept as metadata.
            if (rawTextValue is not null)
            {
                metadata.Add(new MetadataField(_options.TextField, rawTextValue));
            }

            if (rawHtml is not null)
            {
                metadata.Add(new MetadataField(_options.HtmlField!, rawHtml));
            }

            var page = new Document(id ?? source.ToString(), html, source, ordinal, bytes.Length) { Url = url, ContentType = ContentTypes.Html };
            metadata.CopyTo(page);
            return (page, null);
        }

        if (text is null)
        {
            var (reason, what) = textKind == JsonTokenType.None
                ? (RejectionReasons.MissingText, _htmlField is null
                    ? $"no \"{_options.TextField}\" field (name the text field with --text-field)"
                    : $"no \"{_options.HtmlField}\" or \"{_options.TextField}\" field (name them with --html-field and --text-field)")
                : (RejectionReasons.TextNotString, $"\"{_options.TextField}\" is {Describe(textKind)}, not a string");
            return (null, new Rejection(source, reason, what, bytes.Length));
        }

        var document = new Document(id ?? source.ToString(), text, source, ordinal, bytes.Length) { Url = url };
        document.SetRawTextJson(rawText);
        metadata.CopyTo(document);
        return (document, null);
    }

    private static string? ScalarText(ref Utf8JsonReader reader, ReadOnlySpan<byte> bytes)
    {
        var value = reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => Encoding.UTF8.GetString(bytes.Slice((int)reader.TokenStartIndex, reader.ValueSpan.Length)),
            _ => null,
        };
        reader.Skip();
        return value;
    }

    private static byte[] RawValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> bytes)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return bytes[start..(int)reader.BytesConsumed].ToArray();
    }

    private static Rejection Malformed(DocumentSource source, int length, string detail) =>
        new(source, RejectionReasons.MalformedJson, $"malformed JSON: {detail}", length);

    private static string Describe(JsonTokenType kind) => kind switch
    {
        JsonTokenType.Null => "null",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        _ => kind.ToString(),
    };

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        Span<char> scratch = stackalloc char[1024];
        var consumed = 0;
        while (consumed < bytes.Length)
        {
            var status = Utf8.ToUtf16(bytes[consumed..], scratch, out var read, out _, replaceInvalidSequences: false);
            consumed += read;
            if (status == System.Buffers.OperationStatus.InvalidData || status == System.Buffers.OperationStatus.NeedMoreData)
            {
                return consumed;
            }
        }

        return consumed;
    }
}
