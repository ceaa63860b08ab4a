using System.Globalization;
using Winnow.Documents;
using Winnow.Pipeline;

namespace Winnow.NearDedup;

/// <summary>
/// Near-duplicate removal with MinHash-LSH. First pass: word n-gram shingles → MinHash signature
/// → band keys; signatures, band records and ids are spilled under the work folder. Resolve:
/// external sort of the band records, candidate pairs from shared buckets, verification,
/// union-find clusters, kept member by policy. Second pass: every other member is removed,
/// naming its cluster and the kept document. Complete: clusters.jsonl in the output folder.
/// </summary>
/// <remarks>
/// Output depends only on the input and the options, never on threads or batch sizes (cluster id
/// = input ordinal of the first member). Memory: see docs/neardup.md. Not thread-safe; the runner
/// calls it one batch at a time and it uses <see cref="StageContext.Parallelism"/> threads inside.
/// </remarks>
public sealed partial class NearDedupStage : CorpusStage, IDisposable
{
    /// <summary>The reason recorded on removed documents.</summary>
    public const string Reason = "near_duplicate";

    private readonly MinHashOptions _options;
    private readonly LshParameters _lsh;
    private readonly MinHashSigner _signer;
    private StageState? _state;
    private List<NearDuplicateCluster> _clusters = [];
    private (uint Index, NearDuplicateCluster Cluster, double Similarity)[] _removals = [];
    private int _cursor;
    private uint _applied;

    /// <summary>Creates the stage; throws when an option is out of range.</summary>
    public NearDedupStage(MinHashOptions options = default)
    {
        options = options == default ? new MinHashOptions() : options;
        options.Validate();
        _options = options;
        _lsh = options.Lsh;
        _signer = new MinHashSigner(new MinHashPermutations(options.NumPerm, options.Seed));
    }

    /// <inheritdoc />
    public override string Name => "near_dedup";

    /// <inheritdoc />
    public override bool NeedsWholeCorpus => true;

    /// <summary>The clusters found (after <see cref="Resolve"/>), in cluster-id order.</summary>
    public IReadOnlyList<NearDuplicateCluster> Clusters => _clusters;

    /// <summary>Counts of the last run (after <see cref="Resolve"/>).</summary>
    public NearDedupSummary? Summary { get; private set; }

    /// <inheritdoc />
    public override void ProcessBatch(IReadOnlyList<Document> batch, StageContext context)
    {
        _state ??= new StageState(_options, _lsh, Path.Combine(context.WorkDirectory, Name + "-" + Guid.NewGuid().ToString("N")));
        var signed = new BatchSigner(_options, _lsh, _signer).Sign(batch, Parallel(context));
        for (var i = 0; i < batch.Count; i++)
        {
            _state.Add(signed, i, batch[i].Ordinal, Rank(batch[i]), batch[i].Id);
        }
    }

    /// <summary>Whether <see cref="Observe"/> can rank a document by its text alone (every keep policy but the earliest date).</summary>
    internal bool RanksWithoutMetadata => _options.Keep != KeepPolicy.EarliestDate;

    /// <summary>Slots for <paramref name="count"/> documents, to fill with <see cref="CreateSigner"/>'s <see cref="BatchSigner.SignOne"/>.</summary>
    internal SignedBatch CreateBatch(int count) => new(count, _options.NumPerm, _lsh.Bands, _options.Verify == VerifyMode.Exact);

    internal BatchSigner CreateSigner() => new(_options, _lsh, _signer);

    /// <summary>Takes the document signed into slot <paramref name="slot"/> as the next document of the run, as <see cref="ProcessBatch"/> would.</summary>
    internal void Observe(SignedBatch signed, int slot, long ordinal, int textLength, string id, StageContext context)
    {
        _state ??= new StageState(_options, _lsh, Path.Combine(context.WorkDirectory, Name + "-" + Guid.NewGuid().ToString("N")));
        var rank = _options.Keep == KeepPolicy.Longest ? -textLength : 0;
        _state.Add(signed, slot, ordinal, rank, id);
    }

    /// <summary>The indexes (in input order among documents) of the documents removed (after <see cref="Resolve"/>), ascending.</summary>
    internal IEnumerable<uint> RemovedIndexes => _removals.Select(r => r.Index);

    /// <inheritdoc />
    public override void Resolve(StageContext context)
    {
        var state = _state ?? new StageState(_options, _lsh, Path.Combine(context.WorkDirectory, Name + "-" + Guid.NewGuid().ToString("N")));
        _state = state;
        var (clusters, summary) = state.Resolve(Parallel(context));
        _clusters = [.. clusters.OrderBy(c => c.Id)];
        Summary = summary;
        _removals = [.. _clusters
            .SelectMany(c => c.Members.Where(m => !m.IsKept).Select(m => (m.Index, c, m.Similarity)))
            .OrderBy(r => r.Index)];
        _cursor = 0;
        _applied = 0;
    }

    /// <inheritdoc />
    public override void ApplyBatch(IReadOnlyList<Document> batch, StageContext context)
    {
        foreach (var document in batch)
        {
            var index = _applied++;
            if (_cursor < _removals.Length && _removals[_cursor].Index == index)
            {
                var (_, cluster, similarity) = _removals[_cursor++];
                var detail = string.Create(CultureInfo.InvariantCulture, $"cluster={cluster.Id} similarity={similarity:0.####}");
                document.Remove(new Removal(Name, Reason, cluster.KeptId, detail));
            }
        }
    }

    /// <inheritdoc />
    public override void Complete(StageContext context)
    {
        ClustersWriter.Write(Path.Combine(context.OutputDirectory, ClustersWriter.FileName), _clusters);
        Dispose();
    }

    /// <summary>Deletes the stage's spill files.</summary>
    public void Dispose()
    {
        _state?.Dispose();
        _state = null;
    }

    private static ParallelOptions Parallel(StageContext context) =>
        new() { MaxDegreeOfParallelism = Math.Max(1, context.Parallelism), CancellationToken = context.CancellationToken };

    // Smaller rank = preferred; documents of equal rank keep input order.
    private long Rank(Document document) => _options.Keep switch
    {
        KeepPolicy.Longest => -document.Text.Length,
        KeepPolicy.EarliestDate => DateTimeOffset.TryParse(document.GetMetadataString(_options.DateField), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date.UtcTicks
            : long.MaxValue,
        _ => 0,
    };
}
