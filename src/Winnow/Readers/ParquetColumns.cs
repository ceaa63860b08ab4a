using System.Runtime.CompilerServices;
using Parquet;
using Parquet.Schema;
using Parquet.Serialization;

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
    /// The rows of row group <paramref name="group"/> of any file: column by column when
    /// <paramref name="flat"/> (<see cref="CanRead"/>), else through Parquet.Net's row reader, which
    /// compiles expression trees and so runs only in the command built for the .NET runtime (else
    /// <see cref="NotSupportedException"/>). <paramref name="options"/> are the row reader's.
    /// </summary>
    public static IList<Dictionary<string, object>> ReadRows(ParquetReader reader, Stream stream, int group, IReadOnlyList<Field> fields, bool flat, ParquetOptions options)
    {
        if (flat)
        {
            return ReadRowGroup(reader, group, fields, checked((int)reader.Metadata!.RowGroups[group].NumRows));
        }

        if (!RuntimeFeature.IsDynamicCodeSupported)
        {
            throw new NotSupportedException("lists and maps nested in Parquet columns are read only by the command built for the .NET runtime (WINNOW_BUILD=jit ./winnow)");
        }

        stream.Position = 0;
        return ParquetSerializer.DeserializeUntypedAsync(stream, options, group).GetAwaiter().GetResult().Data;
    }

    /// <summary>
    /// The rows of row group <paramref name="group"/> as column name → value (absent: null),
    /// the shape <see cref="RowJson.WriteRow"/> takes.
    /// </summary>
    public static List<Dictionary<string, object>> ReadRowGroup(ParquetReader reader, int group, IReadOnlyList<Field> fields, int rows)
    {
        using var rowGroup = reader.OpenRowGroupReader(group);
        var columns = new Dictionary<DataField, object?[]>();
        var definitions = new Dictionary<DataField, int[]>();
        foreach (var leaf in Leaves(fields))
        {
            // Values and definition levels: a null value, struct or struct member shows only in the levels.
            columns[leaf] = ReadColumn(rowGroup, leaf, rows, out var levels);
            definitions[leaf] = levels;
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

    private static bool Readable(DataField field) => Readers.ContainsKey(ValueType(field));

    /// <summary>A column's values spread to one per row by its definition levels (null below the column's own).</summary>
    private static object?[] ReadColumn(ParquetRowGroupReader rowGroup, DataField field, int rows, out int[] levels)
    {
        levels = new int[rows];
        return Readers[ValueType(field)](rowGroup, field, levels);
    }

    /// <summary>
    /// The column types read here, each by a typed read (no reflection: a natively compiled command
    /// has only the generic instances named in code). Strings and bytes come as the row reader gives them.
    /// </summary>
    private static readonly Dictionary<Type, Func<ParquetRowGroupReader, DataField, int[], object?[]>> Readers = new()
    {
        [typeof(string)] = Strings,
        [typeof(ReadOnlyMemory<char>)] = Strings,
        [typeof(byte[])] = Bytes,
        [typeof(ReadOnlyMemory<byte>)] = Bytes,
        [typeof(bool)] = Raw<bool>,
        [typeof(sbyte)] = Raw<sbyte>,
        [typeof(byte)] = Raw<byte>,
        [typeof(short)] = Raw<short>,
        [typeof(ushort)] = Raw<ushort>,
        [typeof(int)] = Raw<int>,
        [typeof(uint)] = Raw<uint>,
        [typeof(long)] = Raw<long>,
        [typeof(ulong)] = Raw<ulong>,
        [typeof(float)] = Raw<float>,
        [typeof(double)] = Raw<double>,
        [typeof(decimal)] = Raw<decimal>,
        [typeof(Half)] = Raw<Half>,
        [typeof(DateTime)] = Raw<DateTime>,
        [typeof(DateOnly)] = Raw<DateOnly>,
        [typeof(TimeOnly)] = Raw<TimeOnly>,
        [typeof(TimeSpan)] = Raw<TimeSpan>,
        [typeof(Guid)] = Raw<Guid>,
    };

    private static object?[] Strings(ParquetRowGroupReader rowGroup, DataField field, int[] levels)
    {
        var packed = new ReadOnlyMemory<char>[levels.Length];
        rowGroup.ReadRawAsync(field, packed.AsMemory(), levels.AsMemory(), null).GetAwaiter().GetResult();
        return Spread(packed, levels, field.MaxDefinitionLevel, static v => v.ToString());
    }

    private static object?[] Bytes(ParquetRowGroupReader rowGroup, DataField field, int[] levels)
    {
        var packed = new ReadOnlyMemory<byte>[levels.Length];
        rowGroup.ReadRawAsync(field, packed.AsMemory(), levels.AsMemory(), null).GetAwaiter().GetResult();
        return Spread(packed, levels, field.MaxDefinitionLevel, static v => v.ToArray());
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
}
