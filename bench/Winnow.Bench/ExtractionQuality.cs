using System.Diagnostics;
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

        // Through the command's path: same reading, decoding and options, and no URL (users and the
        // published evaluations give none).
        var dataset = ExtractionDataset.Load("article-extraction-benchmark", Path.Combine(bench, "html"), Path.Combine(bench, "ground-truth.json"));
        var watch = Stopwatch.StartNew();
        var texts = ShippedExtraction.Texts(dataset.HtmlFolder, ShippedExtraction.CommandDefaults with { Parser = parser });
        var scores = dataset.Score(texts).Pages.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (Id: p.Key, Score: p.Value)).ToList();
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
}
