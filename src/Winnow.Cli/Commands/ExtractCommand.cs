using System.CommandLine;
using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using Winnow.Extraction;
using Winnow.IO;
using Winnow.Pipeline;
using Winnow.Readers;
using Winnow.Writers;

namespace Winnow.Cli.Commands;

/// <summary>`winnow extract`: main content and metadata of HTML files and WARC responses, as JSONL.</summary>
internal static class ExtractCommand
{
    // Pages taken but not yet written, per thread: room for one thread to run ahead of a slow page.
    private const int PagesInFlight = 64;

    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "HTML files (.html, .html.gz), WARC, ARC or WET files (.warc, .warc.gz, …), folders of them, or - for standard input (one HTML page, or a WARC stream)", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "Output JSONL file (.jsonl or .jsonl.gz)", Required = true };
        var format = new Option<ExtractionFormat>("--format") { Description = "text or markdown", DefaultValueFactory = _ => ExtractionFormat.Text };
        var comments = new Option<bool>("--comments") { Description = "Keep comment sections" };
        var noTables = new Option<bool>("--no-tables") { Description = "Leave tables out" };
        var links = new Option<bool>("--links") { Description = "Keep links in Markdown output" };
        var threads = new Option<int>("--threads", "-t") { Description = "Worker threads (output is the same for any count)", DefaultValueFactory = _ => Environment.ProcessorCount }.AtLeast(1);
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress display" };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace the output file if it exists" };
        var command = new Command("extract", "Extract main text and metadata from HTML pages and WARC files into JSONL")
        {
            inputs.NoUnknownOptions("extract"), output, format, comments, noTables, links, threads, quiet, overwrite,
        };
        command.SetAction(result =>
        {
            var options = new ExtractionOptions
            {
                Format = result.GetValue(format),
                IncludeComments = result.GetValue(comments),
                IncludeTables = !result.GetValue(noTables),
                IncludeLinks = result.GetValue(links),
            };
            try
            {
                // With more than one thread the helpers start now and warm the extractor up while
                // this thread lists the input (see HelperThreads); one thread stays one thread.
                var extractor = new HtmlExtractor(options);
                var threadCount = Math.Max(1, result.GetValue(threads));
                using var helpers = threadCount > 1 ? new HelperThreads(threadCount - 1, extractor.WarmUp) : null;
                var paths = result.GetValue(inputs)!;
                var files = InputSet.Expand(paths).Files;
                if (files.FirstOrDefault(f => f.HoldsRecords && paths.Contains(f.Path)) is { } records)
                {
                    throw new ArgumentException(
                        $"{records.Path}: extract reads HTML pages and WARC, ARC or WET files, not {records.Kind switch { InputKind.Parquet => "Parquet", InputKind.Arrow => "Arrow", _ => "JSONL" }}; "
                        + $"for records whose field holds HTML: winnow run {records.Path} --html-field NAME --out DIR");
                }

                using var target = OutputFile.Create(result.GetValue(output)!, result.GetValue(overwrite), paths);
                var reporter = new Console.ProgressReporter(result.GetValue(quiet));
                return reporter.Run("extract", progress => Run(files, target, extractor, threadCount, helpers, progress));
            }
            catch (ArgumentException e)
            {
                System.Console.Error.WriteLine($"winnow: {e.Message}");
                return ExitCodes.Usage;
            }
        });
        return command;
    }

    private static int Run(IReadOnlyList<InputFile> files, OutputFile target, HtmlExtractor extractor, int threads, HelperThreads? helpers, IProgress<Pipeline.RunProgress>? progress)
    {
        var outputPath = target.Path;
        var skipped = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var file = target.Stream;
        Stream stream = outputPath.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionLevel.Optimal, leaveOpen: true) : file;
        using var lines = new JsonLineWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        long pages = 0, bytes = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // Each thread reads (and gunzips) the next page itself and extracts it; results are written
        // in input order, so the output does not depend on threads. One thread does everything in turn.
        OrderedParallel.Run(PageInput.List(files), threads, PagesInFlight * threads, pending => pending.Extract(extractor), Write, helpers);

        void Write(PageExtraction result)
        {
            result.Read.Report(skipped, System.Console.Error.WriteLine);
            if (result.Page is not { } page)
            {
                return;
            }

            ExtractJson.Write(lines.Json, result.Source!, page);
            lines.EndLine();
            pages++;
            bytes += result.Bytes;
            if ((pages & 63) == 0)
            {
                progress?.Report(new Pipeline.RunProgress(pages, bytes, -1, pages, 0, 0, clock.Elapsed));
            }
        }

        lines.Dispose();
        if (stream != file)
        {
            stream.Dispose();
        }

        target.Commit();
        progress?.Report(new Pipeline.RunProgress(pages, bytes, -1, pages, 0, 0, clock.Elapsed));
        System.Console.Error.WriteLine($"extract: {pages:N0} pages written to {outputPath}");
        foreach (var (reason, count) in skipped)
        {
            System.Console.Error.WriteLine($"  skipped {reason}: {count:N0}");
        }

        return ExitCodes.Ok;
    }
}
