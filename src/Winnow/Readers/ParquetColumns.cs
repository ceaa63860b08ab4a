using Parquet;
using Parquet.Schema;

namespace Winnow.Readers;

/// <summary>
/// Reads a row group of a flat Parquet file — every top-level column a plain value, as in
/// FineWeb, DCLM or DataTrove's output — column by column into rows.
/// </summary>
/// <remarks>
/// Parquet.Net's untyped row reader builds and compiles an expression tree per schema, which a
/// natively compiled command cannot do; this reader calls the typed column reads instead, and
/// gives the same values as that reader (a test compares the two on every column type). Files with
/// lists, maps or structs still go through Parquet.Net's row reader.
/// </remarks>
internal static class ParquetColumns
{
    /// <summary>
    /// True when every column is a plain value of a type <see cref="ReadRowGroup"/> reads, or a
    /// struct of such (as Winnow's own Parquet output has): nothing repeated, no maps.
    /// </summary>
    public static bool CanRead(IReadOnlyList<Field> fields)
    {
        foreach (var field in fields)
        {
            var readable = field switch
            {
                DataField { MaxRepetitionLevel: 0 } data => Readable(data),
                StructField { MaxRepetitionLevel: 0 } group => CanRead(group.Fields),
                _ => false,
            };
            if (!readable)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The rows of row group <paramref name="group"/> as column name → value (absent: null),
    /// the shape <see cref="ParquetJson.WriteRow"/> takes.
    /// </summary>
    public static List<Dictionary<string, object>> ReadRowGroup(ParquetReader reader, int group, IReadOnlyList<Field> fields, int rows)
    {
        using var rowGroup = reader.OpenRowGroupReader(group);
        var columns = new Dictionary<DataField, object?[]>();
        var definitions = new Dictionary<DataField, int[]>();
        foreach (var field in fields)
        {
            if (field is DataField data)
            {
                columns[data] = ReadColumn(rowGroup, data, rows);
            }
            else
            {
                // A struct's members: a null struct or member shows only in the definition levels.
                foreach (var leaf in Leaves([field]))
                {
                    columns[leaf] = ReadNestedColumn(rowGroup, leaf, rows, out var levels);
                    definitions[leaf] = levels;
                }
            }
        }

        var result = new List<Dictionary<string, object>>(rows);
        for (var r = 0; r < rows; r++)
        {
            result.Add(Row(fields, columns, definitions, r));
        }

        return result;
    }

    private static Dictionary<string, object> Row(IReadOnlyList<Field> fields, Dictionary<DataField, object?[]> columns, Dictionary<DataField, int[]> definitions, int r)
    {
        var row = new Dictionary<string, object>(fields.Count, StringComparer.Ordinal);
        foreach (var field in fields)
        {
            object? value = field is StructField group
                ? (Present(group, definitions, r) ? Row(group.Fields, columns, definitions, r) : null)
                : columns[(DataField)field][r];
            if (value is not null)
            {
                row[field.Name] = value;
            }
        }

        return row;
    }

    /// <summary>A struct is there when any member's definition level reaches the struct's own.</summary>
    private static bool Present(StructField group, Dictionary<DataField, int[]> definitions, int r)
    {
        var leaf = Leaves([group]).First();
        return definitions[leaf][r] >= group.MaxDefinitionLevel;
    }

    private static IEnumerable<DataField> Leaves(IReadOnlyList<Field> fields)
    {
        foreach (var field in fields)
        {
            if (field is StructField group)
            {
                foreach (var leaf in Leaves(group.Fields))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return (DataField)field;
            }
        }
    }

    private static Type ValueType(DataField field) => Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;

    private static bool Readable(DataField field)
    {
        var type = ValueType(field);
        return type == typeof(string) || type == typeof(ReadOnlyMemory<char>) || type == typeof(byte[]) || type == typeof(ReadOnlyMemory<byte>)
            || type == typeof(bool) || type == typeof(sbyte) || type == typeof(byte) || type == typeof(short) || type == typeof(ushort)
            || type == typeof(int) || type == typeof(uint) || type == typeof(long) || type == typeof(ulong)
            || type == typeof(float) || type == typeof(double) || type == typeof(decimal) || type == typeof(Half)
            || type == typeof(DateTime) || type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(TimeSpan) || type == typeof(Guid);
    }

    private static object?[] ReadColumn(ParquetRowGroupReader rowGroup, DataField field, int rows)
    {
        var type = ValueType(field);
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            var values = new string?[rows];
            rowGroup.ReadAsync(field, values.AsMemory(), null).GetAwaiter().GetResult();
            return values;
        }

        if (type == typeof(byte[]) || type == typeof(ReadOnlyMemory<byte>))
        {
            var values = new byte[]?[rows];
            rowGroup.ReadAsync(field, values.AsMemory(), null).GetAwaiter().GetResult();
            return values;
        }

        return type switch
        {
            _ when type == typeof(bool) => Values<bool>(rowGroup, field, rows),
            _ when type == typeof(sbyte) => Values<sbyte>(rowGroup, field, rows),
            _ when type == typeof(byte) => Values<byte>(rowGroup, field, rows),
            _ when type == typeof(short) => Values<short>(rowGroup, field, rows),
            _ when type == typeof(ushort) => Values<ushort>(rowGroup, field, rows),
            _ when type == typeof(int) => Values<int>(rowGroup, field, rows),
            _ when type == typeof(uint) => Values<uint>(rowGroup, field, rows),
            _ when type == typeof(long) => Values<long>(rowGroup, field, rows),
            _ when type == typeof(ulong) => Values<ulong>(rowGroup, field, rows),
            _ when type == typeof(float) => Values<float>(rowGroup, field, rows),
            _ when type == typeof(double) => Values<double>(rowGroup, field, rows),
            _ when type == typeof(decimal) => Values<decimal>(rowGroup, field, rows),
            _ when type == typeof(Half) => Values<Half>(rowGroup, field, rows),
            _ when type == typeof(DateTime) => Values<DateTime>(rowGroup, field, rows),
            _ when type == typeof(DateOnly) => Values<DateOnly>(rowGroup, field, rows),
            _ when type == typeof(TimeOnly) => Values<TimeOnly>(rowGroup, field, rows),
            _ when type == typeof(TimeSpan) => Values<TimeSpan>(rowGroup, field, rows),
            _ when type == typeof(Guid) => Values<Guid>(rowGroup, field, rows),
            _ => throw new NotSupportedException($"Parquet column {field.Name}: type {type} is not read column by column"),
        };
    }

    /// <summary>A struct member's values spread to one per row by its definition levels (null below the member's own).</summary>
    private static object?[] ReadNestedColumn(ParquetRowGroupReader rowGroup, DataField field, int rows, out int[] levels)
    {
        var type = ValueType(field);
        levels = new int[rows];
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            var packed = new ReadOnlyMemory<char>[rows];
            rowGroup.ReadRawAsync(field, packed.AsMemory(), levels.AsMemory(), null).GetAwaiter().GetResult();
            return Spread(packed, levels, field.MaxDefinitionLevel, static v => v.ToString());
        }

        if (type == typeof(byte[]) || type == typeof(ReadOnlyMemory<byte>))
        {
            var packed = new ReadOnlyMemory<byte>[rows];
            rowGroup.ReadRawAsync(field, packed.AsMemory(), levels.AsMemory(), null).GetAwaiter().GetResult();
            return Spread(packed, levels, field.MaxDefinitionLevel, static v => v.ToArray());
        }

        var l = levels;
        return type switch
        {
            _ when type == typeof(bool) => Raw<bool>(rowGroup, field, l),
            _ when type == typeof(sbyte) => Raw<sbyte>(rowGroup, field, l),
            _ when type == typeof(byte) => Raw<byte>(rowGroup, field, l),
            _ when type == typeof(short) => Raw<short>(rowGroup, field, l),
            _ when type == typeof(ushort) => Raw<ushort>(rowGroup, field, l),
            _ when type == typeof(int) => Raw<int>(rowGroup, field, l),
            _ when type == typeof(uint) => Raw<uint>(rowGroup, field, l),
            _ when type == typeof(long) => Raw<long>(rowGroup, field, l),
            _ when type == typeof(ulong) => Raw<ulong>(rowGroup, field, l),
            _ when type == typeof(float) => Raw<float>(rowGroup, field, l),
            _ when type == typeof(double) => Raw<double>(rowGroup, field, l),
            _ when type == typeof(decimal) => Raw<decimal>(rowGroup, field, l),
            _ when type == typeof(Half) => Raw<Half>(rowGroup, field, l),
            _ when type == typeof(DateTime) => Raw<DateTime>(rowGroup, field, l),
            _ when type == typeof(DateOnly) => Raw<DateOnly>(rowGroup, field, l),
            _ when type == typeof(TimeOnly) => Raw<TimeOnly>(rowGroup, field, l),
            _ when type == typeof(TimeSpan) => Raw<TimeSpan>(rowGroup, field, l),
            _ when type == typeof(Guid) => Raw<Guid>(rowGroup, field, l),
            _ => throw new NotSupportedException($"Parquet column {field.Name}: type {type} is not read column by column"),
        };
    }

