using System.Collections;
using System.Globalization;
using System.Text.Json;
using Parquet.Schema;
using Winnow.Text;

namespace Winnow.Readers;

/// <summary>
/// Writes a table row (a Parquet or Arrow file's) as the JSON object a JSONL reader would read: one
/// member per top-level column in schema order, each value with its type kept (numbers, booleans,
/// strings, lists as arrays, structs and maps as objects, dates and times as ISO 8601 strings,
/// binary as base64).
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
internal static class RowJson
{
    /// <summary>How deep a value may nest; deeper parts are written as null (input nests at most 63 deep).</summary>
    private const int MaxDepth = 60;

    /// <summary>
    /// Writes a Parquet <paramref name="row"/> in the order of <paramref name="fields"/>; a column
    /// absent from the row is null.
    /// </summary>
    public static void WriteRow(Utf8JsonWriter writer, IReadOnlyList<Field> fields, IReadOnlyDictionary<string, object> row, in ReaderOptions options)
    {
        writer.WriteStartObject();
        foreach (var field in fields)
        {
            row.TryGetValue(field.Name, out var value);
            WriteColumn(writer, field.Name, field, value, row, options);
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes one column of a row, its value as a CLR object (<paramref name="field"/>, the Parquet
    /// schema's, when there is one, for how dates are meant). A metadata column holding a JSON object is
    /// that object; an HTML field stored as bytes is decoded by its charset (see <see cref="ReaderOptions.CharsetField"/>),
    /// looked up in <paramref name="row"/>.
    /// </summary>
    public static void WriteColumn(Utf8JsonWriter writer, string name, Field? field, object? value, IReadOnlyDictionary<string, object> row, in ReaderOptions options)
    {
        writer.WritePropertyName(name);
        if (name == "metadata" && value is string json && IsJsonObject(json))
        {
            // A metadata column holding a JSON object (as DataTrove and our own Parquet write it)
            // is that object, whose members the record parser makes metadata fields.
            writer.WriteRawValue(json, skipInputValidation: true);
            return;
        }

        if (name == options.HtmlField && value is byte[] page)
        {
            var charset = options.CharsetField is { } charsetName && row.TryGetValue(charsetName, out var declared) ? declared as string : null;
            writer.WriteStringValue(CharsetDecoder.Decode(page, string.IsNullOrWhiteSpace(charset) ? null : "text/html; charset=" + charset));
            return;
        }

        WriteValue(writer, field, value, 1);
    }

    private static void WriteValue(Utf8JsonWriter writer, Field? field, object? value, int depth)
    {
        if (depth > MaxDepth)
        {
            writer.WriteNullValue();
            return;
        }

        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case ReadOnlyMemory<char> chars:
                writer.WriteStringValue(chars.Span);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case short sh:
                writer.WriteNumberValue(sh);
                break;
            case sbyte sb:
                writer.WriteNumberValue(sb);
                break;
            case byte by:
                writer.WriteNumberValue(by);
                break;
            case ushort us:
                writer.WriteNumberValue(us);
                break;
            case uint ui:
                writer.WriteNumberValue(ui);
                break;
            case ulong ul:
                writer.WriteNumberValue(ul);
                break;
            case double d:
                WriteFloat(writer, d);
                break;
            case float f:
                WriteFloat(writer, f);
                break;
            case Half h:
                WriteFloat(writer, (double)h);
                break;
            case decimal m:
                writer.WriteNumberValue(m);
                break;
            case DateTime t:
                WriteDateTime(writer, field as DateTimeDataField, t);
                break;
            case DateTimeOffset o:
                writer.WriteStringValue(o.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
                break;
            case DateOnly date:
                writer.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case TimeOnly time:
                writer.WriteStringValue(time.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
                break;
            case TimeSpan span:
                writer.WriteStringValue(span.ToString("c", CultureInfo.InvariantCulture));
                break;
            case Guid guid:
                writer.WriteStringValue(guid.ToString("D"));
                break;
            case byte[] bytes:
                writer.WriteBase64StringValue(bytes);
                break;
            case ReadOnlyMemory<byte> memory:
                writer.WriteBase64StringValue(memory.Span);
                break;
            case IDictionary map:
                WriteObject(writer, field, map, depth);
                break;
            case IEnumerable list:
                writer.WriteStartArray();
                var item = field is ListField listField ? listField.Item : null;
                foreach (var element in list)
                {
                    WriteValue(writer, item, element, depth + 1);
                }

                writer.WriteEndArray();
                break;
            default:
                // Big decimals and anything a later Parquet.Net adds: as the library writes them.
                writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static void WriteObject(Utf8JsonWriter writer, Field? field, IDictionary map, int depth)
    {
        writer.WriteStartObject();
        var members = field is StructField s ? s.Fields : null;
        var valueField = field is MapField m ? m.Value : null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in map)
        {
            // A map's keys may be numbers; JSON names are strings. A key written twice keeps its first value.
            var name = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "";
            if (!seen.Add(name))
            {
                continue;
            }

            writer.WritePropertyName(name);
            var member = members?.FirstOrDefault(f => f.Name == name) ?? valueField;
            WriteValue(writer, member, entry.Value, depth + 1);
        }

        writer.WriteEndObject();
    }

    private static void WriteFloat(Utf8JsonWriter writer, double value)
    {
        // JSON has no NaN or infinity: they are written as strings, as Python's json module would read them back by name.
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void WriteDateTime(Utf8JsonWriter writer, DateTimeDataField? field, DateTime value)
    {
        if (field?.DateTimeFormat == DateTimeFormat.Date)
        {
            writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            return;
        }

        var utc = value.Kind == DateTimeKind.Utc || (field?.IsAdjustedToUTC ?? false);
        writer.WriteStringValue(value.ToString(utc ? "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
    }

    /// <summary>Whether <paramref name="json"/> is one JSON object nesting at most as deep as input may.</summary>
    private static bool IsJsonObject(string json)
    {
        var trimmed = json.AsSpan().TrimStart();
        if (trimmed.IsEmpty || trimmed[0] != '{')
        {
            return false;
        }

        try
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(json);
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = RecordParser.MaxInputDepth - 1 });
            reader.Read();
            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
