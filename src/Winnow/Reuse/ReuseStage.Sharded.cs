using Winnow.Documents;
using Winnow.Pipeline;
using Winnow.Sharding;
using Winnow.Spill;

namespace Winnow.Reuse;

/// <summary>
/// Sharded reuse: shard tasks spill their sorted fingerprints; the resolve task builds the
/// candidate pairs over all shards; each shard keeps the texts of its documents that take part in
/// a pair; the finish step aligns the pairs reading every shard's texts.
/// </summary>
public sealed partial class ReuseStage : IShardedStage
{
    private const string FingerprintsFile = "fingerprints.bin";
    private const string CountsFile = "counts.bin";
    private const string PairsFile = "reuse-pairs.bin";
    private string? _shardDirectory;
    private long _shardDocuments;

    void IShardedStage.BeginShard(string directory, StageContext context)
    {
        _shardDirectory = directory;
        _shardDocuments = Counts.Documents;
        _fingerprints = new ExternalSorter<FingerprintRecord>(directory, "reuse-fp", _options.SpillRecords);
    }

    void IShardedStage.Observe(IReadOnlyList<Document> batch, StageContext context) => ProcessBatch(batch, context);

    void IShardedStage.EndShard()
    {
        using var sorter = _fingerprints!;
        RecordFile<FingerprintRecord>.Write(Path.Combine(_shardDirectory!, FingerprintsFile), sorter.ReadSorted());
        File.WriteAllBytes(Path.Combine(_shardDirectory!, CountsFile), BitConverter.GetBytes(Counts.Documents - _shardDocuments));
        _fingerprints = null;
    }

    void IShardedStage.LoadObservations(string directory, ShardSpan shard, StageContext context)
    {
        _fingerprints ??= new ExternalSorter<FingerprintRecord>(context.WorkDirectory, "reuse-fp", _options.SpillRecords);
        foreach (var record in RecordFile<FingerprintRecord>.Read(Path.Combine(directory, FingerprintsFile)))
        {
            _fingerprints.Add(record with { Ordinal = record.Ordinal + shard.OrdinalBase });
        }

        Counts.Documents += BitConverter.ToInt64(File.ReadAllBytes(Path.Combine(directory, CountsFile)));
    }

    void IShardedStage.SaveDecisions(string directory, IReadOnlyList<ShardSpan> shards)
    {
        File.Move(_pairsPath!, Path.Combine(directory, PairsFile));
        _pairsPath = null;
        using (var w = new BinaryWriter(File.Create(Path.Combine(directory, CountsFile))))
        {
            foreach (var count in new[] { Counts.Documents, Counts.Fingerprints, Counts.SkippedFingerprints, Counts.PairRecords, Counts.CandidatePairs })
            {
                w.Write(count);
            }
        }

        foreach (var shard in shards)
        {
            using var w = new BinaryWriter(File.Create(Path.Combine(directory, $"shard-{shard.Index:D5}.bin")));
            foreach (var ordinal in _participants.Between(shard.OrdinalBase, shard.OrdinalBase + shard.Ordinals))
            {
                w.Write(ordinal - shard.OrdinalBase);
            }
        }
    }

    void IShardedStage.LoadDecisions(string directory, ShardSpan shard, string applied)
    {
        using (var r = new BinaryReader(File.OpenRead(Path.Combine(directory, $"shard-{shard.Index:D5}.bin"))))
        {
            var length = r.BaseStream.Length;
            while (r.BaseStream.Position < length)
            {
                _participants.Add(r.ReadInt64());
            }
        }

        _texts = new TextStore(applied);
    }

    void IShardedStage.Apply(IReadOnlyList<Document> batch, StageContext context) => ApplyBatch(batch, context);

    void IShardedStage.SaveApplied()
    {
        _texts?.Keep();
        _texts = null;
    }

    void IShardedStage.Finish(string decisions, IReadOnlyList<(string Directory, ShardSpan Shard)> applied, StageContext context)
    {
        using (var r = new BinaryReader(File.OpenRead(Path.Combine(decisions, CountsFile))))
        {
            Counts.Documents = r.ReadInt64();
            Counts.Fingerprints = r.ReadInt64();
            Counts.SkippedFingerprints = r.ReadInt64();
            Counts.PairRecords = r.ReadInt64();
            Counts.CandidatePairs = r.ReadInt64();
        }

        using var texts = TextStore.OpenShards(applied.Select(a => (a.Directory, a.Shard.OrdinalBase)));
        PairAlignment.AlignAll(Path.Combine(decisions, PairsFile), texts, _options, Path.Combine(context.OutputDirectory, ReportFileName), Parallel(context), Counts);
    }
}
