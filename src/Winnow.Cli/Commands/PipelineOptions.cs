using System.CommandLine;
using Winnow.Dedup;
using Winnow.Filters;
using Winnow.Pipeline;
using Winnow.Readers;
using Winnow.Stats;
using Winnow.Text;
using Winnow.Writers;

namespace Winnow.Cli.Commands;

/// <summary>The options shared by commands that run a pipeline, and how they become RunOptions.</summary>
internal sealed class PipelineOptions
{
    public Argument<string[]> Inputs { get; } = new("inputs")
    {
        Description = "JSONL, Parquet, Arrow (.arrow), WARC, ARC or WET files (plain, gzip, zstd, lz4, bzip2 or xz), folders of them and of .txt/.md/.html files, or - for standard input (JSONL, or a WARC stream)",
        Arity = ArgumentArity.OneOrMore,
    };

    public Option<string> Out { get; } = new("--out", "-o") { Description = "Output folder", Required = true };
    public Option<string> TextField { get; } = new("--text-field") { Description = "JSON field holding the text", DefaultValueFactory = _ => new ReaderOptions().TextField };
    public Option<string> IdField { get; } = new("--id-field") { Description = "JSON field holding the id (missing: file:line)", DefaultValueFactory = _ => new ReaderOptions().IdField };
    public Option<string> UrlField { get; } = new("--url-field") { Description = "JSON field holding the URL", DefaultValueFactory = _ => new ReaderOptions().UrlField };
    public Option<string?> HtmlField { get; } = new("--html-field") { Description = "JSONL/Parquet/Arrow field holding a raw HTML page: extracted, its text becomes the document's text (records without it are read by --text-field)" };
    public Option<string?> CharsetField { get; } = new("--charset-field") { Description = "Field naming the charset of an --html-field page stored as bytes (default: the page's own declaration, else UTF-8)" };
    public Option<bool> KeepHtml { get; } = new("--keep-html") { Description = "Keep the --html-field page as metadata after extraction (default: dropped)" };
    public Option<string?> Glob { get; } = new("--glob") { Description = "Select files inside input folders, e.g. '**/*.md'" };
    public Option<int> MaxDocBytes { get; } = new Option<int>("--max-doc-bytes") { Description = "Reject records larger than this", DefaultValueFactory = _ => new ReaderOptions().MaxDocumentBytes }.Between(1, ReaderOptions.MaxRecordBytes);
    public Option<long> PartDocs { get; } = new Option<long>("--part-docs", "--shard-docs") { Description = "Documents per output part file (documents/part-NNNNN.jsonl)", DefaultValueFactory = _ => new OutputOptions().MaxDocuments }.AtLeast(1L);
    public Option<long> PartBytes { get; } = new Option<long>("--part-bytes", "--shard-bytes") { Description = "Bytes per output part file (uncompressed)", DefaultValueFactory = _ => new OutputOptions().MaxBytes }.AtLeast(1L);
    public Option<bool> Gzip { get; } = new("--gzip") { Description = "Write .jsonl.gz shards (the same as --compress gzip)" };
    public Option<string> Compress { get; } = new("--compress") { Description = "Compress outputs: none, gzip or zstd (.jsonl.gz, .jsonl.zst); Parquet pages: zstd (the default) or snappy", DefaultValueFactory = _ => "none" };
    public Option<string> OutputFormat { get; } = new("--output-format") { Description = "documents/ and removed/ as jsonl or parquet (rejected/ is always JSONL)", DefaultValueFactory = _ => "jsonl" };
    public Option<string> Layout { get; } = new("--layout") { Description = "Record layout: winnow (ours), dolma (Dolma documents + attributes/winnow/) or datatrove (text, id, metadata)", DefaultValueFactory = _ => "winnow" };
    public Option<long> RowGroupBytes { get; } = new Option<long>("--row-group-bytes") { Description = "Parquet output: bytes of rows per row group (memory holds about one)", DefaultValueFactory = _ => new OutputOptions().RowGroupBytes }.AtLeast(1L);
    public Option<string> Tokenizer { get; } = new("--tokenizer") { Description = "Count tokens kept and removed in stats.json and the report: o200k_base, cl100k_base, gpt2 or none", DefaultValueFactory = _ => "o200k_base" };
    public Option<int> Threads { get; } = new Option<int>("--threads", "-t") { Description = "Worker threads (output is the same for any count)", DefaultValueFactory = _ => Environment.ProcessorCount }.AtLeast(1);
    public Option<string> OnError { get; } = new("--on-error") { Description = "reject: write bad records to rejected/ and go on; fail: stop at the first", DefaultValueFactory = _ => "reject" };
    public Option<bool> Overwrite { get; } = new("--overwrite") { Description = "Replace an earlier run in the output folder" };
    public Option<bool> CaseFold { get; } = new("--case-fold") { Description = "Exact dedup: ignore case" };
    public Option<bool> IgnorePunctuation { get; } = new("--ignore-punctuation") { Description = "Exact dedup: ignore punctuation" };
    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "No progress display" };
    public Option<string?> Config { get; } = new("--config") { Description = "YAML run file (docs/run-file.md); without it: Gopher, C4 and FineWeb filters, then PII redaction" };
    public Option<bool> NoFilters { get; } = new("--no-filters") { Description = "Skip the quality filters and PII redaction" };
    public Option<string?> Compat { get; } = new("--compat") { Description = "Whose counting rules the quality filters follow: papers (default) or datatrove (DataTrove's decisions; overrides the run file's compat)" };
    public Option<bool> Chrome { get; } = new("--chrome") { Description = "After extraction, remove page chrome left in text: post links with dates above the title, share prompts (opt-in)" };

    /// <summary>Adds the inputs and options to a command; <paramref name="cleaning"/> and <paramref name="exactDedup"/> offer those groups only where the command runs them.</summary>
    public void AddTo(Command command, bool cleaning = true, bool exactDedup = true)
    {
        command.Arguments.Add(Inputs.NoUnknownOptions(command.Name));
        foreach (var option in new Option[] { Out, TextField, IdField, UrlField, HtmlField, CharsetField, KeepHtml, Glob, MaxDocBytes, PartDocs, PartBytes, Gzip, Compress, OutputFormat, Layout, RowGroupBytes, Tokenizer, Threads, OnError, Overwrite, Quiet })
        {
            command.Options.Add(option);
        }

        foreach (var option in exactDedup ? new Option[] { CaseFold, IgnorePunctuation } : [])
        {
            command.Options.Add(option);
        }

        foreach (var option in cleaning ? new Option[] { Config, NoFilters, Compat, Chrome } : [])
        {
            command.Options.Add(option);
        }

        OnError.AcceptOnlyFromAmong("reject", "fail");
        Compress.AcceptOnlyFromAmong("none", "gzip", "zstd", "snappy");
        command.Validators.Add(result =>
        {
            var format = result.GetValue(OutputFormat);
            var layout = result.GetValue(Layout);
            if (format == "parquet" && layout == "dolma")
            {
                result.AddError("--layout dolma writes JSONL, which Dolma's tools read: drop --output-format parquet");
            }

            if (format != "parquet" && result.GetValue(Compress) == "snappy")
            {
                result.AddError("--compress snappy is for Parquet pages (--output-format parquet); JSONL takes gzip or zstd");
            }
        });
        OutputFormat.AcceptOnlyFromAmong("jsonl", "parquet");
        Layout.AcceptOnlyFromAmong("winnow", "dolma", "datatrove");
        Tokenizer.AcceptOnlyFromAmong([.. TokenCounter.Encodings, "none"]);
        Compat.AcceptOnlyFromAmong("papers", "datatrove");
    }

    public RunOptions ToRunOptions(ParseResult result) => new()
    {
        Inputs = result.GetValue(Inputs)!,
        OutputDirectory = result.GetValue(Out)!,
        Reader = new ReaderOptions
        {
            TextField = result.GetValue(TextField)!,
            IdField = result.GetValue(IdField)!,
            UrlField = result.GetValue(UrlField)!,
            HtmlField = result.GetValue(HtmlField),
            CharsetField = result.GetValue(CharsetField),
            KeepHtml = result.GetValue(KeepHtml),
            MaxDocumentBytes = result.GetValue(MaxDocBytes),
        },
        Glob = result.GetValue(Glob),
        Output = new OutputOptions
        {
            MaxDocuments = result.GetValue(PartDocs),
            MaxBytes = result.GetValue(PartBytes),
            Compression = result.GetValue(Gzip) ? OutputCompression.Gzip : result.GetValue(Compress) switch
            {
                "gzip" => OutputCompression.Gzip,
                "zstd" => OutputCompression.Zstd,
                "snappy" => OutputCompression.Snappy,
                _ => OutputCompression.None,
            },
            Format = result.GetValue(OutputFormat) == "parquet" ? Writers.OutputFormat.Parquet : Writers.OutputFormat.Jsonl,
            Layout = result.GetValue(Layout) switch
            {
                "dolma" => OutputLayout.Dolma,
                "datatrove" => OutputLayout.DataTrove,
                _ => OutputLayout.Winnow,
            },
            RowGroupBytes = result.GetValue(RowGroupBytes),
        },
        Tokenizer = result.GetValue(Tokenizer) is "none" or null ? null : result.GetValue(Tokenizer),
        Threads = result.GetValue(Threads),
        OnError = result.GetValue(OnError) == "fail" ? ErrorPolicy.Fail : ErrorPolicy.Reject,
        Overwrite = result.GetValue(Overwrite),
    };

    /// <summary>The filter and PII stages from --config, the defaults, or none; false after printing an error.</summary>
    public bool TryLoadCleaningStages(ParseResult result, out IReadOnlyList<Stage> stages)
    {
        stages = [];
        if (result.GetValue(NoFilters))
        {
            return true;
        }

        try
        {
            var path = result.GetValue(Config);
            FilterCompat? compat = result.GetValue(Compat) switch
            {
                "datatrove" => FilterCompat.DataTrove,
                "papers" => FilterCompat.Papers,
                _ => null,
            };
            stages = path is null ? FilterConfig.Default(compat ?? FilterCompat.Papers) : FilterConfig.Load(path, compat);
            return true;
        }
        catch (Exception e) when (e is FilterConfigException or IOException)
        {
            System.Console.Error.WriteLine($"winnow: {e.Message}");
            return false;
        }
    }

    public ExactDedupOptions ToExactDedupOptions(ParseResult result) => new()
    {
        Normalization = new NormalizationOptions
        {
            CaseFold = result.GetValue(CaseFold),
            IgnorePunctuation = result.GetValue(IgnorePunctuation),
        },
    };
}
