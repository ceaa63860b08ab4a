using System.Diagnostics;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Winnow.Extraction;
using Winnow.Extraction.Html;
using Winnow.IO;
using Winnow.Text;

namespace Winnow.Bench;

/// <summary>
/// Pages per second of the HTML extractor on the article-extraction benchmark's pages, warm,
/// after six warm-up passes (the JIT's steady state), from the page's bytes (decoding included)
/// to text and metadata: each parser alone (fast; AngleSharp), full extraction with each parser
/// on one thread, and with the fast parser on two. Wall time and process CPU time are both given,
/// since the machine is shared: CPU time is what the work cost whatever else ran.
/// </summary>
internal static class ExtractionSpeed
{
    public static int Run(int rounds)
    {
        var bench = SharedData.Data("article-extraction-benchmark");
        if (bench is null)
        {
            Console.Error.WriteLine("../shared/data/article-extraction-benchmark not found");
            return 1;
        }

        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(bench, "ground-truth.json")));
        var pages = truth.RootElement.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => (Bytes: Bytes(Path.Combine(bench, "html", p.Name + ".html.gz")), Url: p.Value.GetProperty("url").GetString()))
            .ToArray();
        var extractor = new HtmlExtractor();
        var reference = new HtmlExtractor(new ExtractionOptions { Parser = HtmlParserKind.AngleSharp });
        var parser = new HtmlParser(HtmlExtractor.ParserOptions);
        // Warm-up: .NET's tiered JIT replaces first-pass code with optimized code only after
        // methods ran many times; about a thousand pages reach the steady state a long run has.
        for (var w = 0; w < 6; w++)
        {
            foreach (var (bytes, url) in pages)
            {
                parser.ParseDocument(CharsetDecoder.Decode(bytes)).Dispose();
                FastHtmlParser.ForThread.Parse(CharsetDecoder.Decode(bytes), 5000);
                extractor.Extract(CharsetDecoder.Decode(bytes), url);
                reference.Extract(CharsetDecoder.Decode(bytes), url);
            }
        }

        for (var r = 0; r < rounds; r++)
        {
            Report("AngleSharp parse only, 1 thread", pages.Length, () =>
            {
                foreach (var (bytes, _) in pages)
                {
                    parser.ParseDocument(CharsetDecoder.Decode(bytes)).Dispose();
                }
            });
            Report("fast parse only, 1 thread", pages.Length, () =>
            {
                foreach (var (bytes, _) in pages)
                {
                    FastHtmlParser.ForThread.Parse(CharsetDecoder.Decode(bytes), 5000);
                }
            });
            Report("winnow extract (AngleSharp parser), 1 thread", pages.Length, () =>
            {
                foreach (var (bytes, url) in pages)
                {
                    reference.Extract(CharsetDecoder.Decode(bytes), url);
                }
            });
            Report("winnow extract (fast parser), 1 thread", pages.Length, () =>
            {
                foreach (var (bytes, url) in pages)
                {
                    extractor.Extract(CharsetDecoder.Decode(bytes), url);
                }
            });
            var options = new ParallelOptions { MaxDegreeOfParallelism = 2 };
            Report("winnow extract (fast parser), 2 threads", pages.Length, () =>
                Parallel.ForEach(pages, options, p => extractor.Extract(CharsetDecoder.Decode(p.Bytes), p.Url)));
        }

        return 0;
    }

    private static void Report(string what, int pages, Action pass)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu0 = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        pass();
        var wall = watch.Elapsed.TotalSeconds;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
        Console.WriteLine($"{what}: {pages / wall:F1} pages/s wall, {pages / cpu:F1} pages per CPU second ({pages} pages)");
    }

    internal static byte[] Bytes(string path)
    {
        using var stream = CompressedInput.Open(path);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
