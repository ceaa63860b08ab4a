namespace Winnow.Filters;

/// <summary>Options of <see cref="LanguageFilter"/>.</summary>
public readonly record struct LanguageFilterOptions
{
    /// <summary>Creates the options: keep English with a score of at least 0.3.</summary>
    public LanguageFilterOptions()
    {
    }

    /// <summary>Remove (default) or annotate only.</summary>
    public FilterMode Mode { get; init; } = FilterMode.Remove;

    /// <summary>
    /// Languages to keep, as BCP 47 tags ("en", "de", "zh" for both Chinese scripts, "zh-Hant"); each must
    /// match a profile. Empty keeps all and only annotates.
    /// </summary>
    public IReadOnlyList<string> Languages { get; init; } = ["en"];

    /// <summary>Smallest score to keep a document in a kept language (default 0.3).</summary>
    public double MinScore { get; init; } = 0.3;

    /// <summary>Folder of libexttextcat .lm profiles; null means /usr/share/libexttextcat.</summary>
    public string? ProfileDirectory { get; init; }
}
