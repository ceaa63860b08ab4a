using System.Buffers.Binary;

namespace Winnow.Readers;

/// <summary>
/// Checks an Arrow IPC schema message before the Arrow library reads it: the library follows a
/// field's children recursively, so a schema nested 100,000 deep (a few megabytes) overflowed the
/// stack and ended the process. A schema may nest at most <see cref="MaxDepth"/> deep (Arrow C++'s
/// IPC reader's default too) and hold at most <see cref="MaxFields"/> fields in all.
/// </summary>
/// <remarks>
/// Reads just enough of the FlatBuffers encoding (the format's Message.fbs and Schema.fbs): the
/// message's header (a Schema), its fields, and each field's children, iteratively and with every
/// offset checked against the buffer. Stateless and thread-safe.
/// </remarks>
internal static class ArrowSchemaGuard
{
    public const int MaxDepth = 64;
    public const int MaxFields = 1_000_000;

    /// <summary>The largest schema message read (field names, types, custom metadata).</summary>
    public const int MaxMessageBytes = 64 << 20;

    // Field slots of the FlatBuffers tables read: Message.header_type, Message.header,
    // Schema.fields, Field.children.
    private const int MessageHeaderType = 1;
    private const int MessageHeader = 2;
    private const int SchemaFields = 1;
    private const int FieldChildren = 5;
    private const byte SchemaHeader = 1;

    /// <summary>Why the schema message <paramref name="message"/> (its FlatBuffers bytes) is refused, or null.</summary>
    public static string? Check(ReadOnlySpan<byte> message)
    {
        try
        {
            var root = Offset(message, 0);
            if (Scalar(message, root, MessageHeaderType) is { } type && message[type] != SchemaHeader)
            {
                return "the first message is not a schema";
            }

            var schema = Table(message, root, MessageHeader) ?? throw new InvalidDataException();
            var pending = new Stack<(int Fields, int Depth)>();
            if (Vector(message, schema, SchemaFields) is { } top)
            {
                pending.Push((top, 1));
            }

            var seen = 0L;
            while (pending.Count > 0)
            {
                var (vector, depth) = pending.Pop();
                if (depth > MaxDepth)
                {
                    return $"fields nested over {MaxDepth} deep";
                }

                var count = U32(message, vector);
                seen += count;
                if (seen > MaxFields)
                {
                    return $"over {MaxFields:N0} fields";
                }

                for (var i = 0; i < count; i++)
                {
                    var element = checked(vector + 4 + (4 * i));
                    var field = Offset(message, element);
                    if (Vector(message, field, FieldChildren) is { } children)
                    {
                        pending.Push((children, depth + 1));
                    }
                }
            }

            return null;
        }
        catch (Exception e) when (e is InvalidDataException or OverflowException or ArgumentOutOfRangeException)
        {
            return "the schema message is damaged";
        }
    }

    // The position an unsigned offset at `at` points to.
    private static int Offset(ReadOnlySpan<byte> b, int at) => checked(at + U32(b, at));

    // Where field `slot` of the table at `table` is, or null when absent.
    private static int? Scalar(ReadOnlySpan<byte> b, int table, int slot)
    {
        var vtable = checked(table - BinaryPrimitives.ReadInt32LittleEndian(Slice(b, table, 4)));
        var vtableBytes = BinaryPrimitives.ReadUInt16LittleEndian(Slice(b, vtable, 2));
        var entry = 4 + (2 * slot);
        if (entry + 2 > vtableBytes)
        {
            return null;
        }

        var offset = BinaryPrimitives.ReadUInt16LittleEndian(Slice(b, checked(vtable + entry), 2));
        return offset == 0 ? null : checked(table + offset);
    }

    private static int? Table(ReadOnlySpan<byte> b, int table, int slot) => Scalar(b, table, slot) is { } at ? Offset(b, at) : null;

    private static int? Vector(ReadOnlySpan<byte> b, int table, int slot)
    {
        if (Table(b, table, slot) is not { } vector)
        {
            return null;
        }

        _ = Slice(b, vector, checked(4 + (4 * U32(b, vector)))); // the whole vector lies in the buffer
        return vector;
    }

    private static int U32(ReadOnlySpan<byte> b, int at)
    {
        var value = BinaryPrimitives.ReadUInt32LittleEndian(Slice(b, at, 4));
        return value > int.MaxValue ? throw new InvalidDataException() : (int)value;
    }

    private static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> b, int at, int length) =>
        at < 0 || length < 0 || at > b.Length - length ? throw new InvalidDataException() : b.Slice(at, length);
}
