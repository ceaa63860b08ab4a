using System.Runtime.CompilerServices;
using Parquet;
using Parquet.Schema;
using Parquet.Serialization;

namespace Winnow.Readers;

/// <summary>
/// Reads a row group of a Parquet file column by column into rows: plain columns, structs, lists
/// and maps, nested in any way (FineWeb, DCLM and DataTrove's output are flat; many Hugging Face
/// datasets have list, struct or map columns).
/// </summary>
/// <remarks>
/// Parquet.Net's untyped row reader builds and compiles an expression tree per schema, which a
/// natively compiled command cannot do; this reader calls the typed column reads instead, and
/// gives the same values as that reader (tests compare the two on every column type and on nested
/// columns with nulls and empty lists at every level). Each leaf column comes with its definition
/// and repetition levels (the Dremel encoding the format uses), and rows are assembled from them:
/// a repetition level of 0 starts a row, one at a list's own level starts an element of that
/// list, and a definition level below a field's says the field (or an outer one) is null or empty.
/// </remarks>
internal static class ParquetColumns
{
    /// <summary>The most level entries (values, nulls and empty lists) a column of one row group may state.</summary>
    internal const long MaxColumnEntries = 1L << 26;

    /// <summary>
    /// True when every leaf column is of a type <see cref="ReadRowGroup"/> reads, inside structs,
    /// lists and maps nested in any way.
    /// </summary>
    public static bool CanRead(IReadOnlyList<Field> fields)
    {
        foreach (var field in fields)
        {
            var readable = field switch
            {
                DataField data => Readable(data),
                StructField group => CanRead(group.Fields),
                ListField list => CanRead([list.Item]),
                MapField map => CanRead([map.Key, map.Value]),
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
    /// <paramref name="readable"/> (<see cref="CanRead"/>), else through Parquet.Net's row reader,
    /// which compiles expression trees and so runs only in the command built for the .NET runtime
    /// (else <see cref="NotSupportedException"/>). <paramref name="options"/> are the row reader's.
    /// </summary>
    public static IList<Dictionary<string, object>> ReadRows(ParquetReader reader, Stream stream, int group, IReadOnlyList<Field> fields, bool readable, ParquetOptions options)
    {
        if (readable)
        {
            return ReadRowGroup(reader, group, fields, checked((int)reader.Metadata!.RowGroups[group].NumRows));
        }

        if (!RuntimeFeature.IsDynamicCodeSupported)
        {
            throw new NotSupportedException("a column type the native command cannot read; the command built for the .NET runtime can (WINNOW_BUILD=jit ./winnow)");
        }

        stream.Position = 0;
        return ParquetSerializer.DeserializeUntypedAsync(stream, options, group).GetAwaiter().GetResult().Data;
    }

    /// <summary>
    /// The rows of row group <paramref name="group"/> as column name → value (absent: null),
    /// the shape <see cref="RowJson.WriteRow"/> takes: a struct as such a dictionary, a list as a
    /// list, a map as a dictionary of its keys in file order.
    /// </summary>
    public static List<Dictionary<string, object>> ReadRowGroup(ParquetReader reader, int group, IReadOnlyList<Field> fields, int rows)
    {
        using var rowGroup = reader.OpenRowGroupReader(group);
        var leaves = new List<Column>();
        foreach (var leaf in Leaves(fields))
        {
            leaves.Add(ReadColumn(rowGroup, leaf, rows));
        }

        var assembly = new Assembly(leaves);
        var result = new List<Dictionary<string, object>>(rows);
        for (var r = 0; r < rows; r++)
        {
            result.Add(assembly.Row(fields, r));
        }

        return result;
    }

    private static IEnumerable<DataField> Leaves(IReadOnlyList<Field> fields)
    {
        foreach (var field in fields)
        {
            IEnumerable<DataField> inner = field switch
            {
                DataField data => [data],
                StructField group => Leaves(group.Fields),
                ListField list => Leaves([list.Item]),
                MapField map => Leaves([map.Key, map.Value]),
                _ => throw new NotSupportedException($"a Parquet field of kind {field.SchemaType}"),
            };
            foreach (var leaf in inner)
            {
                yield return leaf;
            }
        }
    }

    /// <summary>One leaf column of a row group: its level entries and its defined values in order.</summary>
    private sealed class Column(DataField field, int[] definitions, int[]? repetitions, object[] values)
    {
        public int[] Definitions { get; } = definitions;

        /// <summary>Null for a column outside any list: then entry i is row i.</summary>
        public int[]? Repetitions { get; } = repetitions;

        public object[] Values { get; } = values;

        /// <summary>Per entry, its value's index in <see cref="Values"/>, or -1 (a null or an empty list).</summary>
        public int[] ValueIndex { get; } = IndexValues(definitions, field.MaxDefinitionLevel);

        /// <summary>Per row, the entry it starts at, and one past the last entry; null outside any list.</summary>
        public int[]? RowStarts { get; } = repetitions is null ? null : StartsOfRows(repetitions);

        private static int[] IndexValues(int[] definitions, int defined)
        {
            var index = new int[definitions.Length];
            var next = 0;
            for (var i = 0; i < definitions.Length; i++)
            {
                index[i] = definitions[i] == defined ? next++ : -1;
            }

            return index;
        }

        // A repetition level of 0 starts a row.
        private static int[] StartsOfRows(int[] repetitions)
        {
            var starts = new List<int>();
            for (var i = 0; i < repetitions.Length; i++)
            {
                if (repetitions[i] == 0)
                {
                    starts.Add(i);
                }
            }

            starts.Add(repetitions.Length);
            return [.. starts];
        }
    }

    /// <summary>
    /// Builds rows from the leaf columns. A field's value is built from one range of entries in
    /// each of its leaves (they are consecutive in <see cref="_leaves"/>, in schema order).
    /// </summary>
    private sealed class Assembly
    {
        private readonly List<Column> _leaves;
        private readonly Dictionary<Field, int> _leafCounts = new(ReferenceEqualityComparer.Instance);

        public Assembly(List<Column> leaves) => _leaves = leaves;

        public Dictionary<string, object> Row(IReadOnlyList<Field> fields, int r)
        {
            var ranges = new (int Start, int End)[_leaves.Count];
            for (var l = 0; l < ranges.Length; l++)
            {
                if (_leaves[l].RowStarts is not { } starts)
                {
                    ranges[l] = (r, r + 1);
                }
                else if (r + 1 < starts.Length)
                {
                    ranges[l] = (starts[r], starts[r + 1]);
                }
                else
                {
                    throw new InvalidDataException("a column holds fewer rows than its row group");
                }
            }

            return Members(fields, 0, ranges);
        }

        // The members of a struct (or a row), the leaf ranges of the first at `first`; null members left out.
        private Dictionary<string, object> Members(IReadOnlyList<Field> fields, int first, ReadOnlySpan<(int Start, int End)> ranges)
        {
            var row = new Dictionary<string, object>(fields.Count, StringComparer.Ordinal);
            var leaf = first;
            foreach (var field in fields)
            {
                var count = LeafCount(field);
                if (Value(field, leaf, ranges.Slice(leaf - first, count)) is { } value)
                {
                    row[field.Name] = value;
                }

                leaf += count;
            }

            return row;
        }

        // The value of `field` whose leaves start at `first`, each leaf's entries for it in `ranges`.
        private object? Value(Field field, int first, ReadOnlySpan<(int Start, int End)> ranges)
        {
            var column = _leaves[first];
            var (start, end) = ranges[0];
            if (start >= end)
            {
                throw new InvalidDataException("a column ends inside a row");
            }

            var level = column.Definitions[start];
            switch (field)
            {
                case DataField data when data.IsArray:
                    // A repeated column outside a list annotation (the format's legacy form): each entry an element.
                    var items = new List<object?>();
                    for (var i = start; i < end; i++)
                    {
                        if (column.Definitions[i] >= data.MaxDefinitionLevel)
                        {
                            items.Add(Defined(column, i));
                        }
                    }

                    return items;
                case DataField:
                    return Defined(column, start);
                case StructField group:
                    return group.IsNullable && level < group.MaxDefinitionLevel ? null : Members(group.Fields, first, ranges);
                case ListField list:
                    {
                        if (level < list.MaxDefinitionLevel)
                        {
                            return list.IsNullable && level < list.MaxDefinitionLevel - 1 ? null : new List<object?>();
                        }

                        var elements = new List<object?>();
                        foreach (var element in Elements(first, ranges, list.MaxRepetitionLevel))
                        {
                            elements.Add(Value(list.Item, first, element));
                        }

                        return elements;
                    }

                case MapField map:
                    {
                        if (level < map.MaxDefinitionLevel)
                        {
                            return map.IsNullable && level < map.MaxDefinitionLevel - 1 ? null : new Dictionary<object, object?>();
                        }

                        var entries = new Dictionary<object, object?>();
                        var keyLeaves = LeafCount(map.Key);
                        foreach (var element in Elements(first, ranges, map.MaxRepetitionLevel))
                        {
                            if (Value(map.Key, first, element.AsSpan(0, keyLeaves)) is { } key)
                            {
                                entries.TryAdd(key, Value(map.Value, first + keyLeaves, element.AsSpan(keyLeaves)));
                            }
                        }

                        return entries;
                    }

                default:
                    throw new NotSupportedException($"a Parquet field of kind {field.SchemaType}");
            }
        }

        private static object? Defined(Column column, int entry)
        {
            var index = column.ValueIndex[entry];
            return index < 0 ? null : column.Values[index];
        }

        // The elements of a list (or map) at repetition level `repeat`: per element, each leaf's entries.
        private (int Start, int End)[][] Elements(int first, ReadOnlySpan<(int Start, int End)> ranges, int repeat)
        {
            var count = ranges.Length;
            var cuts = new List<int>[count];
            var elements = -1;
            for (var l = 0; l < count; l++)
            {
                var column = _leaves[first + l];
                var (start, end) = ranges[l];
                var at = new List<int> { start };
                for (var i = start + 1; i < end; i++)
                {
                    if (column.Repetitions![i] <= repeat)
                    {
                        at.Add(i);
                    }
                }

                at.Add(end);
                cuts[l] = at;
                if (elements >= 0 && elements != at.Count - 1)
                {
                    throw new InvalidDataException("the columns of a list disagree on its length");
                }

                elements = at.Count - 1;
            }

            var result = new (int Start, int End)[elements][];
            for (var e = 0; e < elements; e++)
            {
                result[e] = new (int, int)[count];
                for (var l = 0; l < count; l++)
                {
                    result[e][l] = (cuts[l][e], cuts[l][e + 1]);
                }
            }

            return result;
        }

        private int LeafCount(Field field)
        {
            if (!_leafCounts.TryGetValue(field, out var count))
            {
                count = Leaves([field]).Count();
                _leafCounts[field] = count;
            }

            return count;
        }
    }

    private static Type ValueType(DataField field) => Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;

    private static bool Readable(DataField field) => Readers.ContainsKey(ValueType(field));

    /// <summary>A leaf column's level entries and defined values; a column outside any list has one entry a row.</summary>
    private static Column ReadColumn(ParquetRowGroupReader rowGroup, DataField field, int rows)
    {
        var entries = field.MaxRepetitionLevel > 0 ? rowGroup.GetMetadata(field)?.MetaData?.NumValues ?? rows : rows;
        if (entries < rows || entries > MaxColumnEntries)
        {
            throw new InvalidDataException($"column {field.Path} states {entries:N0} values for {rows:N0} rows (at most {MaxColumnEntries:N0})");
        }

        var definitions = new int[entries];
        var repetitions = field.MaxRepetitionLevel > 0 ? new int[entries] : null;
        var values = Readers[ValueType(field)](rowGroup, field, definitions, repetitions);
        return new Column(field, definitions, repetitions, values);
    }

    /// <summary>
    /// The column types read here, each by a typed read (no reflection: a natively compiled command
    /// has only the generic instances named in code). Strings and bytes come as the row reader gives them.
    /// </summary>
    private static readonly Dictionary<Type, Func<ParquetRowGroupReader, DataField, int[], int[]?, object[]>> Readers = new()
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

    private static object[] Strings(ParquetRowGroupReader rowGroup, DataField field, int[] definitions, int[]? repetitions)
    {
        var packed = new ReadOnlyMemory<char>[definitions.Length];
        var count = Read(rowGroup, field, packed, definitions, repetitions);
        return Box(packed, count, static v => v.ToString());
    }

    private static object[] Bytes(ParquetRowGroupReader rowGroup, DataField field, int[] definitions, int[]? repetitions)
    {
        var packed = new ReadOnlyMemory<byte>[definitions.Length];
        var count = Read(rowGroup, field, packed, definitions, repetitions);
        return Box(packed, count, static v => v.ToArray());
    }

    private static object[] Raw<T>(ParquetRowGroupReader rowGroup, DataField field, int[] definitions, int[]? repetitions)
        where T : struct
    {
        var packed = new T[definitions.Length];
        var count = Read(rowGroup, field, packed, definitions, repetitions);
        return Box(packed, count, static v => v);
    }

    // Reads the column; returns how many values it holds (the entries at the column's definition level;
    // a required column outside any optional field stores no levels, and its zeros say every entry is one).
    private static int Read<T>(ParquetRowGroupReader rowGroup, DataField field, T[] packed, int[] definitions, int[]? repetitions)
        where T : struct
    {
        rowGroup.ReadRawAsync(field, packed.AsMemory(), definitions.AsMemory(), repetitions?.AsMemory()).GetAwaiter().GetResult();
        var count = 0;
        foreach (var level in definitions)
        {
            count += level == field.MaxDefinitionLevel ? 1 : 0;
        }

        return count;
    }

    private static object[] Box<T>(T[] packed, int count, Func<T, object> box)
    {
        var values = new object[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = box(packed[i]);
        }

        return values;
    }
}
