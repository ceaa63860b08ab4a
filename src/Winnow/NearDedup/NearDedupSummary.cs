namespace Winnow.NearDedup;

/// <summary>Counts from one run of <see cref="NearDedupStage"/>, for reports and benchmarks.</summary>
public sealed record NearDedupSummary
{
    /// <summary>Documents observed.</summary>
    public long Documents { get; init; }

    /// <summary>Documents with at least one word (the others are never clustered).</summary>
    public long Signed { get; init; }

    /// <summary>The LSH layout used.</summary>
    public LshParameters Lsh { get; init; }

    /// <summary>Band records sorted.</summary>
    public long BandRecords { get; init; }

    /// <summary>Sorted runs spilled to disk (0: everything fit in memory).</summary>
    public int SpilledRuns { get; init; }

    /// <summary>Candidate pairs from band collisions (before skipping pairs already joined).</summary>
    public long CandidatePairs { get; init; }

    /// <summary>Pairs checked by verification.</summary>
    public long VerifiedPairs { get; init; }

    /// <summary>Checked pairs that passed and joined two clusters or were already joined.</summary>
    public long AcceptedPairs { get; init; }

    /// <summary>Clusters with two or more members.</summary>
    public long Clusters { get; init; }

    /// <summary>Documents removed (cluster members that are not kept).</summary>
    public long Removed { get; init; }
}
