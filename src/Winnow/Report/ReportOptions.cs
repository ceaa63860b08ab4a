namespace Winnow.Report;

/// <summary>
/// Size bounds of a run report. Every list in the page is cut at these bounds, so the page stays
/// small and quick to open whatever the corpus size; the page says where data was cut.
/// </summary>
/// <remarks>Immutable value; safe to share between threads.</remarks>
public readonly record struct ReportOptions
{
    /// <summary>Creates options with the documented defaults.</summary>
    public ReportOptions()
    {
    }

    /// <summary>Duplicate clusters listed, largest first. Default 2,000.</summary>
    public int MaxClusters { get; init; } = 2_000;

    /// <summary>Members listed per cluster (the kept one first). Default 50.</summary>
    public int MaxMembersPerCluster { get; init; } = 50;

    /// <summary>Members per cluster whose text is embedded for the side-by-side view. Default 6.</summary>
    public int TextsPerCluster { get; init; } = 6;

    /// <summary>Boilerplate paragraphs listed, most widespread first. Default 200.</summary>
    public int MaxBoilerplate { get; init; } = 200;

    /// <summary>Reuse passages listed, longest first. Default 500.</summary>
    public int MaxReusePassages { get; init; } = 500;

    /// <summary>Examples kept per removal reason, rejection reason and annotating stage. Default 20.</summary>
    public int ExamplesPerReason { get; init; } = 20;

    /// <summary>Characters kept of one document's text (longer texts are cut). Default 20,000.</summary>
    public int MaxTextChars { get; init; } = 20_000;

    /// <summary>Documents whose text is embedded for the side-by-side view, all clusters together. Default 1,000.</summary>
    public int MaxTextDocuments { get; init; } = 1_000;

    /// <summary>Characters kept of each side of a reuse passage. Default 5,000.</summary>
    public int MaxPassageChars { get; init; } = 5_000;

    /// <summary>Characters of text embedded in the page, all documents together. Default 6,000,000.</summary>
    public long TextBudgetChars { get; init; } = 6_000_000;

    /// <summary>Characters of an example's preview. Default 400.</summary>
    public int PreviewChars { get; init; } = 400;

    /// <summary>Threads that parse the run's documents/ and removed/ for the page; the page is the same for any number. Default: the processor count.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;
}
