using Winnow.Boilerplate;
using Winnow.Documents;
using Winnow.Hashing;
using Winnow.Pipeline;
using Winnow.Spill;
using Winnow.Text;

namespace Winnow.Reuse;

/// <summary>
/// Finds passages shared between documents and writes them to reuse.jsonl: candidate pairs from
/// shared rare word n-grams, then a local alignment of each pair that tolerates small edits.
/// Documents are not changed.
/// </summary>
/// <remarks>
/// A whole-corpus stage. First pass: each document's winnowed n-gram fingerprints are spilled as
/// (hash, ordinal, host) records in sorted runs. <see cref="Resolve"/> merges them; fingerprints
/// in more than <see cref="ReuseOptions.MaxDf"/> documents are skipped, the others emit document
/// pairs, which are spilled, merged and counted; pairs sharing at least
/// <see cref="ReuseOptions.MinSharedFingerprints"/> fingerprints become candidates (on disk).
/// Second pass: the texts of documents in candidate pairs are copied to a disk store.
/// <see cref="Complete"/> aligns the candidate pairs in parallel, in pair order, and writes
/// passages. Memory grows with the spill buffers (fixed), one bit per document, and an index
/// entry per document taking part in a pair; not with text volume or pair count.
/// Not thread-safe; the runner calls it one batch at a time.
/// </remarks>
public sealed partial class ReuseStage : CorpusStage
{
    /// <summary>The stage's output file under the run's output folder.</summary>
    public const string ReportFileName = "reuse.jsonl";

    private readonly ReuseOptions _options;
    private readonly OrdinalSet _participants = new();
    private ExternalSorter<FingerprintRecord>? _fingerprints;
    private TextStore? _texts;
    private string? _pairsPath;

    /// <summary>Creates the stage.</summary>
    public ReuseStage(ReuseOptions options) => _options = options;

    /// <summary>Creates the stage with default options.</summary>
    public ReuseStage()
        : this(new ReuseOptions())
    {
    }

    /// <inheritdoc />
    public override string Name => "reuse";

    /// <inheritdoc />
    public override bool NeedsWholeCorpus => true;

    /// <summary>Counts from the run, for reports and benchmarks.</summary>
    public ReuseCounts Counts { get; } = new();

    /// <inheritdoc />
    public override void ProcessBatch(IReadOnlyList<Document> batch, StageContext context)
    {
        _fingerprints ??= new ExternalSorter<FingerprintRecord>(context.WorkDirectory, "reuse-fp", _options.SpillRecords);
        var prints = new ulong[batch.Count][];
        var hosts = new uint[batch.Count];
        ParallelChunks.For(batch.Count, Parallel(context), (_, from, to) =>
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
                _fingerprints.Add(new FingerprintRecord(hash, batch[i].Ordinal, hosts[i]));
            }
        }
    }

    /// <inheritdoc />
    public override void Resolve(StageContext context)
    {
        _pairsPath = Path.Combine(context.WorkDirectory, "reuse-pairs.bin");
        using var pairs = new ExternalSorter<PairRecord>(context.WorkDirectory, "reuse-pairs", _options.SpillRecords);
        if (_fingerprints is not null)
        {
            using var fingerprints = _fingerprints;
            Counts.Fingerprints = fingerprints.Count;
            CandidateGenerator.EmitPairs(fingerprints.ReadSorted(), _options, pairs, Counts);
            _fingerprints = null;
        }

        using var output = new BinaryWriter(new FileStream(_pairsPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16));
        CandidateGenerator.CountPairs(pairs.ReadSorted(), _options.MinSharedFingerprints, pair =>
        {
            output.Write(pair.A);
            output.Write(pair.B);
            _participants.Add(pair.A);
            _participants.Add(pair.B);
            Counts.CandidatePairs++;
        });
    }

    /// <inheritdoc />
    public override void ApplyBatch(IReadOnlyList<Document> batch, StageContext context)
    {
        _texts ??= new TextStore(context.WorkDirectory);
        foreach (var document in batch)
        {
            if (!document.IsRemoved && _participants.Contains(document.Ordinal))
            {
                _texts.Add(document.Ordinal, document.Id, document.Text);
            }
        }
    }

    /// <inheritdoc />
    public override void Complete(StageContext context)
    {
        using var texts = _texts ?? new TextStore(context.WorkDirectory);
        _texts = null;
        texts.Seal();
        var path = Path.Combine(context.OutputDirectory, ReportFileName);
        PairAlignment.AlignAll(_pairsPath, texts, _options, path, Parallel(context), Counts);
        if (_pairsPath is not null)
        {
            File.Delete(_pairsPath);
        }
    }

    private static ParallelOptions Parallel(StageContext context) =>
        new() { MaxDegreeOfParallelism = Math.Max(1, context.Parallelism), CancellationToken = context.CancellationToken };
}
