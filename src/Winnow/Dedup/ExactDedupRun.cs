using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;
using Winnow.Documents;
using Winnow.IO;
using Winnow.Pipeline;
using Winnow.Readers;

namespace Winnow.Dedup;

/// <summary>
/// One run of exact dedup: the table of texts seen (hash → id of the first document), and the
/// duplicates to remove. In one process a batch is decided as it is observed and applied right
/// after; in a sharded run the map units write each document's hash, the resolve unit reads the
/// shards in order and decides, and the apply units remove.
/// </summary>
/// <remarks>Not thread-safe: the runner calls one method at a time.</remarks>
internal sealed class ExactDedupRun(ExactDedupStage stage, StageContext context) : CorpusStageRun(context)
{
    private const string ObservationFile = "exact.bin";
    private readonly Dictionary<UInt128, string> _firstSeen = [];

    // To remove by ordinal: in one process the batch just observed; in an apply unit its shard's.
    private readonly Dictionary<long, string> _duplicates = [];

    // The resolve unit's decisions, in ordinal order.
    private readonly List<(long Ordinal, string KeptId)> _resolved = [];
    private BinaryWriter? _observations;
    private TextOnlyPath? _textOnly;

    public override void Observe(IReadOnlyList<Document> batch) => Observe(batch, Prepare(batch, Parallel));

    /// <summary>The hashes of the batch's texts.</summary>
    public override object? Prepare(IReadOnlyList<Document> batch, ParallelOptions parallel) => stage.HashAll(batch, parallel);

    public override void Observe(IReadOnlyList<Document> batch, object? prepared)
    {
        var hashes = (UInt128[])prepared!;
        if (!InShards)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                // Batches arrive in input order and are scanned in order: the first seen wins.
                if (EarlierWithText(hashes[i], batch[i].Id) is { } keptId)
                {
                    _duplicates[batch[i].Ordinal] = keptId;
                }
            }

            return;
        }

        _observations ??= new BinaryWriter(FileWrites.CreateNew(Path.Combine(Context.WorkDirectory, ObservationFile), bufferSize: 1 << 16), Encoding.UTF8);
        for (var i = 0; i < batch.Count; i++)
        {
            _observations.Write((ulong)(hashes[i] >> 64));
            _observations.Write((ulong)hashes[i]);
            _observations.Write(batch[i].Ordinal);
            _observations.Write(batch[i].Id);
        }
    }

    /// <summary>The id of the first document with this text, or null (and it becomes the first).</summary>
    internal string? EarlierWithText(UInt128 hash, string id)
    {
        // One table lookup whether the text is new or not.
        ref var keptId = ref CollectionsMarshal.GetValueRefOrAddDefault(_firstSeen, hash, out var seen);
        if (seen)
        {
            return keptId;
        }

        keptId = id;
        return null;
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
        using var r = new BinaryReader(File.OpenRead(Path.Combine(directory, ObservationFile)), Encoding.UTF8);
        var length = r.BaseStream.Length;
        while (r.BaseStream.Position < length)
        {
            var hash = new UInt128(r.ReadUInt64(), r.ReadUInt64());
            var ordinal = shard.OrdinalBase + r.ReadInt64();
            var id = r.ReadString();
            if (EarlierWithText(hash, id) is { } keptId)
            {
                _resolved.Add((ordinal, keptId));
            }
        }
    }

    public override void Resolve()
    {
        // Decided while the shards' observations were loaded, in shard order.
    }

    public override void SaveDecisions(string directory, IReadOnlyList<ShardSpan> shards)
    {
        // Duplicates were found in ordinal order, so each shard's are one contiguous run.
        var next = 0;
        foreach (var shard in shards)
        {
            using var w = new BinaryWriter(File.Create(Path.Combine(directory, $"shard-{shard.Index:D5}.bin")), Encoding.UTF8);
            for (; next < _resolved.Count && _resolved[next].Ordinal < shard.OrdinalBase + shard.Ordinals; next++)
            {
                w.Write(_resolved[next].Ordinal - shard.OrdinalBase);
                w.Write(_resolved[next].KeptId);
            }
        }
    }

    public override void LoadDecisions(string directory, ShardSpan shard, string applied)
    {
        _duplicates.Clear();
        using var r = new BinaryReader(File.OpenRead(Path.Combine(directory, $"shard-{shard.Index:D5}.bin")), Encoding.UTF8);
        var length = r.BaseStream.Length;
        while (r.BaseStream.Position < length)
        {
            _duplicates.Add(r.ReadInt64(), r.ReadString());
        }
    }

    public override void Apply(IReadOnlyList<Document> batch)
    {
        foreach (var document in batch)
        {
            if (_duplicates.Remove(document.Ordinal, out var keptId))
            {
                document.Remove(new Removal(stage.Name, ExactDedupStage.Reason, keptId));
            }
        }
    }

    public override JsonObject? Finish(string? decisions, IReadOnlyList<(string Directory, ShardSpan Shard)> applied) => null;

    public override TextOnlyRun? TextOnly => InShards ? null : _textOnly ??= new TextOnlyPath(this, stage);

    public override void Dispose() => _observations?.Dispose();

    /// <summary>On the text-only path: each text hashed in the parallel step, the first seen decided in input order.</summary>
    private sealed class TextOnlyPath(ExactDedupRun run, ExactDedupStage stage) : TextOnlyRun
    {
        public override string Reason => ExactDedupStage.Reason;

        public override TextSlots CreateSlots(int capacity) => new Hashes(capacity);

        public override void Prepare(TextSlots slots, object? workspace, int slot, ReadOnlySpan<char> text, bool knownNfc, in TextPlace place) =>
            ((Hashes)slots).Of[slot] = ExactDedupStage.Hash(text, stage.Normalization, knownNfc);

        public override Removal? Decide(TextSlots slots, int slot, string id) =>
            run.EarlierWithText(((Hashes)slots).Of[slot], id) is { } keptId ? new Removal(stage.Name, ExactDedupStage.Reason, keptId) : null;

        private sealed class Hashes(int capacity) : TextSlots
        {
            public UInt128[] Of { get; } = new UInt128[capacity];

            public override void Reset(int count)
            {
                // Every record that is read gets its hash: nothing to clear.
            }
        }
    }
}
