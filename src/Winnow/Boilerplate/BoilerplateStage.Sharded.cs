using System.Text;
using Winnow.Documents;
using Winnow.Pipeline;
using Winnow.Sharding;
using Winnow.Spill;

namespace Winnow.Boilerplate;

/// <summary>
/// Sharded boilerplate: shard tasks spill their sorted (group, unit, ordinal) records; the resolve
/// task counts them over all shards exactly as one process would; every shard gets the flagged
/// set; the report entries each shard collects are merged in shard order by the finish step.
/// </summary>
public sealed partial class BoilerplateStage : IShardedStage
{
    private const string UnitsFile = "units.bin";
    private const string FlaggedFile = "flagged.bin";
    private const string EntriesFile = "entries.bin";
    private string? _shardDirectory;
    private string? _appliedDirectory;

    void IShardedStage.BeginShard(string directory, StageContext context)
    {
        _shardDirectory = directory;
        _sorter = new ExternalSorter<UnitRecord>(directory, "boilerplate", _options.SpillRecords);
    }

    void IShardedStage.Observe(IReadOnlyList<Document> batch, StageContext context) => ProcessBatch(batch, context);

    void IShardedStage.EndShard()
    {
        using var sorter = _sorter!;
        RecordFile<UnitRecord>.Write(Path.Combine(_shardDirectory!, UnitsFile), sorter.ReadSorted());
        _sorter = null;
    }

    void IShardedStage.LoadObservations(string directory, ShardSpan shard, StageContext context)
    {
        _sorter ??= new ExternalSorter<UnitRecord>(context.WorkDirectory, "boilerplate", _options.SpillRecords);
        foreach (var unit in RecordFile<UnitRecord>.Read(Path.Combine(directory, UnitsFile)))
        {
            _sorter.Add(unit with { Ordinal = unit.Ordinal + shard.OrdinalBase });
        }
    }

    void IShardedStage.SaveDecisions(string directory, IReadOnlyList<ShardSpan> shards)
    {
        using var w = new BinaryWriter(File.Create(Path.Combine(directory, FlaggedFile)));
        foreach (var (key, docs) in _flagged)
        {
            w.Write((ulong)(key >> 64));
            w.Write((ulong)key);
            w.Write(docs);
        }
    }

    void IShardedStage.LoadDecisions(string directory, ShardSpan shard, string applied)
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

    void IShardedStage.Apply(IReadOnlyList<Document> batch, StageContext context) => ApplyBatch(batch, context);

    void IShardedStage.SaveApplied()
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

    void IShardedStage.Finish(string decisions, IReadOnlyList<(string Directory, ShardSpan Shard)> applied, StageContext context)
    {
        // Merged in shard order with the rules ApplyBatch uses, the entries are those one process makes.
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
                    var example = r.ReadString();
                    if (entry.Examples.Count < _options.MaxExamples && (entry.Examples.Count == 0 || entry.Examples[^1] != example))
                    {
                        entry.Examples.Add(example);
                    }
                }
            }
        }

        Complete(context);
    }
}
