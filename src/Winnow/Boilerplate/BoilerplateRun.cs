using System.Text;
using System.Text.Json.Nodes;
using Winnow.Documents;
using Winnow.Pipeline;
using Winnow.Spill;
using Winnow.Text;

namespace Winnow.Boilerplate;

/// <summary>
/// One run of the boilerplate stage: the (group, unit hash, ordinal) records observed, sorted on
/// disk; the (group, unit) pairs flagged; the report entries gathered while applying. In a sharded
/// run the map units write their sorted records, the resolve unit merges every shard's and writes
/// the flagged pairs, the apply units write their report entries, and the finish merges them in
/// shard order with the rules one process uses.
/// </summary>
/// <remarks>Not thread-safe: the runner calls one method at a time; inside, it uses the run's threads.</remarks>
internal sealed class BoilerplateRun(BoilerplateStage stage, StageContext context) : CorpusStageRun(context)
{
    private const string UnitsFile = "units.bin";
    private const string FlaggedFile = "flagged.bin";
    private const string EntriesFile = "entries.bin";
    private readonly BoilerplateOptions _options = stage.Options;
    private readonly Dictionary<UInt128, long> _flagged = [];
    private readonly Dictionary<ulong, BoilerplateEntry> _entries = [];
    private ExternalSorter<UnitRecord>? _sorter;
    private string? _appliedDirectory;

    /// <summary>Flagged (group, paragraph) pairs after <see cref="Resolve"/>.</summary>
    public int FlaggedCount => _flagged.Count;

    private ExternalSorter<UnitRecord> Sorter => _sorter ??= new ExternalSorter<UnitRecord>(Context.WorkDirectory, "boilerplate", _options.SpillRecords);

