namespace Winnow.Filters;

/// <summary>
/// Options of <see cref="GopherRepetitionFilter"/>. Defaults are Table A1 of Rae et al. 2021 (Gopher),
/// the values DataTrove's GopherRepetitionFilter uses. A null threshold disables its rule.
/// </summary>
public readonly record struct GopherRepetitionOptions
{
    /// <summary>Creates the options with the paper's values.</summary>
    public GopherRepetitionOptions()
    {
    }

    /// <summary>Remove (default) or annotate.</summary>
    public FilterMode Mode { get; init; } = FilterMode.Remove;

    /// <summary>Count as the papers say (default) or exactly as DataTrove does (see <see cref="FilterCompat"/>).</summary>
    public FilterCompat Compat { get; init; } = FilterCompat.Papers;

    /// <summary>Largest fraction of non-blank lines that repeat an earlier line (default 0.3).</summary>
    public double? MaxDuplicateLineFraction { get; init; } = 0.3;

    /// <summary>Largest fraction of paragraphs that repeat an earlier paragraph (default 0.3).</summary>
    public double? MaxDuplicateParagraphFraction { get; init; } = 0.3;

    /// <summary>Largest fraction of characters in repeated lines (default 0.2).</summary>
    public double? MaxDuplicateLineCharFraction { get; init; } = 0.2;

    /// <summary>Largest fraction of characters in repeated paragraphs (default 0.2).</summary>
    public double? MaxDuplicateParagraphCharFraction { get; init; } = 0.2;

    /// <summary>Largest character fraction of the most frequent 2-, 3- and 4-gram (default 0.20, 0.18, 0.16).</summary>
    public IReadOnlyList<double> MaxTopNgramCharFraction { get; init; } = [0.20, 0.18, 0.16];

    /// <summary>Largest character fraction in repeated 5- to 10-grams (default 0.15 down to 0.10).</summary>
    public IReadOnlyList<double> MaxDuplicateNgramCharFraction { get; init; } = [0.15, 0.14, 0.13, 0.12, 0.11, 0.10];
}
