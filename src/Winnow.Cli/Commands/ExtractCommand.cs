using System.CommandLine;
using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using Winnow.Extraction;
using Winnow.IO;
using Winnow.Readers;

namespace Winnow.Cli.Commands;

/// <summary>`winnow extract`: main content and metadata of HTML files and WARC responses, as JSONL.</summary>
internal static class ExtractCommand
{
    // Chunks of 64 pages, a few in flight: extraction starts after the first pages are read (256
    // at once left a folder of 181 pages no overlap at all), and each chunk's barrier, where
    // threads wait for its slowest page, comes rarely enough (16: two threads 1.29x one, 64: 1.34x).
    private const int ChunkPages = 64;
    private const int ChunksAhead = 4;

    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "HTML files (.html, .html.gz), WARC files (.warc, .warc.gz) or folders of them", Arity = ArgumentArity.OneOrMore };
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
                var paths = result.GetValue(inputs)!;
                var files = InputSet.Expand(paths).Files;
                using var target = OutputFile.Create(result.GetValue(output)!, result.GetValue(overwrite), paths);
                var reporter = new Console.ProgressReporter(result.GetValue(quiet));
                return reporter.Run("extract", progress => Run(files, target, options, Math.Max(1, result.GetValue(threads)), progress));
            }
            catch (ArgumentException e)
            {
                System.Console.Error.WriteLine($"winnow: {e.Message}");
                return ExitCodes.Usage;
            }
        });
        return command;
    }

    private static int Run(IReadOnlyList<InputFile> files, OutputFile target, ExtractionOptions options, int threads, IProgress<Pipeline.RunProgress>? progress)
    {
        var outputPath = target.Path;
        var extractor = new HtmlExtractor(options);
        var skipped = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var file = target.Stream;
        Stream stream = outputPath.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionLevel.Optimal, leaveOpen: true) : file;
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        long pages = 0, bytes = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // Reading (and gunzipping) runs on its own thread, a few chunks ahead of the extraction.
        using var chunks = new System.Collections.Concurrent.BlockingCollection<List<PageInput>>(boundedCapacity: ChunksAhead);
        var reader = Task.Run(() =>
        {
            try
            {
                var chunk = new List<PageInput>(ChunkPages);
                foreach (var input in PageInput.ReadAll(files, skipped, System.Console.Error.WriteLine))
                {
                    chunk.Add(input);
                    if (chunk.Count == ChunkPages)
                    {
                        chunks.Add(chunk);
                        chunk = new List<PageInput>(ChunkPages);
                    }
                }

                chunks.Add(chunk);
            }
            finally
            {
                chunks.CompleteAdding();
            }
        });

        foreach (var chunk in chunks.GetConsumingEnumerable())
        {
            // Pages are extracted in parallel and written in input order, so the output does not depend on threads.
            // Handed out page by page (load-balanced), not as fixed ranges: one large page no longer
            // leaves the other threads idle for the rest of its range.
            var results = System.Collections.Concurrent.Partitioner.Create(chunk, loadBalance: true)
                .AsParallel().AsOrdered().WithDegreeOfParallelism(threads).Select(p => (p, extractor.Extract(p))).ToList();
            foreach (var (input, page) in results)
            {
                ExtractJson.Write(writer, input.Source, page);
                writer.Flush();
                stream.WriteByte((byte)'\n');
                writer.Reset();
                pages++;
                bytes += input.Bytes.Length;
            }

            progress?.Report(new Pipeline.RunProgress(pages, bytes, -1, pages, 0, 0, clock.Elapsed));
        }

        reader.GetAwaiter().GetResult();
        writer.Dispose();
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
