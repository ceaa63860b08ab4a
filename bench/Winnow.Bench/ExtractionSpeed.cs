using System.Diagnostics;
using AngleSharp.Html.Parser;
using Winnow.Extraction;

namespace Winnow.Bench;

/// <summary>
/// Pages per second of the HTML extractor on the article-extraction benchmark's pages, warm,
/// decoded HTML in memory: parse alone, full extraction on one thread, and on N threads.
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

        var pages = Directory.GetFiles(Path.Combine(bench, "html"), "*.html.gz").Order(StringComparer.Ordinal)
            .Select(ExtractionQuality.ReadHtml).ToArray();
        var megabytes = pages.Sum(p => (long)System.Text.Encoding.UTF8.GetByteCount(p)) / 1e6;
        var extractor = new HtmlExtractor();
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        foreach (var p in pages)
        {
            extractor.Extract(p);
        }

        Report("parse only, 1 thread", pages.Length, megabytes, rounds, () =>
        {
            foreach (var p in pages)
            {
                parser.ParseDocument(p).Dispose();
            }
        });
        Report("extract, 1 thread", pages.Length, megabytes, rounds, () =>
        {
            foreach (var p in pages)
            {
                extractor.Extract(p);
            }
        });
        for (var threads = 2; threads <= Environment.ProcessorCount; threads *= 2)
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
            Report($"extract, {threads} threads", pages.Length, megabytes, rounds, () =>
                Parallel.ForEach(pages, options, p => extractor.Extract(p)));
        }

        return 0;
    }

    private static void Report(string what, int pages, double megabytes, int rounds, Action pass)
    {
        var best = double.MaxValue;
        for (var r = 0; r < rounds; r++)
        {
            var watch = Stopwatch.StartNew();
            pass();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        Console.WriteLine($"{what}: {pages / best:F0} pages/s, {megabytes / best:F1} MB/s (best of {rounds}: {best:F2} s for {pages} pages)");
    }
}
