namespace Winnow.Filters;

/// <summary>
/// Options of <see cref="FineWebFilter"/>. Defaults are those of Penedo et al. 2024 (FineWeb) as
/// set in DataTrove's FineWebQualityFilter, with which FineWeb was built. A null threshold disables its rule.
/// </summary>
public readonly record struct FineWebOptions
{
    /// <summary>Creates the options with FineWeb's values.</summary>
    public FineWebOptions()
    {
    }

    /// <summary>Remove (default) or annotate.</summary>
    public FilterMode Mode { get; init; } = FilterMode.Remove;

    /// <summary>Count as the papers say (default) or exactly as DataTrove does (see <see cref="FilterCompat"/>).</summary>
    public FilterCompat Compat { get; init; } = FilterCompat.Papers;

    /// <summary>Smallest fraction of non-blank lines ending in terminal punctuation (default 0.12).</summary>
    public double? MinLinePunctuationRatio { get; init; } = 0.12;

    /// <summary>Largest fraction of non-blank lines of at most <see cref="ShortLineLength"/> characters (default 0.67).</summary>
    public double? MaxShortLineRatio { get; init; } = 0.67;

    /// <summary>What counts as a short line, in characters (default 30).</summary>
    public int ShortLineLength { get; init; } = 30;

    /// <summary>Largest fraction of characters (newlines excluded) in lines repeating an earlier line (default 0.01).</summary>
    public double? MaxDuplicateLineCharRatio { get; init; } = 0.01;

    /// <summary>Largest ratio of newlines to words, which catches lists (default 0.3).</summary>
    public double? MaxNewlineWordRatio { get; init; } = 0.3;
}
