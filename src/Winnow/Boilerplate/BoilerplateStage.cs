using System.Text.Json.Nodes;
using Winnow.Documents;
using Winnow.Hashing;
using Winnow.Pipeline;
using Winnow.Spill;
using Winnow.Text;

namespace Winnow.Boilerplate;

/// <summary>
/// Flags paragraphs and lines that recur in at least <see cref="BoilerplateOptions.MinDocs"/>
/// documents of a group (host, metadata field, or the whole corpus), then removes or annotates
/// them, and writes boilerplate.jsonl.
/// </summary>
/// <remarks>
/// A whole-corpus stage. First pass: per document, the distinct hashes of its normalized units
/// are spilled as (group, hash, ordinal) records in sorted runs. <see cref="Resolve"/> merges the
/// runs and counts documents per (group, hash) exactly; only flagged pairs stay in memory. Second
/// pass: units are hashed again and flagged ones cut or annotated. Memory grows with the spill
/// buffer (fixed), the number of flagged (group, hash) pairs, and the report entries; not with
/// the corpus. Not thread-safe; the runner calls it one batch at a time, and it uses
/// <see cref="StageContext.Parallelism"/> threads inside a batch.
/// </remarks>
public sealed partial class BoilerplateStage : CorpusStage
{
    /// <summary>Reason recorded on documents that were nothing but boilerplate.</summary>
    public const string OnlyBoilerplateReason = "boilerplate_only";

    /// <summary>The stage's output file under the run's output folder.</summary>
    public const string ReportFileName = "boilerplate.jsonl";

    private readonly BoilerplateOptions _options;
    private readonly Dictionary<UInt128, long> _flagged = [];
    private readonly Dictionary<ulong, BoilerplateEntry> _entries = [];
    private ExternalSorter<UnitRecord>? _sorter;

    /// <summary>Creates the stage.</summary>
    public BoilerplateStage(BoilerplateOptions options) => _options = options;

    /// <summary>Creates the stage with default options.</summary>
    public BoilerplateStage()
        : this(new BoilerplateOptions())
    {
    }

    /// <inheritdoc />
    public override string Name => "boilerplate";

    /// <inheritdoc />
    public override bool NeedsWholeCorpus => true;

    /// <summary>Flagged (group, paragraph) pairs after <see cref="Resolve"/>.</summary>
    public int FlaggedCount => _flagged.Count;

    /// <inheritdoc />
    public override void ProcessBatch(IReadOnlyList<Document> batch, StageContext context)
    {
        _sorter ??= new ExternalSorter<UnitRecord>(context.WorkDirectory, "boilerplate", _options.SpillRecords);
        var hashes = new ulong[batch.Count][];
        var groups = new ulong[batch.Count];
        ParallelChunks.For(batch.Count, Parallel(context), (_, from, to) =>
        {
            var units = new List<TextUnit>();
            var scratch = new List<WordToken>();
            for (var i = from; i < to; i++)
            {
                units.Clear();
                if (!batch[i].IsRemoved)
                {
                    TextUnits.Split(batch[i].Text, _options.MinWords, units, scratch);
                }

                hashes[i] = DistinctHashes(units);
                groups[i] = GroupHash(GroupKeys.Of(batch[i], _options.GroupBy));
            }
        });

        for (var i = 0; i < batch.Count; i++)
        {
            foreach (var hash in hashes[i])
            {
                _sorter.Add(new UnitRecord(groups[i], hash, batch[i].Ordinal));
            }
        }
    }

    /// <inheritdoc />
    public override void Resolve(StageContext context)
    {
        if (_sorter is null)
        {
            return;
        }

        using var sorter = _sorter;
        var minDocs = Math.Max(1, _options.MinDocs);
        UnitRecord current = default;
        long docs = 0;
        foreach (var record in sorter.ReadSorted())
        {
            if (docs > 0 && record.Group == current.Group && record.Hash == current.Hash)
            {
                docs += record.Ordinal != current.Ordinal ? 1 : 0;
            }
            else
            {
                Flag(current, docs, minDocs);
                docs = 1;
            }

            current = record;
        }

        Flag(current, docs, minDocs);
        _sorter = null;
    }

