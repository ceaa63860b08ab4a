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

    public void Add(ref DocFields doc)
    {
        using var attributes = doc.Attributes();
        if (attributes is null)
        {
            return;
        }

        foreach (var stage in attributes.RootElement.EnumerateObject())
        {
            if (stage.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var set = false;
            foreach (var attribute in stage.Value.EnumerateObject())
            {
                set |= Count(stage.Name + "." + attribute.Name, attribute.Value);
            }

            if (set)
            {
                AddExample(ref doc, stage.Name, stage.Value);
            }
        }
    }

    private bool Count(string name, JsonElement value)
    {
        if (!Names.TryGetValue(name, out var entry))
        {
            if (Names.Count >= MaxNames)
            {
                return false;
            }

            entry = new Entry();
            Names[name] = entry;
        }

        entry.Documents++;
        var set = value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.Number => value.GetDouble() != 0,
            JsonValueKind.String => value.GetString()!.Length > 0,
            JsonValueKind.Array => value.GetArrayLength() > 0,
            JsonValueKind.Object => true,
            _ => false,
        };
        if (set)
        {
            entry.Set++;
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            var x = value.GetDouble();
            entry.Numeric++;
            entry.Sum += x;
            entry.Min = Math.Min(entry.Min, x);
            entry.Max = Math.Max(entry.Max, x);
        }

        return set;
    }

    private void AddExample(ref DocFields doc, string stage, JsonElement values)
    {
        if (!Examples.TryGetValue(stage, out var list))
        {
            list = [];
            Examples[stage] = list;
        }

        if (list.Count < _options.ExamplesPerReason)
        {
            var raw = values.GetRawText();
            list.Add(new ExampleDoc(doc.Id, doc.Url, doc.Title, stage, null, null, doc.Text(_options.PreviewChars, out _), raw[..DocFields.Cut(raw, 2_000)]));
        }
    }

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
