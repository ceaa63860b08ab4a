using System.Text.Json;
using System.Text.Json.Nodes;

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

    /// <summary>Documents joined to a cluster by containment (exact verification: most of their shingles are in one cluster's members).</summary>
    public long Attached { get; init; }

    /// <summary>Clusters with two or more members.</summary>
    public long Clusters { get; init; }

    /// <summary>Documents removed (cluster members that are not kept).</summary>
    public long Removed { get; init; }

    /// <summary>The summary as stats.json's <c>details</c> of the stage.</summary>
    public JsonObject ToJson() => new()
    {
        ["documents"] = Documents,
        ["signed"] = Signed,
        ["bands"] = Lsh.Bands,
        ["rows"] = Lsh.Rows,
        ["band_records"] = BandRecords,
        ["spilled_runs"] = SpilledRuns,
        ["candidate_pairs"] = CandidatePairs,
        ["verified_pairs"] = VerifiedPairs,
        ["accepted_pairs"] = AcceptedPairs,
        ["attached"] = Attached,
        ["clusters"] = Clusters,
        ["removed"] = Removed,
    };

    /// <summary>Writes the summary as a JSON file (a sharded run's resolve unit hands it to the finish).</summary>
    public void Save(string path) => File.WriteAllText(path, ToJson().ToJsonString());

    /// <summary>Reads a summary written by <see cref="Save"/>.</summary>
    public static NearDedupSummary Load(string path) => FromJson(JsonDocument.Parse(File.ReadAllBytes(path)).RootElement);

    /// <summary>Reads a summary from its JSON (a file, or stats.json's stage details).</summary>
    public static NearDedupSummary FromJson(JsonElement r)
    {
        return new NearDedupSummary
        {
            Documents = r.GetProperty("documents").GetInt64(),
            Signed = r.GetProperty("signed").GetInt64(),
            Lsh = new LshParameters(r.GetProperty("bands").GetInt32(), r.GetProperty("rows").GetInt32()),
            BandRecords = r.GetProperty("band_records").GetInt64(),
            SpilledRuns = r.GetProperty("spilled_runs").GetInt32(),
            CandidatePairs = r.GetProperty("candidate_pairs").GetInt64(),
            VerifiedPairs = r.GetProperty("verified_pairs").GetInt64(),
            AcceptedPairs = r.GetProperty("accepted_pairs").GetInt64(),
            Attached = r.TryGetProperty("attached", out var attached) ? attached.GetInt64() : 0,
            Clusters = r.GetProperty("clusters").GetInt64(),
            Removed = r.GetProperty("removed").GetInt64(),
        };
    }
}
