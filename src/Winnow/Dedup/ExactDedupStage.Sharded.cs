using System.Text;
using Winnow.Documents;
using Winnow.Pipeline;
using Winnow.Sharding;

namespace Winnow.Dedup;

/// <summary>
/// Sharded exact dedup: each shard spills (hash, ordinal, id) of its documents; the resolve task
/// replays them in shard order, so "first seen" is the single-process run's first seen; each
/// shard then gets the list of its duplicates with the id each one duplicates.
/// </summary>
public sealed partial class ExactDedupStage : IShardedStage
{
    private const string ObservationFile = "exact.bin";
    private readonly List<(long Ordinal, string KeptId)> _duplicates = [];
    private readonly Dictionary<long, string> _shardDuplicates = [];
    private BinaryWriter? _observations;

    void IShardedStage.BeginShard(string directory, StageContext context) =>
        _observations = new BinaryWriter(File.Create(Path.Combine(directory, ObservationFile)), Encoding.UTF8);

    void IShardedStage.Observe(IReadOnlyList<Document> batch, StageContext context)
    {
        var hashes = HashAll(batch, context);
        for (var i = 0; i < batch.Count; i++)
        {
            _observations!.Write((ulong)(hashes[i] >> 64));
            _observations.Write((ulong)hashes[i]);
            _observations.Write(batch[i].Ordinal);
            _observations.Write(batch[i].Id);
        }
    }

    void IShardedStage.EndShard()
    {
        _observations?.Dispose();
        _observations = null;
    }

    void IShardedStage.LoadObservations(string directory, ShardSpan shard, StageContext context)
    {
        using var r = new BinaryReader(File.OpenRead(Path.Combine(directory, ObservationFile)), Encoding.UTF8);
        var length = r.BaseStream.Length;
        while (r.BaseStream.Position < length)
        {
            var hash = new UInt128(r.ReadUInt64(), r.ReadUInt64());
            var ordinal = shard.OrdinalBase + r.ReadInt64();
            var id = r.ReadString();
            if (EarlierWithText(hash, id) is { } keptId)
            {
                _duplicates.Add((ordinal, keptId));
            }
        }
    }

    void IShardedStage.SaveDecisions(string directory, IReadOnlyList<ShardSpan> shards)
    {
        // Duplicates were found in ordinal order, so each shard's are one contiguous run.
        var next = 0;
        foreach (var shard in shards)
        {
            using var w = new BinaryWriter(File.Create(Path.Combine(directory, $"shard-{shard.Index:D5}.bin")), Encoding.UTF8);
            for (; next < _duplicates.Count && _duplicates[next].Ordinal < shard.OrdinalBase + shard.Ordinals; next++)
            {
                w.Write(_duplicates[next].Ordinal - shard.OrdinalBase);
                w.Write(_duplicates[next].KeptId);
            }
        }
    }

    void IShardedStage.LoadDecisions(string directory, ShardSpan shard, string applied)
    {
        _shardDuplicates.Clear();
        using var r = new BinaryReader(File.OpenRead(Path.Combine(directory, $"shard-{shard.Index:D5}.bin")), Encoding.UTF8);
        var length = r.BaseStream.Length;
        while (r.BaseStream.Position < length)
        {
            _shardDuplicates.Add(r.ReadInt64(), r.ReadString());
        }
    }

    void IShardedStage.Apply(IReadOnlyList<Document> batch, StageContext context)
    {
        foreach (var document in batch)
        {
            if (_shardDuplicates.TryGetValue(document.Ordinal, out var keptId))
            {
                document.Remove(new Removal(Name, Reason, keptId));
            }
        }
    }

    void IShardedStage.SaveApplied()
    {
    }

    void IShardedStage.Finish(string decisions, IReadOnlyList<(string Directory, ShardSpan Shard)> applied, StageContext context)
    {
    }
}