    private static object?[] Raw<T>(ParquetRowGroupReader rowGroup, DataField field, int[] levels)
        where T : struct
    {
        var packed = new T[levels.Length];
        rowGroup.ReadRawAsync(field, packed.AsMemory(), levels.AsMemory(), null).GetAwaiter().GetResult();
        return Spread(packed, levels, field.MaxDefinitionLevel, static v => v);
    }

    private static object?[] Spread<T>(T[] packed, int[] levels, int defined, Func<T, object> box)
    {
        var values = new object?[levels.Length];
        var next = 0;
        for (var i = 0; i < levels.Length; i++)
        {
            if (levels[i] == defined)
            {
                values[i] = box(packed[next++]);
            }
        }

        return values;
    }

    private static object?[] Values<T>(ParquetRowGroupReader rowGroup, DataField field, int rows)
        where T : struct
    {
        var boxed = new object?[rows];
        if (field.IsNullable)
        {
            var values = new T?[rows];
            rowGroup.ReadAsync<T>(field, values.AsMemory(), null).GetAwaiter().GetResult();
            for (var i = 0; i < rows; i++)
            {
                boxed[i] = values[i];
            }
        }
        else
        {
            var values = new T[rows];
            rowGroup.ReadAsync(field, values.AsMemory(), null).GetAwaiter().GetResult();
            for (var i = 0; i < rows; i++)
            {
                boxed[i] = values[i];
            }
        }

        return boxed;
    }
}
