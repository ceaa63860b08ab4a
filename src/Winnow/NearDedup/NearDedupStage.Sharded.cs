using System.Runtime.InteropServices;
using System.Text;
using Winnow.Documents;
using Winnow.Pipeline;
using Winnow.Sharding;

namespace Winnow.NearDedup;

/// <summary>
/// Sharded near dedup. Shard tasks compute signatures (the costly part) and spill them with
/// ordinal, rank, id and, for exact verification, shingle sets. The resolve task loads them in
/// shard order (so document indexes and cluster ids are those of a single-process run), sorts the
/// band records, verifies and clusters using all its threads, and hands each shard the list of its
/// removals; clusters.jsonl is written from the resolve task's folder by the finish step.
/// </summary>
public sealed partial class NearDedupStage : IShardedStage
{
    /// <summary>Where a sharded run keeps the stage's <see cref="NearDedupSummary"/>, under DIR/.winnow/.</summary>
    public const string SummaryFile = "near_dedup-summary.json";

    private const string ObservationFile = "near.bin";
    private readonly List<(ShardSpan Shard, uint FirstIndex, uint Count)> _loaded = [];
    private BinaryWriter? _observations;
    private BatchSigner? _shardSigner;

    void IShardedStage.BeginShard(string directory, StageContext context)
    {
        _observations = new BinaryWriter(new FileStream(Path.Combine(directory, ObservationFile), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20), Encoding.UTF8);
        _shardSigner = new BatchSigner(_options, _lsh, _signer);
    }

    void IShardedStage.Observe(IReadOnlyList<Document> batch, StageContext context)
    {
        var signed = _shardSigner!.Sign(batch, Parallel(context));
        var w = _observations!;
        for (var i = 0; i < batch.Count; i++)
        {
            w.Write(batch[i].Ordinal);
            w.Write(Rank(batch[i]));
            w.Write(batch[i].Id);
            w.Write(signed.HasShingles[i]);
            w.Write(MemoryMarshal.AsBytes(signed.Signature(i)));
            var shingles = signed.Shingles.Length > 0 ? signed.Shingles[i] ?? [] : [];
            w.Write(shingles.Length);
            w.Write(MemoryMarshal.AsBytes(shingles.AsSpan()));
        }
    }

    void IShardedStage.EndShard()
    {
        _observations?.Dispose();
        _observations = null;
    }

    void IShardedStage.LoadObservations(string directory, ShardSpan shard, StageContext context)
    {
        _state ??= new StageState(_options, _lsh, Path.Combine(context.WorkDirectory, Name + "-" + Guid.NewGuid().ToString("N")));
        var first = (uint)_state.Signatures.Count;
        var signature = new uint[_options.NumPerm];
        var bands = new BandRecord[_lsh.Bands];
        var shingles = new ulong[1024];
        using var r = new BinaryReader(new FileStream(Path.Combine(directory, ObservationFile), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20), Encoding.UTF8);
        var length = r.BaseStream.Length;
        while (r.BaseStream.Position < length)
        {
            var ordinal = shard.OrdinalBase + r.ReadInt64();
            var rank = r.ReadInt64();
            var id = r.ReadString();
            var hasShingles = r.ReadBoolean();
            r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(signature.AsSpan()));
            var count = r.ReadInt32();
            if (shingles.Length < count)
            {
                shingles = new ulong[count];
            }

            r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(shingles.AsSpan(0, count)));
            _state.Add(signature, hasShingles, ordinal, rank, id, shingles.AsSpan(0, count), bands);
        }

        _loaded.Add((shard, first, (uint)_state.Signatures.Count - first));
    }

    void IShardedStage.SaveDecisions(string directory, IReadOnlyList<ShardSpan> shards)
    {
        ClustersWriter.Write(Path.Combine(directory, ClustersWriter.FileName), _clusters);
        Summary?.Save(Path.Combine(directory, SummaryFile));
        var next = 0;
        foreach (var (shard, first, count) in _loaded)
        {
            using var w = new BinaryWriter(File.Create(Path.Combine(directory, $"shard-{shard.Index:D5}.bin")), Encoding.UTF8);
            for (; next < _removals.Length && _removals[next].Index < first + count; next++)
            {
                var (index, cluster, similarity) = _removals[next];
                w.Write(index - first);
                w.Write(cluster.Id);
                w.Write(cluster.KeptId);
                w.Write(similarity);
            }
        }
    }

    void IShardedStage.LoadDecisions(string directory, ShardSpan shard, string applied)
    {
        var removals = new List<(uint, NearDuplicateCluster, double)>();
        using var r = new BinaryReader(File.OpenRead(Path.Combine(directory, $"shard-{shard.Index:D5}.bin")), Encoding.UTF8);
        var length = r.BaseStream.Length;
        while (r.BaseStream.Position < length)
        {
            var index = r.ReadUInt32();
            var cluster = new NearDuplicateCluster(r.ReadInt64(), r.ReadString(), []);
            removals.Add((index, cluster, r.ReadDouble()));
        }

        _removals = [.. removals];
        _cursor = 0;
        _applied = 0;
    }

    void IShardedStage.Apply(IReadOnlyList<Document> batch, StageContext context) => ApplyBatch(batch, context);

    void IShardedStage.SaveApplied()
    {
    }

    void IShardedStage.Finish(string decisions, IReadOnlyList<(string Directory, ShardSpan Shard)> applied, StageContext context)
    {
        File.Copy(Path.Combine(decisions, ClustersWriter.FileName), Path.Combine(context.OutputDirectory, ClustersWriter.FileName), overwrite: true);
        var summary = Path.Combine(decisions, SummaryFile);
        if (File.Exists(summary))
        {
            File.Copy(summary, Path.Combine(new RunFolders(context.OutputDirectory).Root, SummaryFile), overwrite: true);
        }
        Dispose();
    }
}
