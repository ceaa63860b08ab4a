namespace Winnow.Pipeline;

/// <summary>
/// The names of what a run writes in its output folder (layout in docs/formats.md), in one place:
/// the writers use them, and replacing a run (<c>--overwrite</c>) removes only these.
/// </summary>
public static class RunFiles
{
    /// <summary>Kept documents (a folder of shards).</summary>
    public const string Documents = "documents";

    /// <summary>Removed documents (a folder of shards).</summary>
    public const string Removed = "removed";

    /// <summary>Rejected input records (a folder of shards).</summary>
    public const string Rejected = "rejected";

    /// <summary>Dolma's attribute files, beside documents/ in the Dolma layout (a folder of folders of shards).</summary>
    public const string Attributes = "attributes";

    /// <summary>The accounting, written last.</summary>
    public const string Stats = "stats.json";

    /// <summary>The run report.</summary>
    public const string Report = "report.html";

    /// <summary>Near dedup's clusters.</summary>
    public const string Clusters = "clusters.jsonl";

    /// <summary>The boilerplate stage's flagged paragraphs.</summary>
    public const string Boilerplate = "boilerplate.jsonl";

    /// <summary>The reuse stage's passages.</summary>
    public const string Reuse = "reuse.jsonl";

    /// <summary>Scratch space between passes; removed at the end.</summary>
    public const string Work = ".work";

    /// <summary>A sharded run's plan, units and markers.</summary>
    public const string Sharding = ".winnow";

    /// <summary>Marks the folder as a run and lists what the run wrote (<see cref="OutputFolder"/>).</summary>
    public const string Manifest = ".winnow-run";

    /// <summary>Held locked while a run works in the folder.</summary>
    public const string Lock = ".winnow-lock";

    /// <summary>Every top-level name a run may write, for replacing a run that ended before its manifest was complete.</summary>
    public static IReadOnlyList<string> All { get; } = [Documents, Removed, Rejected, Attributes, Stats, "." + Stats + ".tmp", Report, Report + ".tmp", Clusters, Boilerplate, Reuse, Work, Sharding];
}