    /// <inheritdoc />
    public override void ApplyBatch(IReadOnlyList<Document> batch, StageContext context)
    {
        if (_flagged.Count == 0)
        {
            return;
        }

        var found = new List<TextUnit>?[batch.Count];
        var groupNames = new string[batch.Count];
        ParallelChunks.For(batch.Count, Parallel(context), (_, from, to) =>
        {
            var units = new List<TextUnit>();
            var scratch = new List<WordToken>();
            for (var i = from; i < to; i++)
            {
                if (batch[i].IsRemoved)
                {
                    continue;
                }

                groupNames[i] = GroupKeys.Of(batch[i], _options.GroupBy);
                units.Clear();
                TextUnits.Split(batch[i].Text, _options.MinWords, units, scratch);
                found[i] = FlaggedUnits(units, GroupHash(groupNames[i]));
            }
        });

        for (var i = 0; i < batch.Count; i++)
        {
            if (found[i] is { } units)
            {
                Record(batch[i], groupNames[i], units);
                Apply(batch[i], units);
            }
        }
    }

    /// <inheritdoc />
    public override void Complete(StageContext context) =>
        BoilerplateReportWriter.Write(Path.Combine(context.OutputDirectory, ReportFileName), _entries.Values);

    private static ulong GroupHash(string group) => XxHash64.Hash(group.AsSpan(), 0xB0B0);

    private static ulong[] DistinctHashes(List<TextUnit> units)
    {
        if (units.Count == 0)
        {
            return [];
        }

        var hashes = new ulong[units.Count];
        for (var i = 0; i < hashes.Length; i++)
        {
            hashes[i] = units[i].Hash;
        }

        Array.Sort(hashes);
        var n = 1;
        for (var i = 1; i < hashes.Length; i++)
        {
            if (hashes[i] != hashes[n - 1])
            {
                hashes[n++] = hashes[i];
            }
        }

        return n == hashes.Length ? hashes : hashes[..n];
    }

    private ParallelOptions Parallel(StageContext context) =>
        new() { MaxDegreeOfParallelism = Math.Max(1, context.Parallelism), CancellationToken = context.CancellationToken };

    private void Flag(UnitRecord unit, long docs, int minDocs)
    {
        if (docs >= minDocs)
        {
            _flagged[new UInt128(unit.Group, unit.Hash)] = docs;
        }
    }

    private List<TextUnit>? FlaggedUnits(List<TextUnit> units, ulong group)
    {
        List<TextUnit>? flagged = null;
        var flaggedParagraphs = new HashSet<int>();
        foreach (var unit in units)
        {
            if (!unit.IsLine && _flagged.ContainsKey(new UInt128(group, unit.Hash)))
            {
                flaggedParagraphs.Add(unit.Paragraph);
                (flagged ??= []).Add(unit);
            }
        }

        foreach (var unit in units)
        {
            if (unit.IsLine && !flaggedParagraphs.Contains(unit.Paragraph) && _flagged.ContainsKey(new UInt128(group, unit.Hash)))
            {
                (flagged ??= []).Add(unit);
            }
        }

        flagged?.Sort((a, b) => a.Start.CompareTo(b.Start));
        return flagged;
    }

    private void Record(Document document, string group, List<TextUnit> units)
    {
        var groupHash = GroupHash(group);
        foreach (var unit in units)
        {
            if (!_entries.TryGetValue(unit.Hash, out var entry))
            {
                entry = new BoilerplateEntry(unit.Hash, document.Text[unit.Start..unit.End], unit.IsLine);
                _entries.Add(unit.Hash, entry);
            }

            entry.Groups[group] = _flagged[new UInt128(groupHash, unit.Hash)];
            if (entry.Examples.Count < _options.MaxExamples && (entry.Examples.Count == 0 || entry.Examples[^1] != document.Id))
            {
                entry.Examples.Add(document.Id);
            }
        }
    }

    private void Apply(Document document, List<TextUnit> units)
    {
        var spans = new JsonArray();
        var chars = 0;
        foreach (var unit in units)
        {
            spans.Add(new JsonArray(unit.Start, unit.End));
            chars += unit.End - unit.Start;
        }

        document.SetAttribute(Name, "spans", spans);
        document.SetAttribute(Name, "chars", chars);
        if (_options.Mode == BoilerplateMode.Remove)
        {
            document.Text = BoilerplateCutter.Cut(document.Text, units);
            if (string.IsNullOrWhiteSpace(document.Text))
            {
                document.Remove(new Removal(Name, OnlyBoilerplateReason));
            }
        }
    }
}
