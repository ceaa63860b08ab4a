namespace Winnow.Filters;

/// <summary>
/// Options of <see cref="GopherQualityFilter"/>. Defaults are the values of Rae et al. 2021
/// ("Scaling Language Models: Methods, Analysis &amp; Insights from Training Gopher", appendix A,
/// the MassiveWeb quality filter), as DataTrove's GopherQualityFilter also uses them. A null
/// threshold disables its rule.
/// </summary>
public readonly record struct GopherQualityOptions
{
    /// <summary>Creates the options with the paper's values.</summary>
    public GopherQualityOptions()
    {
    }

    /// <summary>Remove (default) or annotate.</summary>
    public FilterMode Mode { get; init; } = FilterMode.Remove;

    /// <summary>Count as the papers say (default) or exactly as DataTrove does (see <see cref="FilterCompat"/>).</summary>
    public FilterCompat Compat { get; init; } = FilterCompat.Papers;

    /// <summary>Fewest words (default 50).</summary>
    public int? MinWords { get; init; } = 50;

    /// <summary>Most words (default 100,000).</summary>
    public int? MaxWords { get; init; } = 100_000;

    /// <summary>Smallest mean word length in characters (default 3).</summary>
    public double? MinMeanWordLength { get; init; } = 3;

    /// <summary>Largest mean word length in characters (default 10).</summary>
    public double? MaxMeanWordLength { get; init; } = 10;

    /// <summary>Largest ratio of '#' to words, and of ellipses ("..." or "…") to words (default 0.1).</summary>
    public double? MaxSymbolWordRatio { get; init; } = 0.1;

    /// <summary>Largest fraction of lines starting with a bullet (default 0.9).</summary>
    public double? MaxBulletLineRatio { get; init; } = 0.9;

    /// <summary>Largest fraction of lines ending with an ellipsis (default 0.3).</summary>
    public double? MaxEllipsisLineRatio { get; init; } = 0.3;

    /// <summary>Smallest fraction of words holding at least one letter (default 0.8).</summary>
    public double? MinAlphabeticWordRatio { get; init; } = 0.8;

    /// <summary>Fewest distinct stop words present (default 2: "at least two of" the paper's eight).</summary>
    public int? MinStopWords { get; init; } = 2;

    /// <summary>The stop words, matched ignoring case, each counted once (default the paper's: the, be, to, of, and, that, have, with).</summary>
    public IReadOnlyList<string> StopWords { get; init; } = DefaultStopWords;

    /// <summary>The paper's stop words.</summary>
    public static IReadOnlyList<string> DefaultStopWords { get; } = ["the", "be", "to", "of", "and", "that", "have", "with"];
}
