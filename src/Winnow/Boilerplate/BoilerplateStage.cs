using Winnow.Documents;
using Winnow.Hashing;
using Winnow.Pipeline;

namespace Winnow.Boilerplate;

/// <summary>
/// Flags paragraphs and lines that recur in at least <see cref="BoilerplateOptions.MinDocs"/>
/// documents of a group (host, metadata field, or the whole corpus), then removes or annotates
/// them, and writes boilerplate.jsonl.
/// </summary>
/// <remarks>
/// A whole-corpus stage. Observe: per document, the distinct hashes of its normalized units
/// are spilled as (group, hash, ordinal) records in sorted runs. Resolve merges the
/// runs and counts documents per (group, hash) exactly; only flagged pairs stay in memory. Apply: units are hashed again and flagged ones cut or annotated. Memory grows with the spill
/// buffer (fixed), the number of flagged (group, hash) pairs, and the report entries; not with
/// the corpus. Thread-safe: configuration only; each run's state is a <see cref="BoilerplateRun"/>,
/// which uses the run's threads inside a batch.
/// </remarks>
public sealed class BoilerplateStage : CorpusStage
{
    /// <summary>Reason recorded on documents that were nothing but boilerplate.</summary>
    public const string OnlyBoilerplateReason = RemovalReasons.OnlyBoilerplate;

    /// <summary>The stage's output file under the run's output folder.</summary>
    public const string ReportFileName = RunFiles.Boilerplate;

    /// <summary>Creates the stage.</summary>
    public BoilerplateStage(BoilerplateOptions options) => Options = options;

    /// <summary>Creates the stage with default options.</summary>
    public BoilerplateStage()
        : this(new BoilerplateOptions())
    {
    }

    /// <inheritdoc />
    public override string Name => "boilerplate";

    /// <inheritdoc/>
    internal override bool EditsText => Options.Mode != BoilerplateMode.Annotate;

    internal BoilerplateOptions Options { get; }

    internal override CorpusStageRun Start(StageContext context) => new BoilerplateRun(this, context);

    internal static ulong GroupHash(string group) => XxHash64.Hash(group.AsSpan(), 0xB0B0);

    internal static ulong[] DistinctHashes(List<TextUnit> units)
    {
        if (units.Count == 0)
        {
            return [];
        }

        var hashes = new ulong[units.Count];
        for (var i = 0; i < hashes.Length; i++)
        {
            hashes[i] = units[i].Hash;
        }

        Array.Sort(hashes);
        var n = 1;
        for (var i = 1; i < hashes.Length; i++)
        {
            if (hashes[i] != hashes[n - 1])
            {
                hashes[n++] = hashes[i];
            }
        }

        return n == hashes.Length ? hashes : hashes[..n];
    }
}
