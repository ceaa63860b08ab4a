namespace Winnow.Writers;

/// <summary>Makes the sink for documents/ or removed/ that the output options ask for.</summary>
internal static class RecordSinks
{
    /// <summary>What is wrong with a combination of output options, or null.</summary>
    public static string? Problem(OutputOptions options) => (options.Format, options.Layout, options.Compression) switch
    {
        (OutputFormat.Parquet, OutputLayout.Dolma, _) => "Dolma's tools read JSONL: use --layout dolma with --output-format jsonl (and --compress gzip, as Dolma's datasets are)",
        (OutputFormat.Jsonl, _, OutputCompression.Snappy) => "snappy compresses Parquet pages only: for JSONL use --compress gzip or zstd",
        _ => null,
    };

    /// <param name="directory">documents/ or removed/ in the run folder.</param>
    /// <param name="options">The run's output options.</param>
    /// <param name="removed">True for removed/.</param>
    public static RecordSink Create(string directory, OutputOptions options, bool removed)
    {
        if (Problem(options) is { } problem)
        {
            throw new ArgumentException(problem);
        }

        if (options.Format == OutputFormat.Parquet)
        {
            return new ParquetPartWriter(directory, options, removed);
        }

        // The run does not read these parts again: they are written behind (WriteBehind).
        return options.Layout == OutputLayout.Winnow
            ? new JsonlPartWriter(directory, options, writeBehind: true)
            : new LayoutJsonlWriter(directory, options, removed ? null : Path.Combine(Path.GetDirectoryName(directory)!, "attributes", LayoutRecords.AttributeSet), writeBehind: true);
    }
}
