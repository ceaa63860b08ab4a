namespace Winnow.Boilerplate;

/// <summary>Options of <see cref="BoilerplateStage"/>.</summary>
public readonly record struct BoilerplateOptions
{
    /// <summary>Creates the defaults.</summary>
    public BoilerplateOptions()
    {
    }

    /// <summary>
    /// Where paragraphs are counted: "host" (from the URL, without "www."), "none" (the whole
    /// corpus), or the name of a metadata field such as "author". Default "host": a paragraph
    /// repeated across one site is its template; across sites it may be a quotation.
    /// </summary>
    public string GroupBy { get; init; } = "host";

    /// <summary>
    /// A paragraph or line is flagged when it occurs in at least this many documents of one group.
    /// Default 3: two documents sharing a paragraph is as often a quote or a follow-up as a template.
    /// </summary>
    public int MinDocs { get; init; } = 3;

    /// <summary>Paragraphs and lines with fewer words are not counted. Default 1.</summary>
    public int MinWords { get; init; } = 1;

    /// <summary>Remove (default) or only annotate flagged text.</summary>
    public BoilerplateMode Mode { get; init; } = BoilerplateMode.Remove;

    /// <summary>Document ids listed per paragraph in boilerplate.jsonl. Default 3.</summary>
    public int MaxExamples { get; init; } = 3;

    /// <summary>Records (24 bytes each) held in memory before a sorted run is spilled. Default 4 Mi (96 MiB).</summary>
    public int SpillRecords { get; init; } = 4 << 20;
}
