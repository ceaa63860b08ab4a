using System.Text.Json;

namespace Winnow.Documents;

/// <summary>A metadata field kept from the input: a name and its value as raw UTF-8 JSON.</summary>
/// <remarks>Kept raw so that fields pass through unchanged without a parse per field.</remarks>
public readonly record struct MetadataField(string Name, ReadOnlyMemory<byte> RawJson)
{
    /// <summary>A string-valued field.</summary>
    public static MetadataField FromString(string name, string value)
    {
        // A writer, not the reflection serializer: same default escaping, and it works in a
        // natively compiled (AOT) command.
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(value.Length + 2);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStringValue(value);
        }

        return new(name, buffer.WrittenMemory);
    }

    /// <summary>The value when it is a JSON string, else null.</summary>
    public string? AsString()
    {
        var reader = new Utf8JsonReader(RawJson.Span);
        return reader.Read() && reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
    }
}
