using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;
using Winnow.Documents;
using Winnow.IO;
using Winnow.Pipeline;
using Winnow.Readers;

namespace Winnow.NearDedup;

/// <summary>
/// One run of near dedup: the signatures, band records and shingle sets observed (a
/// <see cref="StageState"/>), the clusters resolved from them, and the removals applied in input
/// order. In a sharded run the map units write each document's signature (and text, for exact verification) to a
/// file, the resolve unit loads every shard's in shard order and writes each shard's removals.
/// </summary>
/// <remarks>Not thread-safe: the runner calls one method at a time; inside, it uses the run's threads.</remarks>
internal sealed class NearDedupRun(NearDedupStage stage, StageContext context) : CorpusStageRun(context)
{
    private const string ObservationFile = "near.bin";
    private const string SummaryFile = "near_dedup-summary.json";
    private readonly List<(ShardSpan Shard, uint FirstIndex, uint Count)> _loaded = [];
    private StageState? _state;
    private List<NearDuplicateCluster> _clusters = [];

    // clusters.jsonl, written on a thread of its own from the end of the resolve while the run
    // goes on (the replay of a single-process run), then moved where it belongs.
    private Task? _clustersWrite;
    private string? _clustersFile;
    private (uint Index, NearDuplicateCluster Cluster, double Similarity)[] _removals = [];
    private int _cursor;
    private uint _applied;
    private BinaryWriter? _observations;
    private BatchSigner? _signer;
    private TextOnlyPath? _textOnly;

    /// <summary>The clusters found (after <see cref="Resolve"/>), in cluster-id order.</summary>
    public IReadOnlyList<NearDuplicateCluster> Clusters => _clusters;

    /// <summary>The run's counts (after <see cref="Resolve"/>).</summary>
    public NearDedupSummary? Summary { get; private set; }

    /// <summary>After <see cref="Resolve"/>: the indexes (in observation order) of the documents removed, ascending.</summary>
    internal IEnumerable<uint> RemovedIndexes => _removals.Select(r => r.Index);

    /// <summary>After <see cref="Resolve"/>: <see cref="RemovedIndexes"/>, each with the removal <see cref="Apply"/> records.</summary>
    internal IEnumerable<(uint Index, Removal Removal)> Removals => _removals.Select(r => (r.Index, RemovalFor(r.Cluster, r.Similarity)));

    private Removal RemovalFor(NearDuplicateCluster cluster, double similarity) =>
        new(stage.Name, NearDedupStage.Reason, cluster.KeptId, string.Create(CultureInfo.InvariantCulture, $"cluster={cluster.Id} similarity={similarity:0.####}"));

    /// <summary>
    /// Exact verification reads no signature back, so a map unit writes only what the resolve unit
    /// needs of it, the band keys: 8 B a band (168 B at 21 bands) instead of 4 B a permutation (512 B).
    /// </summary>
    private bool KeepsBandKeysOnly => stage.Options.Verify == VerifyMode.Exact;

    /// <summary>Whether exact verification reads the texts back from the run's spill rather than keeping its own copy.</summary>
    private bool TextsFromSpill => Context.SpillHoldsText;

    // Stateless beyond its options: two threads preparing batches at once may each make one.
    private BatchSigner Signer => _signer ??= stage.CreateSigner();

    private StageState State => _state ??= new StageState(
        stage.Options, stage.Lsh, Path.Combine(Context.WorkDirectory, stage.Name + "-" + Guid.NewGuid().ToString("N")), TextsFromSpill, Context.Parallelism);

    public override void Observe(IReadOnlyList<Document> batch) => Observe(batch, Prepare(batch, Parallel));

    /// <summary>The batch's signatures and band keys (<see cref="SignedBatch"/>).</summary>
    public override object? Prepare(IReadOnlyList<Document> batch, ParallelOptions parallel) => Signer.Sign(batch, parallel, keepTexts: !TextsFromSpill);

    public override void Observe(IReadOnlyList<Document> batch, object? prepared)
    {
        var signed = (SignedBatch)prepared!;
        if (!InShards)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                State.Add(signed, i, batch[i].Ordinal, stage.Rank(batch[i]), batch[i].Id);
            }

