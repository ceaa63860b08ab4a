using System.Buffers.Binary;

namespace Winnow.Readers;

/// <summary>
/// Checks a Parquet file's footer before Parquet.Net reads it: the library builds each column's
/// path from its parent's, so its time and memory grow with the square of the nesting depth (an
/// 800 kB footer nesting groups 100,000 deep ran for minutes and took tens of gigabytes). A schema
/// may nest at most <see cref="ArrowSchemaGuard.MaxDepth"/> groups deep and hold at most
/// <see cref="ArrowSchemaGuard.MaxFields"/> elements, the limits Arrow input has; and its footer
/// must be whole (below).
/// </summary>
/// <remarks>
/// Reads the footer's Thrift compact encoding (parquet.thrift's FileMetaData) to its end: the schema
/// elements in depth-first order, each stating its number of children, and every other field
/// followed without being kept. A footer that ends inside its own structure, or whose list or
/// string states more than the footer holds, is refused as damaged: the library's reader does not
/// check, and a damaged count made it loop for minutes past the footer's end (found by mutating
/// files). A file whose tail is not a Parquet footer at all is left to the library, which says
/// so. Stateless and thread-safe.
/// </remarks>
internal static class ParquetFooterGuard
{
    private static ReadOnlySpan<byte> Magic => "PAR1"u8;

    // Thrift compact protocol type codes (the low nibble of a field header or a list header).
    private const int TypeTrue = 1;
    private const int TypeFalse = 2;
    private const int TypeByte = 3;
    private const int TypeI16 = 4;
    private const int TypeI32 = 5;
    private const int TypeI64 = 6;
    private const int TypeDouble = 7;
    private const int TypeBinary = 8;
    private const int TypeList = 9;
    private const int TypeSet = 10;
    private const int TypeMap = 11;
    private const int TypeStruct = 12;
    private const int TypeUuid = 13;

    // FileMetaData.schema and SchemaElement.num_children.
    private const int FileMetaDataSchema = 2;
    private const int SchemaElementNumChildren = 5;

    // Structures the format nests a few levels deep at most.
    private const int MaxStructDepth = 32;

    private const string Damaged = "the footer is damaged (its encoding ends early, or states more than it holds)";

    /// <summary>Why the Parquet file in <paramref name="stream"/> (seekable) is refused, or null; the stream's position is left where it was.</summary>
    public static string? Check(Stream stream)
    {
        var position = stream.Position;
        try
        {
            var length = stream.Length;
            if (length < 12)
            {
                return null;
            }

            Span<byte> tail = stackalloc byte[8];
            stream.Position = length - 8;
            stream.ReadExactly(tail);
            var footer = BinaryPrimitives.ReadInt32LittleEndian(tail);
            if (!tail[4..].SequenceEqual(Magic) || footer <= 0 || footer > length - 12)
            {
                return null;
            }

            stream.Position = length - 8 - footer;
            return new Footer(stream, footer).Check();
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or OverflowException)
        {
            return Damaged;
        }
        finally
        {
            stream.Position = position;
        }
    }

    /// <summary>The footer's bytes read front to back through a small buffer, never past its end.</summary>
    private sealed class Footer(Stream stream, long length)
    {
        private readonly byte[] _buffer = new byte[1 << 16];
        private long _left = length;
        private int _at;
        private int _end;

        // The whole FileMetaData: the schema checked, everything else followed to its end.
        public string? Check()
        {
            var last = 0;
            while (NextField(ref last) is { } field)
            {
                if (field.Id == FileMetaDataSchema && field.Type == TypeList)
                {
                    if (CheckElements() is { } refused)
                    {
                        return refused;
                    }
                }
                else
                {
                    Skip(field.Type, 1);
                }
            }

            return null;
        }

        // The schema list: a depth-first list of elements, a group stating how many children follow it.
        private string? CheckElements()
        {
            var (count, type) = ListHeader();
            if (type != TypeStruct)
            {
                throw new InvalidDataException();
            }

            // The root element is the schema itself, not a field.
            if (count - 1 > ArrowSchemaGuard.MaxFields)
            {
                return $"over {ArrowSchemaGuard.MaxFields:N0} fields";
            }

            // Children still to come of each open group, the root first.
            var open = new Stack<long>();
            for (var i = 0L; i < count; i++)
            {
                var children = ElementChildren();
                if (open.Count > 0)
                {
                    open.Push(open.Pop() - 1);
                }

                if (children > 0)
                {
                    open.Push(children);
                    // A group at level n (the root's children are level 1) holds columns at level n + 1.
                    if (open.Count - 1 >= ArrowSchemaGuard.MaxDepth)
                    {
                        return $"fields nested over {ArrowSchemaGuard.MaxDepth} deep";
                    }

                    continue;
                }

                while (open.Count > 0 && open.Peek() <= 0)
                {
                    open.Pop();
                }
            }

            return null;
        }

