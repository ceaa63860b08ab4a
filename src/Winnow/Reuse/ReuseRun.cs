using System.Text.Json.Nodes;
using Winnow.Boilerplate;
using Winnow.Documents;
using Winnow.Hashing;
using Winnow.IO;
using Winnow.Pipeline;
using Winnow.Spill;
using Winnow.Text;

namespace Winnow.Reuse;

/// <summary>
/// One run of the reuse stage: the fingerprints observed (sorted on disk), the candidate pairs
/// resolved from them, the texts of the documents in a pair kept while applying, and the passages
/// aligned at the finish. In a sharded run the map units write their sorted fingerprints, the
/// resolve unit merges them and writes the pairs and each shard's participants, the apply units
/// keep their participants' texts, and the finish aligns over every shard's texts.
/// </summary>
/// <remarks>Not thread-safe: the runner calls one method at a time; inside, it uses the run's threads.</remarks>
internal sealed class ReuseRun(ReuseStage stage, StageContext context) : CorpusStageRun(context)
{
    private const string FingerprintsFile = "fingerprints.bin";
    private const string CountsFile = "counts.bin";
    private const string PairsFile = "reuse-pairs.bin";
    private readonly ReuseOptions _options = stage.Options;
    private readonly OrdinalSet _participants = new();
    private ExternalSorter<FingerprintRecord>? _fingerprints;
    private TextStore? _texts;
    private string? _pairsPath;

    /// <summary>The run's counts.</summary>
    public ReuseCounts Counts { get; } = new();

    private ExternalSorter<FingerprintRecord> Fingerprints =>
        _fingerprints ??= new ExternalSorter<FingerprintRecord>(Context.WorkDirectory, "reuse-fp", _options.SpillRecords);

    public override void Observe(IReadOnlyList<Document> batch)
    {
        var fingerprints = Fingerprints;
        var prints = new ulong[batch.Count][];
        var hosts = new uint[batch.Count];
        ParallelChunks.For(batch.Count, Parallel, (_, from, to) =>
        {
            var words = new List<WordToken>();
            for (var i = from; i < to; i++)
            {
                words.Clear();
                if (!batch[i].IsRemoved)
                {
                    WordTokenizer.Tokenize(batch[i].Text, words);
                }

                prints[i] = Fingerprinter.Select(words, _options.NgramSize, _options.Window);
                hosts[i] = (uint)XxHash64.Hash((GroupKeys.Host(batch[i].Url) ?? string.Empty).AsSpan());
            }
        });

        for (var i = 0; i < batch.Count; i++)
        {
            Counts.Documents++;
            foreach (var hash in prints[i])
            {
                fingerprints.Add(new FingerprintRecord(hash, batch[i].Ordinal, hosts[i]));
            }
        }
    }

    public override void SaveObservations(string directory)
    {
        using var sorter = Fingerprints;
        RecordFile<FingerprintRecord>.Write(Path.Combine(directory, FingerprintsFile), sorter.ReadSorted());
        File.WriteAllBytes(Path.Combine(directory, CountsFile), BitConverter.GetBytes(Counts.Documents));
        _fingerprints = null;
    }

    public override void LoadObservations(string directory, ShardSpan shard)
    {
        var fingerprints = Fingerprints;
        foreach (var record in RecordFile<FingerprintRecord>.Read(Path.Combine(directory, FingerprintsFile)))
        {
            fingerprints.Add(record with { Ordinal = record.Ordinal + shard.OrdinalBase });
        }

        Counts.Documents += BitConverter.ToInt64(File.ReadAllBytes(Path.Combine(directory, CountsFile)));
    }

    public override void Resolve()
    {
        _pairsPath = Path.Combine(Context.WorkDirectory, "reuse-pairs.bin");
        using var pairs = new ExternalSorter<PairRecord>(Context.WorkDirectory, "reuse-pairs", _options.SpillRecords);
        if (_fingerprints is not null)
        {
            using var fingerprints = _fingerprints;
            Counts.Fingerprints = fingerprints.Count;
            CandidateGenerator.EmitPairs(fingerprints.ReadSorted(), _options, pairs, Counts);
            _fingerprints = null;
        }

        using var output = new BinaryWriter(FileWrites.CreateNew(_pairsPath, bufferSize: 1 << 16));
        CandidateGenerator.CountPairs(pairs.ReadSorted(), _options.MinSharedFingerprints, pair =>
        {
            output.Write(pair.A);
            output.Write(pair.B);
            _participants.Add(pair.A);
            _participants.Add(pair.B);
            Counts.CandidatePairs++;
        });
    }

    public override void SaveDecisions(string directory, IReadOnlyList<ShardSpan> shards)
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

    public override void LoadDecisions(string directory, ShardSpan shard, string applied)
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

    public override void Apply(IReadOnlyList<Document> batch)
    {
        _texts ??= new TextStore(Context.WorkDirectory);
        foreach (var document in batch)
        {
            if (!document.IsRemoved && _participants.Contains(document.Ordinal))
            {
                _texts.Add(document.Ordinal, document.Id, document.Text);
            }
        }
    }

    public override void SaveApplied()
    {
        _texts?.Keep();
        _texts = null;
    }

    public override JsonObject? Finish(string? decisions, IReadOnlyList<(string Directory, ShardSpan Shard)> applied)
    {
        var output = Path.Combine(Context.OutputDirectory, ReuseStage.ReportFileName);
        if (decisions is null)
        {
            using var texts = _texts ?? new TextStore(Context.WorkDirectory);
            _texts = null;
            texts.Seal();
            PairAlignment.AlignAll(_pairsPath, texts, _options, output, Parallel, Counts);
            if (_pairsPath is not null)
            {
                File.Delete(_pairsPath);
            }
        }
        else
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
            PairAlignment.AlignAll(Path.Combine(decisions, PairsFile), texts, _options, output, Parallel, Counts);
        }

        return Counts.ToJson();
    }

    public override void Dispose()
    {
        _fingerprints?.Dispose();
        _texts?.Dispose();
    }
}
