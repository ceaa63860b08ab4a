namespace Winnow.Text;

/// <summary>What counts as "the same text" beyond NFC and whitespace.</summary>
public readonly record struct NormalizationOptions
{
    /// <summary>Compare case-insensitively (invariant lower case).</summary>
    public bool CaseFold { get; init; }

    /// <summary>Ignore punctuation characters (Unicode categories Pc, Pd, Ps, Pe, Pi, Pf, Po; ASCII symbols too).</summary>
    public bool IgnorePunctuation { get; init; }
}
