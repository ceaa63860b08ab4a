namespace Winnow.Documents;

/// <summary>
/// The reasons stages give for removing a document, other than the filters' own
/// (<c>stage.rule</c>, such as <c>gopher_quality.word_count</c>). Stable: they are keys in
/// stats.json and values of <c>removed.reason</c>, read back by the report.
/// </summary>
public static class RemovalReasons
{
    /// <summary>The same normalized text as a document before it (exact dedup).</summary>
    public const string ExactDuplicate = "exact_duplicate";

    /// <summary>In a near-duplicate cluster whose kept document is another (near dedup).</summary>
    public const string NearDuplicate = "near_duplicate";

    /// <summary>Nothing but boilerplate paragraphs (boilerplate, remove mode).</summary>
    public const string OnlyBoilerplate = "boilerplate_only";

    /// <summary>An HTML page with no main text (extract).</summary>
    public const string NoContent = "no_content";
}
