using System.Text.Json;

namespace Winnow.Report;

/// <summary>
/// Sums the stage attributes of documents (docs/formats.md, <c>attributes.STAGE.NAME</c>): how many
/// documents carry each, how many are true or non-zero, the range and mean of numeric ones, and the
/// first documents per stage where some attribute is set (for example, PII found).
/// </summary>
/// <remarks>Memory: at most <see cref="MaxNames"/> names and the examples. Not thread-safe.</remarks>
internal sealed class AttributeTally
{
    public const int MaxNames = 300;

    private readonly ReportOptions _options;

    public AttributeTally(ReportOptions options) => _options = options;

    public SortedDictionary<string, Entry> Names { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, List<ExampleDoc>> Examples { get; } = new(StringComparer.Ordinal);

    /// <summary>Counts the attributes of one document.</summary>
    public void Add(ref DocFields doc)
    {
        if (Read(ref doc) is { } attributes)
        {
            Add(attributes, doc.Line);
        }
    }

    /// <summary>
    /// The attributes of one document as <see cref="Add(DocAttributes, ReadOnlySpan{byte})"/> counts
    /// them; null when it has none. Depends on the document only, so it can run on any thread.
    /// </summary>
    public static DocAttributes? Read(ref DocFields doc)
    {
        using var attributes = doc.Attributes();
        if (attributes is null)
        {
            return null;
        }

        var stages = new List<StageValues>();
        var index = -1;
        foreach (var stage in attributes.RootElement.EnumerateObject())
        {
            index++;
            if (stage.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var values = new List<AttributeValue>();
            foreach (var attribute in stage.Value.EnumerateObject())
            {
                var value = attribute.Value;
                var number = value.ValueKind == JsonValueKind.Number ? value.GetDouble() : 0;
                var set = value.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.Number => number != 0,
                    JsonValueKind.String => value.GetString()!.Length > 0,
                    JsonValueKind.Array => value.GetArrayLength() > 0,
                    JsonValueKind.Object => true,
                    _ => false,
                };
                values.Add(new AttributeValue(stage.Name + "." + attribute.Name, value.ValueKind == JsonValueKind.Number, number, set));
            }

            stages.Add(new StageValues(stage.Name, index, [.. values]));
        }

        return new DocAttributes(stages);
    }

    /// <summary>
    /// Counts attributes read by <see cref="Read"/>, in document order; <paramref name="line"/> is
    /// the document's record, parsed again only for the few examples kept.
    /// </summary>
    public void Add(DocAttributes attributes, ReadOnlySpan<byte> line)
    {
        foreach (var stage in attributes.Stages)
        {
            var set = false;
            foreach (var value in stage.Values)
            {
                set |= Count(value);
            }

            if (set)
            {
                AddExample(line, stage);
            }
        }
    }

    private bool Count(AttributeValue value)
    {
        if (!Names.TryGetValue(value.Name, out var entry))
        {
            if (Names.Count >= MaxNames)
            {
                return false;
            }

            entry = new Entry();
            Names[value.Name] = entry;
        }

        entry.Documents++;
        if (value.Set)
        {
            entry.Set++;
        }

        if (value.IsNumber)
        {
            entry.Numeric++;
            entry.Sum += value.Number;
            entry.Min = Math.Min(entry.Min, value.Number);
            entry.Max = Math.Max(entry.Max, value.Number);
        }

        return value.Set;
    }

    private void AddExample(ReadOnlySpan<byte> line, StageValues stage)
    {
        if (!Examples.TryGetValue(stage.Stage, out var list))
        {
            list = [];
            Examples[stage.Stage] = list;
        }

        if (list.Count < _options.ExamplesPerReason && DocFields.TryParse(line, out var doc))
        {
            using var attributes = doc.Attributes()!;
            var raw = attributes.RootElement.EnumerateObject().ElementAt(stage.Index).Value.GetRawText();
            list.Add(new ExampleDoc(doc.Id, doc.Url, doc.Title, stage.Stage, null, null, doc.Text(_options.PreviewChars, out _), raw[..DocFields.Cut(raw, 2_000)]));
        }
    }

    /// <summary>The attributes of one document, stage by stage (<see cref="Read"/>).</summary>
    internal sealed record DocAttributes(List<StageValues> Stages);

    /// <summary>One stage's attributes; <paramref name="Index"/> is its place among the attributes object's members.</summary>
    internal readonly record struct StageValues(string Stage, int Index, AttributeValue[] Values);

    /// <summary>One attribute: its counted name (stage.name), whether it is a number (and its value), whether it is set.</summary>
    internal readonly record struct AttributeValue(string Name, bool IsNumber, double Number, bool Set);

    /// <summary>Counts for one attribute name.</summary>
    internal sealed class Entry
    {
        public long Documents { get; set; }

        public long Set { get; set; }

        public long Numeric { get; set; }

        public double Sum { get; set; }

        public double Min { get; set; } = double.PositiveInfinity;

        public double Max { get; set; } = double.NegativeInfinity;
    }
}
