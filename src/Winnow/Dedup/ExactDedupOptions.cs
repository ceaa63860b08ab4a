using Winnow.Text;

namespace Winnow.Dedup;

/// <summary>Options of <see cref="ExactDedupStage"/>.</summary>
public readonly record struct ExactDedupOptions
{
    /// <summary>What counts as the same text; NFC and whitespace are always normalized.</summary>
    public NormalizationOptions Normalization { get; init; }
}