        // One SchemaElement: its num_children, 0 when absent (a column).
        private long ElementChildren()
        {
            var children = 0L;
            var last = 0;
            while (NextField(ref last) is { } field)
            {
                if (field.Id == SchemaElementNumChildren && field.Type == TypeI32)
                {
                    children = Math.Max(0, ZigZag(Varint()));
                }
                else
                {
                    Skip(field.Type, 1);
                }
            }

            return children;
        }

        // The next field header of a struct, or null at its stop byte; `last` is the previous field's id.
        private (int Id, int Type)? NextField(ref int last)
        {
            var header = Byte();
            if (header == 0)
            {
                return null;
            }

            var delta = header >> 4;
            last = delta != 0 ? last + delta : (int)ZigZag(Varint());
            return (last, header & 0x0F);
        }

        // A list's element count and type. Every element takes at least a byte: a count over the
        // bytes left is damage (the library would loop over it, reading past the end, for minutes).
        private (long Count, int Type) ListHeader()
        {
            var header = Byte();
            var count = (long)(header >> 4);
            if (count == 15)
            {
                count = (long)Varint();
            }

            return count < 0 || count > Left ? throw new InvalidDataException() : (count, header & 0x0F);
        }

        private long Left => _left + (_end - _at);

        private void Skip(int type, int depth)
        {
            switch (type)
            {
                case TypeTrue or TypeFalse:
                    break;
                case TypeByte:
                    Byte();
                    break;
                case TypeI16 or TypeI32 or TypeI64:
                    Varint();
                    break;
                case TypeDouble:
                    SkipBytes(8);
                    break;
                case TypeBinary:
                    var bytes = (long)Varint();
                    SkipBytes(bytes < 0 || bytes > Left ? throw new InvalidDataException() : bytes);
                    break;
                case TypeUuid:
                    SkipBytes(16);
                    break;
                case TypeList or TypeSet:
                    var (count, element) = ListHeader();
                    for (var i = 0L; i < count; i++)
                    {
                        // A bool in a list is a byte of its own.
                        if (element is TypeTrue or TypeFalse)
                        {
                            Byte();
                        }
                        else
                        {
                            Skip(element, depth + 1);
                        }
                    }

                    break;
                case TypeMap:
                    var pairs = (long)Varint();
                    if (pairs < 0 || pairs > Left)
                    {
                        throw new InvalidDataException();
                    }

                    if (pairs > 0)
                    {
                        var types = Byte();
                        for (var i = 0L; i < pairs; i++)
                        {
                            Skip(types >> 4, depth + 1);
                            Skip(types & 0x0F, depth + 1);
                        }
                    }

                    break;
                case TypeStruct:
                    if (depth > MaxStructDepth)
                    {
                        throw new InvalidDataException();
                    }

                    var last = 0;
                    while (NextField(ref last) is { } field)
                    {
                        Skip(field.Type, depth + 1);
                    }

                    break;
                default:
                    throw new InvalidDataException();
            }
        }

        private ulong Varint()
        {
            var value = 0UL;
            for (var shift = 0; shift < 64; shift += 7)
            {
                var b = Byte();
                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return value;
                }
            }

            throw new InvalidDataException();
        }

        private static long ZigZag(ulong n) => (long)(n >> 1) ^ -(long)(n & 1);

        private byte Byte()
        {
            if (_at == _end)
            {
                Fill();
            }

            return _buffer[_at++];
        }

        private void SkipBytes(long count)
        {
            while (count > 0)
            {
                if (_at == _end)
                {
                    Fill();
                }

                var step = (int)Math.Min(count, _end - _at);
                _at += step;
                count -= step;
            }
        }

        private void Fill()
        {
            var want = (int)Math.Min(_buffer.Length, _left);
            if (want == 0)
            {
                throw new InvalidDataException();
            }

            stream.ReadExactly(_buffer, 0, want);
            _left -= want;
            _at = 0;
            _end = want;
        }
    }
}
