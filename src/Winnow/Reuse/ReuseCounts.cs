namespace Winnow.Reuse;

/// <summary>What <see cref="ReuseStage"/> saw and found. Written by the stage only; read after the run.</summary>
public sealed class ReuseCounts
{
    /// <summary>Documents observed.</summary>
    public long Documents { get; internal set; }

    /// <summary>Fingerprint records spilled (distinct per document).</summary>
    public long Fingerprints { get; internal set; }

    /// <summary>Distinct fingerprints skipped because more than MaxDf documents have them.</summary>
    public long SkippedFingerprints { get; internal set; }

    /// <summary>Pair records emitted by shared fingerprints, before counting.</summary>
    public long PairRecords { get; internal set; }

    /// <summary>Document pairs aligned.</summary>
    public long CandidatePairs { get; internal set; }

    /// <summary>Passages written.</summary>
    public long Passages { get; internal set; }

    /// <summary>The counts as stats.json's <c>details</c> of the stage.</summary>
    public System.Text.Json.Nodes.JsonObject ToJson() => new()
    {
        ["documents"] = Documents,
        ["fingerprints"] = Fingerprints,
        ["skipped_fingerprints"] = SkippedFingerprints,
        ["pair_records"] = PairRecords,
        ["candidate_pairs"] = CandidatePairs,
        ["passages"] = Passages,
    };
}
