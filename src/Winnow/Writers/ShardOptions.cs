namespace Winnow.Writers;

/// <summary>How an output stream is cut into files.</summary>
public readonly record struct ShardOptions
{
    /// <summary>Creates the defaults: 1,000,000 documents or 1 GiB a shard, uncompressed.</summary>
    public ShardOptions()
    {
    }

    /// <summary>Start a new shard after this many documents.</summary>
    public long MaxDocuments { get; init; } = 1_000_000;

    /// <summary>Start a new shard once a shard holds this many bytes (uncompressed).</summary>
    public long MaxBytes { get; init; } = 1L << 30;

    /// <summary>Write .jsonl.gz instead of .jsonl.</summary>
    public bool Gzip { get; init; }
}
