using System.Globalization;
using Winnow.Documents;
using Winnow.Pipeline;

namespace Winnow.NearDedup;

/// <summary>
/// Near-duplicate removal with MinHash-LSH. Observe: word n-gram shingles → MinHash signature →
/// band keys; signatures, band records and ids are spilled under the work folder. Resolve: external
/// sort of the band records, candidate pairs from shared buckets, verification, clusters, kept
/// member by policy. Apply: every other member is removed, naming its cluster and the kept
/// document. Finish: clusters.jsonl in the output folder.
/// </summary>
/// <remarks>
/// Output depends only on the input and the options, never on threads or batch sizes (cluster id
/// = input ordinal of the first member). Memory: see docs/neardup.md. Thread-safe: configuration
/// only; each run's state is a <see cref="NearDedupRun"/>.
/// </remarks>
public sealed class NearDedupStage : CorpusStage
{
    /// <summary>The reason recorded on removed documents.</summary>
    public const string Reason = RemovalReasons.NearDuplicate;

    /// <summary>Creates the stage; throws when an option is out of range.</summary>
    public NearDedupStage(MinHashOptions options = default)
    {
        options = options == default ? new MinHashOptions() : options;
        options.Validate();
        Options = options;
        Lsh = options.Lsh;
        Signer = new MinHashSigner(options.NumPerm, options.Seed);
    }

    /// <inheritdoc />
    public override string Name => "near_dedup";

    /// <inheritdoc/>
    internal override bool EditsText => false;

    internal MinHashOptions Options { get; }

    internal LshParameters Lsh { get; }

    internal MinHashSigner Signer { get; }

    /// <summary>True when the kept member can be chosen without metadata (any policy but earliest-date).</summary>
    internal bool RanksWithoutMetadata => Options.Keep != KeepPolicy.EarliestDate;

    internal override CorpusStageRun Start(StageContext context) => new NearDedupRun(this, context);

    internal SignedBatch CreateBatch(int count) => new(count, Options.NumPerm, Lsh.Bands, Options.Verify == VerifyMode.Exact);

    internal BatchSigner CreateSigner() => new(Options, Lsh, Signer);

    // Smaller rank = preferred; documents of equal rank keep input order.
    internal long Rank(Document document) => Options.Keep switch
    {
        KeepPolicy.Longest => -document.Text.Length,
        KeepPolicy.EarliestDate => DateTimeOffset.TryParse(document.GetMetadataString(Options.DateField), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date.UtcTicks
            : long.MaxValue,
        _ => 0,
    };

    /// <summary>The rank of a document known only by its text's length (the policies that need no metadata).</summary>
    internal long Rank(int textLength) => Options.Keep == KeepPolicy.Longest ? -textLength : 0;
}
