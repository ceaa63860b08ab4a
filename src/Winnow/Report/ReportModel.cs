namespace Winnow.Report;

/// <summary>A removed or annotated document shown as an example.</summary>
internal sealed record ExampleDoc(string Id, string? Url, string? Title, string? Stage, string? KeptId, string? Detail, string Preview, string? Attributes);

/// <summary>A rejected input record shown as an example.</summary>
internal sealed record ExampleRejection(string? File, long Line, string? Message, long Bytes, string? Preview);

/// <summary>A cluster member: similarity to the kept member (1 for the kept one).</summary>
internal sealed record ClusterMemberEntry(string Id, double Similarity, bool IsKept);

/// <summary>A duplicate cluster: near duplicates from clusters.jsonl, or exact duplicates grouped by kept_id.</summary>
internal sealed record ClusterEntry(string Id, string Kind, string Kept, long Size, List<ClusterMemberEntry> Members);

/// <summary>A boilerplate paragraph or line from boilerplate.jsonl.</summary>
internal sealed record BoilerplateEntry(string Text, string? Kind, long Docs, List<(string Group, long Docs)> Groups, List<string> Examples);

/// <summary>A reuse passage from reuse.jsonl; the passage texts are filled in by the second pass.</summary>
internal sealed class ReuseEntry
{
    public required string A { get; init; }

    public required string B { get; init; }

    public int AStart { get; init; }

    public int AEnd { get; init; }

    public int BStart { get; init; }

    public int BEnd { get; init; }

    public long MatchedWords { get; init; }

    public double Similarity { get; init; }

    public string? AText { get; set; }

    public string? BText { get; set; }
}

/// <summary>What the page knows of a document it shows: url, title and (for some) text.</summary>
internal sealed class DocInfo
{
    public string? Url { get; set; }

    public string? Title { get; set; }

    public string? Text { get; set; }

    public int TextLength { get; set; }

    public bool WantText { get; set; }

    public bool Removed { get; set; }
}