            return;
        }

        var w = _observations ??= new BinaryWriter(
            FileWrites.CreateNew(Path.Combine(Context.WorkDirectory, ObservationFile)), Encoding.UTF8);
        for (var i = 0; i < batch.Count; i++)
        {
            w.Write(batch[i].Ordinal);
            w.Write(stage.Rank(batch[i]));
            w.Write(batch[i].Id);
            w.Write(signed.HasShingles[i]);
            if (KeepsBandKeysOnly)
            {
                foreach (var band in signed.BandsOf(i))
                {
                    w.Write(band.Key);
                }
            }
            else
            {
                w.Write(MemoryMarshal.AsBytes(signed.Signature(i)));
            }

            // The verification blob carries its own length (0: none), read in place by the resolve unit.
            var blob = signed.Texts.Length > 0 ? signed.Texts[i] : null;
            if (blob is null)
            {
                w.Write(0);
            }
            else
            {
                w.Write(blob);
            }
        }
    }

    /// <summary>Observes one record signed straight from its bytes (a run that makes no documents).</summary>
    internal void Observe(SignedBatch signed, int slot, long ordinal, int textLength, string id) =>
        State.Add(signed, slot, ordinal, stage.Rank(textLength), id);

    public override void ObservationsSpilled(string path, IReadOnlyList<long> lineStarts)
    {
        if (TextsFromSpill)
        {
            State.TextsAreIn(path, lineStarts);
        }
    }

    public override void SaveObservations(string directory)
    {
        _observations?.Dispose();
        _observations = null;
        var written = Path.Combine(Context.WorkDirectory, ObservationFile);
        var target = Path.Combine(directory, ObservationFile);
        if (File.Exists(written))
        {
            File.Move(written, target);
        }
        else
        {
            File.WriteAllBytes(target, []);
        }
    }

    public override void LoadObservations(string directory, ShardSpan shard)
    {
        var state = State;
        var first = (uint)state.Signatures.Count;
        var signature = new uint[stage.Options.NumPerm];
        var bands = new BandRecord[stage.Lsh.Bands];
        var keys = new ulong[stage.Lsh.Bands];
        var path = Path.Combine(directory, ObservationFile);
        var segment = state.AddSegment(path);
        using var r = new BinaryReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20), Encoding.UTF8);
        var length = r.BaseStream.Length;
        while (r.BaseStream.Position < length)
        {
            var ordinal = shard.OrdinalBase + r.ReadInt64();
            var rank = r.ReadInt64();
            var id = r.ReadString();
            var hasShingles = r.ReadBoolean();
            if (KeepsBandKeysOnly)
            {
                for (var k = 0; k < bands.Length; k++)
                {
                    keys[k] = r.ReadUInt64();
                }
            }
            else
            {
                r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(signature.AsSpan()));
            }

            var blobAt = r.BaseStream.Position;
            var blobLength = r.ReadInt32();
            r.BaseStream.Seek(blobLength, SeekOrigin.Current);
            state.Add(KeepsBandKeysOnly ? null : signature, keys, hasShingles, ordinal, rank, id, segment, blobLength == 0 ? -1 : blobAt, bands);
        }

        _loaded.Add((shard, first, (uint)state.Signatures.Count - first));
    }

    public override void Resolve()
    {
        var (clusters, summary) = State.Resolve(Parallel);
        _clusters = [.. clusters.OrderBy(c => c.Id)];
        var file = _clustersFile = Path.Combine(Context.WorkDirectory, $"{stage.Name}-{Guid.NewGuid():N}-{ClustersWriter.FileName}");
        var written = _clusters;
        _clustersWrite = Task.Run(() => ClustersWriter.Write(file, written));
        Summary = summary;
        _removals = [.. _clusters
            .SelectMany(c => c.Members.Where(m => !m.IsKept).Select(m => (m.Index, c, m.Similarity)))
            .OrderBy(r => r.Index)];
        _cursor = 0;
        _applied = 0;
    }

    public override void SaveDecisions(string directory, IReadOnlyList<ShardSpan> shards)
    {
        MoveClusters(Path.Combine(directory, ClustersWriter.FileName));
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

    public override void LoadDecisions(string directory, ShardSpan shard, string applied)
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

    public override void Apply(IReadOnlyList<Document> batch)
    {
        foreach (var document in batch)
        {
            // Removals are by observation index: the documents come back in the order they were observed.
            var index = _applied++;
            if (_cursor < _removals.Length && _removals[_cursor].Index == index)
            {
                var (_, cluster, similarity) = _removals[_cursor++];
                document.Remove(RemovalFor(cluster, similarity));
            }
        }
    }

    public override JsonObject? Finish(string? decisions, IReadOnlyList<(string Directory, ShardSpan Shard)> applied)
    {
        var output = Path.Combine(Context.OutputDirectory, ClustersWriter.FileName);
        if (decisions is null)
        {
            MoveClusters(output);
        }
        else
        {
            File.Copy(Path.Combine(decisions, ClustersWriter.FileName), output, overwrite: true);
            var saved = Path.Combine(decisions, SummaryFile);
            Summary = File.Exists(saved) ? NearDedupSummary.Load(saved) : null;
        }

        Dispose();
        return Summary?.ToJson();
    }

    /// <summary>The text-only path, when the kept member is chosen without metadata.</summary>
    public override TextOnlyRun? TextOnly => InShards || !stage.RanksWithoutMetadata ? null : _textOnly ??= new TextOnlyPath(this, stage);

    /// <summary>Puts the clusters file written since the resolve at <paramref name="path"/>; writes it there if the resolve did not.</summary>
    private void MoveClusters(string path)
    {
        if (_clustersWrite is null)
        {
            ClustersWriter.Write(path, _clusters);
            return;
        }

        _clustersWrite.GetAwaiter().GetResult();
        _clustersWrite = null;
        File.Move(_clustersFile!, path, overwrite: true);
    }

    public override void Dispose()
    {
        if (_clustersWrite is { } write)
        {
            // A run that ends early: the file is the work folder's, not an output.
            _clustersWrite = null;
            try
            {
                write.Wait();
            }
            catch (AggregateException)
            {
                // The run is failing already.
            }

            File.Delete(_clustersFile!);
        }

        _observations?.Dispose();
        _observations = null;
        _state?.Dispose();
        _state = null;
    }

    /// <summary>On the text-only path: each text signed in the parallel step, the batch observed while the next is signed.</summary>
    private sealed class TextOnlyPath(NearDedupRun run, NearDedupStage stage) : TextOnlyRun
    {
        private readonly BatchSigner _signer = stage.CreateSigner();

        public override string Reason => NearDedupStage.Reason;

        // Without the removals' detail strings, which counting alone does not need.
        public override IEnumerable<uint> RemovedIndexes => run.RemovedIndexes;

        public override IEnumerable<(uint Index, Removal Removal)> Removals => run.Removals;

        public override TextSlots CreateSlots(int capacity) => new Signed(stage.CreateBatch(capacity));

        public override object? CreateWorkspace() => _signer.CreateWorkspace();

        public override void Prepare(TextSlots slots, object? workspace, int slot, ReadOnlySpan<char> text, bool knownNfc, in TextPlace place) =>
            _signer.SignOne((BatchSigner.Workspace)workspace!, text, ((Signed)slots).Batch, slot, knownNfc, place);

        public override void Take(TextSlots slots, TextRecords records)
        {
            var batch = ((Signed)slots).Batch;
            for (var i = 0; i < records.Count; i++)
            {
                if (records.Rejections[i] is null && !records.Removed[i])
                {
                    run.Observe(batch, i, records.Ordinals[i], records.TextLengths[i], records.Ids[i]!);
                }
            }
        }

        private sealed class Signed(SignedBatch batch) : TextSlots
        {
            public SignedBatch Batch { get; } = batch;

            public override void Reset(int count)
            {
                // Signing sets these only for records with words.
                Array.Clear(Batch.HasShingles, 0, count);
                if (Batch.Texts.Length > 0)
                {
                    Array.Clear(Batch.Texts, 0, count);
                    Array.Clear(Batch.Places, 0, count);
                }
            }
        }
    }
}
