using System.Globalization;
using System.Text;
using Apache.Arrow;
using Apache.Arrow.Arrays;
using Apache.Arrow.Types;

namespace Winnow.Readers;

/// <summary>
/// One cell of an Arrow array as the CLR object <see cref="RowJson"/> writes: strings, numbers,
/// booleans, byte arrays, dates and times, lists, and structs and maps as dictionaries in field order.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
internal static class ArrowCells
{
    /// <summary>How deep a value may nest; deeper parts are null (<see cref="RowJson"/> writes no deeper either).</summary>
    private const int MaxDepth = 60;

    /// <summary>The value at <paramref name="index"/> of <paramref name="array"/>; null for a null.</summary>
    public static object? Of(IArrowArray array, int index, int depth = 1)
    {
        if (depth > MaxDepth || array.IsNull(index))
        {
            return null;
        }

        return array switch
        {
            // Not GetString: it reads the value through a pointer at the offsets the file states,
            // unchecked, and a damaged offset read outside the buffer and ended the process;
            // GetBytes takes a checked slice of it.
            StringArray a => Encoding.UTF8.GetString(a.GetBytes(index)),
            LargeStringArray a => a.GetString(index),
            StringViewArray a => a.GetString(index),
            BooleanArray a => a.GetValue(index),
            Int8Array a => a.GetValue(index),
            Int16Array a => a.GetValue(index),
            Int32Array a => a.GetValue(index),
            Int64Array a => a.GetValue(index),
            UInt8Array a => a.GetValue(index),
            UInt16Array a => a.GetValue(index),
            UInt32Array a => a.GetValue(index),
            UInt64Array a => a.GetValue(index),
            HalfFloatArray a => a.GetValue(index),
            FloatArray a => a.GetValue(index),
            DoubleArray a => a.GetValue(index),
            Decimal128Array a => Decimal(a, index),
            Date32Array a => a.GetDateOnly(index),
            Date64Array a => a.GetDateOnly(index),
            TimestampArray a => Timestamp(a, index),
            Time32Array a => a.GetTime(index),
            Time64Array a => a.GetTime(index),
            DurationArray a => a.GetTimeSpan(index),
            BinaryArray a => a.GetBytes(index).ToArray(), // Binary, and FixedSizeBinary's subclasses
            LargeBinaryArray a => a.GetBytes(index).ToArray(),
            BinaryViewArray a => a.GetBytes(index).ToArray(),
            FixedSizeBinaryArray a => a.GetBytes(index).ToArray(),
            MapArray a => Map(a, index, depth),
            ListArray a => List(a.GetSlicedValues(index), depth),
            LargeListArray a => List(a.GetSlicedValues(index), depth),
            FixedSizeListArray a => List(a.GetSlicedValues(index), depth),
            StructArray a => Struct(a, index, depth),
            DictionaryArray a => Of(a.Dictionary, DictionaryIndex(a.Indices, index), depth),
            _ => null, // unions, intervals, run-end encoded and list views: not in the tables the field ships (docs/formats.md)
        };
    }

    /// <summary>A decimal too large for .NET's is kept as its digits.</summary>
    private static object? Decimal(Decimal128Array array, int index) =>
        array.TryGetValue(index, out var value) ? value : array.GetString(index);

    // A timestamp with a time zone is an instant (written with its offset, +00:00); one without is
    // a wall-clock time (written without an offset, as a DateTime of unspecified kind).
    private static object? Timestamp(TimestampArray array, int index)
    {
        var value = array.GetTimestamp(index);
        return value is { } instant && string.IsNullOrEmpty(((TimestampType)array.Data.DataType).Timezone) ? instant.DateTime : value;
    }

    private static List<object?> List(IArrowArray values, int depth)
    {
        var list = new List<object?>(values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            list.Add(Of(values, i, depth + 1));
        }

        return list;
    }

    private static Dictionary<string, object?> Struct(StructArray array, int index, int depth)
    {
        var fields = ((StructType)array.Data.DataType).Fields;
        var members = new Dictionary<string, object?>(fields.Count, StringComparer.Ordinal);
        for (var f = 0; f < fields.Count; f++)
        {
            members.TryAdd(fields[f].Name, Of(array.Fields[f], index, depth + 1)); // a repeated name keeps its first value
        }

        return members;
    }

    private static Dictionary<string, object?> Map(MapArray array, int index, int depth)
    {
        var keys = array.Keys;
        var values = array.Values;
        var members = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = array.ValueOffsets[index]; i < array.ValueOffsets[index + 1]; i++)
        {
            var key = Convert.ToString(Of(keys, i, depth + 1), CultureInfo.InvariantCulture) ?? "";
            members.TryAdd(key, Of(values, i, depth + 1));
        }

        return members;
    }

    private static int DictionaryIndex(IArrowArray indices, int index) => indices switch
    {
        Int8Array a => a.GetValue(index) ?? 0,
        Int16Array a => a.GetValue(index) ?? 0,
        Int32Array a => a.GetValue(index) ?? 0,
        Int64Array a => checked((int)(a.GetValue(index) ?? 0)),
        UInt8Array a => a.GetValue(index) ?? 0,
        UInt16Array a => a.GetValue(index) ?? 0,
        UInt32Array a => checked((int)(a.GetValue(index) ?? 0)),
        UInt64Array a => checked((int)(a.GetValue(index) ?? 0)),
        _ => throw new InvalidDataException($"dictionary indices of type {indices.Data.DataType.Name}"),
    };
}
