namespace Winnow.Reuse;

/// <summary>Options of <see cref="ReuseStage"/>.</summary>
public readonly record struct ReuseOptions
{
    /// <summary>Creates the defaults.</summary>
    public ReuseOptions()
    {
    }

    /// <summary>Words per fingerprint n-gram. Default 5 (as passim): rarer than shorter n-grams, yet several fit between edits.</summary>
    public int NgramSize { get; init; } = 5;

    /// <summary>
    /// Winnowing window in n-grams. Default 4: about 2/(w+1) = 40% of n-grams are kept, and every
    /// shared run of w + n − 1 = 8 words is sure to share a fingerprint.
    /// </summary>
    public int Window { get; init; } = 4;

    /// <summary>N-grams in more than this many documents are skipped as too common to point at reuse. Default 100.</summary>
    public int MaxDf { get; init; } = 100;

    /// <summary>Fingerprints two documents must share to be aligned. Default 2.</summary>
    public int MinSharedFingerprints { get; init; } = 2;

    /// <summary>Shortest passage reported, in words on each side. Default 20.</summary>
    public int MinWords { get; init; } = 20;

    /// <summary>Lowest similarity (2 × matched words / words of both sides) reported. Default 0.6.</summary>
    public double MinSimilarity { get; init; } = 0.6;

    /// <summary>Longest run of unmatched words (either side) bridged inside one passage. Default 8.</summary>
    public int MaxGap { get; init; } = 8;

    /// <summary>Words per alignment seed (exact match). Default 3.</summary>
    public int SeedSize { get; init; } = 3;

    /// <summary>Only report pairs of documents from different hosts. Default false.</summary>
    public bool DifferentHosts { get; init; }

    /// <summary>Records held in memory before a sorted run is spilled. Default 4 Mi (96 MiB of fingerprints).</summary>
    public int SpillRecords { get; init; } = 4 << 20;
}