    public override void Observe(IReadOnlyList<Document> batch)
    {
        var sorter = Sorter;
        var hashes = new ulong[batch.Count][];
        var groups = new ulong[batch.Count];
        ParallelChunks.For(batch.Count, Parallel, (_, from, to) =>
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

                hashes[i] = BoilerplateStage.DistinctHashes(units);
                groups[i] = BoilerplateStage.GroupHash(GroupKeys.Of(batch[i], _options.GroupBy));
            }
        });

        for (var i = 0; i < batch.Count; i++)
        {
            foreach (var hash in hashes[i])
            {
                sorter.Add(new UnitRecord(groups[i], hash, batch[i].Ordinal));
            }
        }
    }

    public override void SaveObservations(string directory)
    {
        using var sorter = Sorter;
        RecordFile<UnitRecord>.Write(Path.Combine(directory, UnitsFile), sorter.ReadSorted());
        _sorter = null;
    }

    public override void LoadObservations(string directory, ShardSpan shard)
    {
        var sorter = Sorter;
        foreach (var unit in RecordFile<UnitRecord>.Read(Path.Combine(directory, UnitsFile)))
        {
            sorter.Add(unit with { Ordinal = unit.Ordinal + shard.OrdinalBase });
        }
    }

    public override void Resolve()
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

    public override void SaveDecisions(string directory, IReadOnlyList<ShardSpan> shards)
    {
        using var w = new BinaryWriter(File.Create(Path.Combine(directory, FlaggedFile)));
        foreach (var (key, docs) in _flagged)
        {
            w.Write((ulong)(key >> 64));
            w.Write((ulong)key);
            w.Write(docs);
        }
    }

    public override void LoadDecisions(string directory, ShardSpan shard, string applied)
    {
        _appliedDirectory = applied;
        _flagged.Clear();
        using var r = new BinaryReader(File.OpenRead(Path.Combine(directory, FlaggedFile)));
        var length = r.BaseStream.Length;
        while (r.BaseStream.Position < length)
        {
            _flagged[new UInt128(r.ReadUInt64(), r.ReadUInt64())] = r.ReadInt64();
        }
    }

    public override void Apply(IReadOnlyList<Document> batch)
    {
        if (_flagged.Count == 0)
        {
            return;
        }

        var found = new List<TextUnit>?[batch.Count];
        var groupNames = new string[batch.Count];
        ParallelChunks.For(batch.Count, Parallel, (_, from, to) =>
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
                found[i] = FlaggedUnits(units, BoilerplateStage.GroupHash(groupNames[i]));
            }
        });

        for (var i = 0; i < batch.Count; i++)
        {
            if (found[i] is { } units)
            {
                Record(batch[i], groupNames[i], units);
                Cut(batch[i], units);
            }
        }
    }

    public override void SaveApplied()
    {
        using var w = new BinaryWriter(File.Create(Path.Combine(_appliedDirectory!, EntriesFile)), Encoding.UTF8);
        foreach (var entry in _entries.Values)
        {
            w.Write(entry.Hash);
            w.Write(entry.Text);
            w.Write(entry.IsLine);
            w.Write(entry.Groups.Count);
            foreach (var (group, docs) in entry.Groups)
            {
                w.Write(group);
                w.Write(docs);
            }

            w.Write(entry.Examples.Count);
            foreach (var example in entry.Examples)
            {
                w.Write(example);
            }
        }
    }

    public override JsonObject? Finish(string? decisions, IReadOnlyList<(string Directory, ShardSpan Shard)> applied)
    {
        // Merged in shard order with the rules Apply uses, the entries are those one process makes.
        foreach (var (directory, _) in applied)
        {
            using var r = new BinaryReader(File.OpenRead(Path.Combine(directory, EntriesFile)), Encoding.UTF8);
            var length = r.BaseStream.Length;
            while (r.BaseStream.Position < length)
            {
                var hash = r.ReadUInt64();
                var text = r.ReadString();
                var isLine = r.ReadBoolean();
                if (!_entries.TryGetValue(hash, out var entry))
                {
                    entry = new BoilerplateEntry(hash, text, isLine);
                    _entries.Add(hash, entry);
                }

                for (var n = r.ReadInt32(); n > 0; n--)
                {
                    entry.Groups[r.ReadString()] = r.ReadInt64();
                }

                for (var n = r.ReadInt32(); n > 0; n--)
                {
                    AddExample(entry, r.ReadString());
                }
            }
        }

        BoilerplateReportWriter.Write(Path.Combine(Context.OutputDirectory, BoilerplateStage.ReportFileName), _entries.Values);
        return null;
    }

    public override void Dispose() => _sorter?.Dispose();

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
        var groupHash = BoilerplateStage.GroupHash(group);
        foreach (var unit in units)
        {
            if (!_entries.TryGetValue(unit.Hash, out var entry))
            {
                entry = new BoilerplateEntry(unit.Hash, document.Text[unit.Start..unit.End], unit.IsLine);
                _entries.Add(unit.Hash, entry);
            }

            entry.Groups[group] = _flagged[new UInt128(groupHash, unit.Hash)];
            AddExample(entry, document.Id);
        }
    }

    private void AddExample(BoilerplateEntry entry, string id)
    {
        if (entry.Examples.Count < _options.MaxExamples && (entry.Examples.Count == 0 || entry.Examples[^1] != id))
        {
            entry.Examples.Add(id);
        }
    }

    private void Cut(Document document, List<TextUnit> units)
    {
        var spans = new JsonArray();
        var chars = 0;
        foreach (var unit in units)
        {
            spans.Add((JsonNode)new JsonArray(unit.Start, unit.End));
            chars += unit.End - unit.Start;
        }

        document.SetAttribute(stage.Name, "spans", spans);
        document.SetAttribute(stage.Name, "chars", chars);
        if (_options.Mode == BoilerplateMode.Remove)
        {
            document.Text = BoilerplateCutter.Cut(document.Text, units);
            if (string.IsNullOrWhiteSpace(document.Text))
            {
                document.Remove(new Removal(stage.Name, BoilerplateStage.OnlyBoilerplateReason));
            }
        }
    }
}
