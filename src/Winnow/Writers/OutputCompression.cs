namespace Winnow.Writers;

/// <summary>How output files are compressed.</summary>
public enum OutputCompression
{
    /// <summary>Plain JSONL; for Parquet, the default (zstd).</summary>
    None,

    /// <summary>JSONL files as .jsonl.gz; Parquet pages in gzip.</summary>
    Gzip,

    /// <summary>JSONL files as .jsonl.zst; Parquet pages in zstd (Parquet's default here).</summary>
    Zstd,

    /// <summary>Parquet pages in snappy (Parquet only).</summary>
    Snappy,
}
