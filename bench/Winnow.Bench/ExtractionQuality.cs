using System.Diagnostics;
using System.Text.Json;
using Winnow.Evaluation;
using Winnow.Extraction;

namespace Winnow.Bench;

/// <summary>
/// Scores the HTML extractor on the article-extraction benchmark (shingle precision, recall, F1)
/// and its metadata on Readability's test pages.
/// </summary>
internal static class ExtractionQuality
{
    public static int Run(bool verbose, HtmlParserKind parser)
    {
        var bench = SharedData.Data("article-extraction-benchmark");
        if (bench is null)
        {
            Console.Error.WriteLine("../shared/data/article-extraction-benchmark not found");
            return 1;
        }

        var extractor = new HtmlExtractor(new ExtractionOptions { Parser = parser });
        var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(bench, "ground-truth.json")));
        var scores = new List<(string Id, PageScore Score)>();
        var watch = Stopwatch.StartNew();
        foreach (var page in truth.RootElement.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var html = ReadHtml(Path.Combine(bench, "html", page.Name + ".html.gz"));
            var url = page.Value.GetProperty("url").GetString();
            var result = extractor.Extract(html, url);
            scores.Add((page.Name, ShingleScore.ScorePage(page.Value.GetProperty("articleBody").GetString() ?? "", result.Text)));
        }

        var (p, r, f1) = ShingleScore.Aggregate(scores.Select(s => s.Score));
        Console.WriteLine($"article-extraction-benchmark ({parser} parser): pages={scores.Count} precision={p:F4} recall={r:F4} F1={f1:F4} ({watch.Elapsed.TotalSeconds:F1} s)");
        if (verbose)
        {
            foreach (var (id, s) in scores.OrderBy(s => Math.Min(s.Score.Precision, s.Score.Recall)).Take(25))
            {
                Console.WriteLine($"  {id[..12]} P={s.Precision:F3} R={s.Recall:F3}");
            }
        }

        MetadataAccuracy.Run(verbose, parser);
        return 0;
    }

    internal static string ReadHtml(string path) => MetadataScore.ReadHtml(path);
}
