namespace Winnow.Writers;

/// <summary>The file format of documents/ and removed/ (rejected/ is always JSONL).</summary>
public enum OutputFormat
{
    /// <summary>One JSON object per line.</summary>
    Jsonl,

    /// <summary>Apache Parquet, one row per document (schemas in docs/formats.md).</summary>
    Parquet,
}
