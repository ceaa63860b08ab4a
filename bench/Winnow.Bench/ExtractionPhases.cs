using System.Diagnostics;
using AngleSharp.Html.Parser;
using Winnow.Extraction;
using Winnow.Extraction.Html;
using Winnow.IO;
using Winnow.Text;

namespace Winnow.Bench;

/// <summary>
/// Where the extractor's time goes on the benchmark pages, one thread, after warm-up: decode,
/// parse (the fast parser, or AngleSharp plus its nesting guard and the copy into the light tree), metadata, content tree, finding/cleaning/rendering. Each page
/// goes through all phases in turn (as in real use, so the page stays in cache); the phases are
/// timed by wall clock, so on a shared machine read the shares rather than the milliseconds. Each
/// phase is also charged the bytes it allocated (fresh memory the collector must clear and collect).
/// </summary>
internal static class ExtractionPhases
{
    private static readonly string[] Names = ["decode", "nesting guard", "parse", "metadata", "tree", "find+clean+render"];

    public static int Run(int rounds, HtmlParserKind kind)
    {
        var bench = SharedData.Data("article-extraction-benchmark");
        if (bench is null)
        {
            Console.Error.WriteLine("../shared/data/article-extraction-benchmark not found");
            return 1;
        }

        var raw = Directory.GetFiles(Path.Combine(bench, "html"), "*.html.gz").Order(StringComparer.Ordinal).Select(ExtractionSpeed.Bytes).ToArray();
        var options = new ExtractionOptions();
        var parser = new HtmlParser(HtmlExtractor.ParserOptions);
        var totals = new double[Names.Length];
        var allocated = new long[Names.Length];
        const int warmUp = 6; // passes before timing, for the tiered JIT's steady state
        for (var r = 1 - warmUp; r <= rounds; r++)
        {
            var t = new double[Names.Length];
            var a = new long[Names.Length];
            foreach (var bytes in raw)
            {
                _lastAllocated = GC.GetAllocatedBytesForCurrentThread();
                var w = Stopwatch.StartNew();
                HtmlDocumentTree document;
                if (kind == HtmlParserKind.AngleSharp)
                {
                    var html = CharsetDecoder.Decode(bytes);
                    Lap(w, t, a, 0);
                    NestingGuard.FindExcess(html, options.MaxNesting);
                    Lap(w, t, a, 1);
                    using var parsed = parser.ParseDocument(html);
                    document = AngleSharpTreeReader.Read(parsed);
                }
                else
                {
                    // As winnow extract reads a page: decoded into a buffer kept for the next page.
                    var pageBuffer = PageBuffer<char>.ForPage();
                    var length = CharsetDecoder.DecodeInto(bytes, null, pageBuffer);
                    Lap(w, t, a, 0);
                    Lap(w, t, a, 1);
                    document = FastHtmlParser.ForThread.ParseInPlace(pageBuffer.Span[..Math.Min(length, options.MaxHtmlChars)], options.MaxNesting);
                }

                Lap(w, t, a, 2);
                var metadata = MetadataReader.Read(document, null);
                Lap(w, t, a, 3);
                var builder = new ContentTreeBuilder(options);
                var root = builder.Build(document.Body);
                Lap(w, t, a, 4);
                var containers = ContentFinder.Find(builder.Elements, metadata.ArticleBody, options) ?? [root];
                ContentCleaner.Clean(containers, options);
                new ContentRenderer(options).Render(containers);
                Lap(w, t, a, 5);
            }

            if (r > 0)
            {
                for (var i = 0; i < t.Length; i++)
                {
                    totals[i] += t[i] / rounds;
                    allocated[i] += a[i] / rounds;
                }
            }
        }

        Console.WriteLine($"parser: {kind}");
        var sum = totals.Sum();
        for (var i = 0; i < Names.Length; i++)
        {
            Console.WriteLine($"{Names[i],-18} {totals[i] * 1000 / raw.Length,7:F3} ms/page {totals[i] / sum,6:P1} {allocated[i] / 1024.0 / raw.Length,8:F1} KB allocated/page");
        }

        Console.WriteLine($"{"total",-18} {sum * 1000 / raw.Length,7:F3} ms/page = {raw.Length / sum:F0} pages/s (mean of {rounds} rounds after {warmUp} warm-up passes)");
        return 0;
    }

    private static void Lap(Stopwatch w, double[] t, long[] a, int i)
    {
        t[i] += w.Elapsed.TotalSeconds;
        var now = GC.GetAllocatedBytesForCurrentThread();
        a[i] += now - _lastAllocated;
        _lastAllocated = now;
        w.Restart();
    }

    // The thread's allocation count at the last lap: each phase is charged what it allocated.
    [ThreadStatic]
    private static long _lastAllocated;
}
