namespace Winnow.Writers;

/// <summary>How an output stream is written and cut into files.</summary>
public readonly record struct OutputOptions
{
    /// <summary>Creates the defaults: 1,000,000 documents or 1 GiB a part file, uncompressed JSONL in Winnow's layout.</summary>
    public OutputOptions()
    {
    }

    /// <summary>Start a new part file after this many documents.</summary>
    public long MaxDocuments { get; init; } = 1_000_000;

    /// <summary>Start a new part file once one holds this many bytes (uncompressed, as our JSONL counts them).</summary>
    public long MaxBytes { get; init; } = 1L << 30;

    /// <summary>Write .jsonl.gz instead of .jsonl (the same as <see cref="Compression"/> = <see cref="OutputCompression.Gzip"/>).</summary>
    public bool Gzip
    {
        get => Compression == OutputCompression.Gzip;
        init => Compression = value ? OutputCompression.Gzip : Compression == OutputCompression.Gzip ? OutputCompression.None : Compression;
    }

    /// <summary>How files are compressed.</summary>
    public OutputCompression Compression { get; init; }

    /// <summary>The file format of documents/ and removed/.</summary>
    public OutputFormat Format { get; init; }

    /// <summary>The record layout of documents/ and removed/.</summary>
    public OutputLayout Layout { get; init; }

    /// <summary>Parquet: a row group is written once the rows buffered for it hold this many bytes of text and fields. Default 64 MiB.</summary>
    public long RowGroupBytes { get; init; } = 64L << 20;

    /// <summary>These options for rejected/: always JSONL in Winnow's layout, compressed as asked where JSONL can be.</summary>
    internal OutputOptions ForRejected() => this with
    {
        Format = OutputFormat.Jsonl,
        Layout = OutputLayout.Winnow,
        Compression = Compression is OutputCompression.Gzip or OutputCompression.Zstd ? Compression : OutputCompression.None,
    };
}
