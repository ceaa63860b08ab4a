using Winnow.Pipeline;

namespace Winnow.Reuse;

/// <summary>
/// Finds passages shared between documents and writes them to reuse.jsonl: candidate pairs from
/// shared rare word n-grams, then a local alignment of each pair that tolerates small edits.
/// Documents are not changed.
/// </summary>
/// <remarks>
/// A whole-corpus stage. Observe: each document's winnowed n-gram fingerprints are spilled as
/// (hash, ordinal, host) records in sorted runs. Resolve merges them; fingerprints
/// in more than <see cref="ReuseOptions.MaxDf"/> documents are skipped, the others emit document
/// pairs, which are spilled, merged and counted; pairs sharing at least
/// <see cref="ReuseOptions.MinSharedFingerprints"/> fingerprints become candidates (on disk).
/// Apply: the texts of documents in candidate pairs are copied to a disk store.
/// Finish aligns the candidate pairs in parallel, in pair order, and writes
/// passages. Memory grows with the spill buffers (fixed), one bit per document, and an index
/// entry per document taking part in a pair; not with text volume or pair count.
/// Thread-safe: configuration only; each run's state is a <see cref="ReuseRun"/>.
/// </remarks>
public sealed class ReuseStage : CorpusStage
{
    /// <summary>The stage's output file under the run's output folder.</summary>
    public const string ReportFileName = RunFiles.Reuse;

    /// <summary>Creates the stage.</summary>
    public ReuseStage(ReuseOptions options) => Options = options;

    /// <summary>Creates the stage with default options.</summary>
    public ReuseStage()
        : this(new ReuseOptions())
    {
    }

    /// <inheritdoc />
    public override string Name => "reuse";

    /// <inheritdoc/>
    internal override bool EditsText => false;

    internal ReuseOptions Options { get; }

    internal override CorpusStageRun Start(StageContext context) => new ReuseRun(this, context);
}
