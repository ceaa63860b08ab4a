using System.Diagnostics;
using AngleSharp.Html.Parser;
using Winnow.Extraction;

namespace Winnow.Bench;

/// <summary>
/// Where the extractor's time goes on the benchmark pages, warm, one thread: decode, nesting
/// guard, AngleSharp parse, metadata, content tree, finding/cleaning/rendering.
/// </summary>
internal static class ExtractionPhases
{
    public static int Run(int rounds)
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
        var names = new[] { "decode", "nesting guard", "parse", "metadata", "tree", "find+clean+render" };
        var wall = new double[names.Length];
        var cpu = new double[names.Length];
        for (var r = 0; r <= rounds; r++)
        {
            // Phase by phase over all pages, so that process CPU time (coarse on Linux) can be read per phase.
            var n = raw.Length;
            var html = new string[n];
            var documents = new AngleSharp.Html.Dom.IHtmlDocument[n];
            var metadata = new PageMetadata[n];
            var builders = new ContentTreeBuilder[n];
            var roots = new ContentNode[n];
            var phases = new Action[]
            {
                () => { for (var i = 0; i < n; i++) { html[i] = HtmlDecoder.Decode(raw[i]); } },
                () => { for (var i = 0; i < n; i++) { NestingGuard.FindExcess(html[i], options.MaxNesting); } },
                () => { for (var i = 0; i < n; i++) { documents[i] = parser.ParseDocument(html[i]); } },
                () => { for (var i = 0; i < n; i++) { metadata[i] = MetadataReader.Read(documents[i], null); } },
                () =>
                {
                    for (var i = 0; i < n; i++)
                    {
                        builders[i] = new ContentTreeBuilder(options);
                        roots[i] = builders[i].Build(documents[i].Body!);
                    }
                },
                () =>
                {
                    for (var i = 0; i < n; i++)
                    {
                        var containers = ContentFinder.Find(builders[i].Elements, roots[i], metadata[i].ArticleBody);
                        ContentCleaner.Clean(containers, options);
                        new ContentRenderer(options).Render(containers);
                    }
                },
            };
            for (var p = 0; p < phases.Length; p++)
            {
                var c0 = Process.GetCurrentProcess().TotalProcessorTime;
                var w = Stopwatch.StartNew();
                phases[p]();
                if (r > 0)
                {
                    wall[p] += w.Elapsed.TotalSeconds / rounds;
                    cpu[p] += (Process.GetCurrentProcess().TotalProcessorTime - c0).TotalSeconds / rounds;
                }
            }

            foreach (var d in documents)
            {
                d.Dispose();
            }
        }

        for (var i = 0; i < names.Length; i++)
        {
            Console.WriteLine($"{names[i],-18} wall {wall[i] * 1000 / raw.Length,7:F3} ms/page  cpu {cpu[i] * 1000 / raw.Length,7:F3} ms/page {cpu[i] / cpu.Sum(),6:P1}");
        }

        Console.WriteLine($"{"total",-18} wall {wall.Sum() * 1000 / raw.Length,7:F3} ms/page  cpu {cpu.Sum() * 1000 / raw.Length,7:F3} ms/page = {raw.Length / cpu.Sum():F0} pages per CPU second (mean of {rounds} warm rounds; CPU includes the GC's threads)");
        return 0;
    }
}
