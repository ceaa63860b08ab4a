namespace Winnow.Filters;

/// <summary>
/// Options of <see cref="C4Filter"/>. Defaults follow Raffel et al. 2020 (C4, section 2.2) and the
/// C4 code in TensorFlow Datasets (c4_utils), as DataTrove's C4QualityFilter also does: lines
/// without terminal punctuation, with fewer than 3 words, a word over 1000 characters,
/// "javascript" or a cookie/terms-of-use phrase are dropped; a page with "lorem ipsum" or a curly
/// brace, or with fewer than 5 sentences left, is removed.
/// </summary>
public readonly record struct C4Options
{
    /// <summary>Creates the options with C4's values.</summary>
    public C4Options()
    {
    }

    /// <summary>
    /// Remove (default): drop failing lines from the text and remove failing pages. Annotate: change
    /// nothing, record the line counts and the rule that would remove the page.
    /// </summary>
    public FilterMode Mode { get; init; } = FilterMode.Remove;

    /// <summary>Count as the papers say (default) or exactly as DataTrove does (see <see cref="FilterCompat"/>).</summary>
    public FilterCompat Compat { get; init; } = FilterCompat.Papers;

    /// <summary>Drop lines not ending in . ? ! " ' (or ending in "..."); default true.</summary>
    public bool DropLinesWithoutTerminalPunctuation { get; init; } = true;

    /// <summary>Drop lines with fewer words (default 3; null disables).</summary>
    public int? MinWordsPerLine { get; init; } = 3;

    /// <summary>Drop lines holding a longer word (default 1000; null disables).</summary>
    public int? MaxWordLength { get; init; } = 1000;

    /// <summary>Drop lines mentioning "javascript" (default true).</summary>
    public bool DropJavascriptLines { get; init; } = true;

    /// <summary>Drop lines with "terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies" or "use cookies" (default true).</summary>
    public bool DropPolicyLines { get; init; } = true;

    /// <summary>Remove Wikipedia-style citation marks "[1]", "[edit]", "[citation needed]" from lines (default true).</summary>
    public bool RemoveCitations { get; init; } = true;

    /// <summary>Remove pages containing "lorem ipsum" (default true).</summary>
    public bool RemoveLoremIpsum { get; init; } = true;

    /// <summary>Remove pages containing "{" (default true).</summary>
    public bool RemoveCurlyBrace { get; init; } = true;

    /// <summary>Fewest sentences left after line filtering (default 5; null disables).</summary>
    public int? MinSentences { get; init; } = 5;
}
