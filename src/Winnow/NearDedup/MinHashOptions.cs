namespace Winnow.NearDedup;

/// <summary>Options of <see cref="NearDedupStage"/>; every property has a documented default.</summary>
/// <remarks>Immutable; safe to share between threads.</remarks>
public readonly record struct MinHashOptions
{
    /// <summary>Creates the defaults.</summary>
    public MinHashOptions()
    {
    }

    /// <summary>Words per shingle. Default 5.</summary>
    public int NGram { get; init; } = 5;

    /// <summary>Signature length: the bins of one-permutation hashing (the name is MinHash's usual one). Default 128.</summary>
    public int NumPerm { get; init; } = 128;

    /// <summary>Jaccard similarity at and above which documents are near duplicates. Default 0.8.</summary>
    public double Threshold { get; init; } = 0.8;

    /// <summary>Seed of the permutations and word hashes; the same seed gives the same signatures. Default 1.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>
    /// LSH bands; 0 (default) derives bands and rows from <see cref="Threshold"/>: with exact
    /// verification the recall-oriented <see cref="LshParameters.ForRecall"/> (21 x 6 at 0.8 / 128),
    /// otherwise datasketch's <see cref="LshParameters.Optimal"/> (9 x 13).
    /// </summary>
    public int Bands { get; init; }

    /// <summary>Rows per band; set together with <see cref="Bands"/>.</summary>
    public int Rows { get; init; }

    /// <summary>
    /// How candidates are confirmed. Default <see cref="VerifyMode.Exact"/>: the estimate from 128
    /// values misses about half the pairs right at the threshold and lets in some just below it;
    /// exact Jaccard costs a shingle-set file (8 B per distinct shingle) and random reads of it.
    /// </summary>
    public VerifyMode Verify { get; init; } = VerifyMode.Exact;

    /// <summary>Which member of a cluster is kept. Default <see cref="KeepPolicy.FirstSeen"/>.</summary>
    public KeepPolicy Keep { get; init; } = KeepPolicy.FirstSeen;

    /// <summary>Metadata field read by <see cref="KeepPolicy.EarliestDate"/> (ISO 8601 or anything DateTimeOffset parses). Default "date".</summary>
    public string DateField { get; init; } = "date";

    /// <summary>Memory for band records before a sorted run is spilled to disk. Default 64 MiB.</summary>
    public long SortMemoryBytes { get; init; } = 64L << 20;

    /// <summary>
    /// Signatures are also kept in memory while they take at most this (default 256 MiB: 500k
    /// documents at 128 permutations), so verifying a candidate pair reads no file.
    /// </summary>
    public long SignatureMemoryBytes { get; init; } = 256L << 20;

    /// <summary>The LSH layout these options give.</summary>
    public LshParameters Lsh => Bands > 0 || Rows > 0 ? new LshParameters(Bands, Rows)
        : Verify == VerifyMode.Exact ? LshParameters.ForRecall(Threshold, NumPerm)
        : LshParameters.Optimal(Threshold, NumPerm);

    /// <summary>Throws when an option is out of range.</summary>
    public void Validate()
    {
        if (NGram < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(NGram), NGram, "n-gram must be at least 1");
        }

        if (NumPerm < 1 || NumPerm > 4096)
        {
            throw new ArgumentOutOfRangeException(nameof(NumPerm), NumPerm, "num-perm must be in 1..4096");
        }

        if (!(Threshold > 0 && Threshold <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Threshold), Threshold, "threshold must be in (0, 1]");
        }

        var lsh = Lsh;
        if (lsh.Bands < 1 || lsh.Rows < 1 || (long)lsh.Bands * lsh.Rows > NumPerm)
        {
            throw new ArgumentOutOfRangeException(nameof(Bands), $"bands x rows ({lsh.Bands} x {lsh.Rows}) must be at least 1 x 1 and at most num-perm ({NumPerm})");
        }

        if (SortMemoryBytes < 12)
        {
            throw new ArgumentOutOfRangeException(nameof(SortMemoryBytes), SortMemoryBytes, "sort memory must hold a record");
        }

        if (SignatureMemoryBytes < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(SignatureMemoryBytes), SignatureMemoryBytes, "signature memory must not be negative");
        }
    }
}
