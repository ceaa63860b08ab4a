using System.Text.Json;
using Markdig.Syntax;
using Winnow.Evaluation;
using Winnow.Extraction;

namespace Winnow.Bench;

/// <summary>
/// Markdown output scored like plain text: on the article-extraction benchmark and the three
/// extraction-dev sets, each page is extracted as text and as Markdown with links in the same
/// run; the Markdown is stripped of its markup (<see cref="MarkdownText"/>) and both are scored
/// with the benchmark's shingle metric. Also counts the pages whose Markdown keeps headings,
/// lists, tables, code blocks and links.
/// </summary>
internal static class MarkdownQuality
{
    public static int Run(bool verbose)
    {
        var data = SharedData.Root() is { } root ? Path.Combine(root, "data") : null;
        if (data is null)
        {
            Console.Error.WriteLine("../shared/data not found");
            return 1;
        }

        var text = new HtmlExtractor();
        var markdown = new HtmlExtractor(new ExtractionOptions { Format = ExtractionFormat.Markdown, IncludeLinks = true });
        foreach (var (name, folder) in new[]
        {
            ("article-extraction-benchmark", Path.Combine(data, "article-extraction-benchmark")),
            ("extraction-dev/dragnet", Path.Combine(data, "extraction-dev", "dragnet")),
            ("extraction-dev/cleaneval-dev", Path.Combine(data, "extraction-dev", "cleaneval-dev")),
            ("extraction-dev/readability", Path.Combine(data, "extraction-dev", "readability")),
        })
        {
            var truthPath = File.Exists(Path.Combine(folder, "ground-truth.json")) ? Path.Combine(folder, "ground-truth.json") : Path.Combine(folder, "truth.json");
            if (!File.Exists(truthPath))
            {
                Console.Error.WriteLine($"{name}: no truth file, skipped");
                continue;
            }

            using var truth = JsonDocument.Parse(File.ReadAllText(truthPath));
            var textScores = new List<PageScore>();
            var markdownScores = new List<PageScore>();
            var structure = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var page in truth.RootElement.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                var html = MetadataScore.ReadHtml(Path.Combine(folder, "html", page.Name + ".html.gz"));
                var url = page.Value.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
                var gold = page.Value.GetProperty("articleBody").GetString() ?? "";
                var plain = text.Extract(html, url).Text;
                var md = markdown.Extract(html, url).Text;
                textScores.Add(ShingleScore.ScorePage(gold, plain));
                markdownScores.Add(ShingleScore.ScorePage(gold, MarkdownText.Strip(md)));
                Count(structure, md);
                if (verbose && Math.Abs(textScores[^1].Precision - markdownScores[^1].Precision) + Math.Abs(textScores[^1].Recall - markdownScores[^1].Recall) > 0.01)
                {
                    Console.WriteLine($"  {name}/{page.Name}: text P={textScores[^1].Precision:F3} R={textScores[^1].Recall:F3}, markdown P={markdownScores[^1].Precision:F3} R={markdownScores[^1].Recall:F3}");
                }
            }

            var (tp, tr, tf) = ShingleScore.Aggregate(textScores);
            var (mp, mr, mf) = ShingleScore.Aggregate(markdownScores);
            Console.WriteLine($"{name} ({textScores.Count} pages): text P={tp:F4} R={tr:F4} F1={tf:F4}; markdown, markup stripped P={mp:F4} R={mr:F4} F1={mf:F4}");
            Console.WriteLine("  pages whose Markdown has " + string.Join(", ", structure.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {s.Value}")));
        }

        return 0;
    }

    private static void Count(Dictionary<string, int> structure, string markdown)
    {
        var lines = markdown.Split('\n');
        void Has(string what, bool yes) => structure[what] = structure.GetValueOrDefault(what) + (yes ? 1 : 0);
        Has("headings", lines.Any(l => l.StartsWith('#')));
        Has("lists", lines.Any(l => l.TrimStart().StartsWith("- ", StringComparison.Ordinal) || (l.TrimStart().Length > 2 && char.IsAsciiDigit(l.TrimStart()[0]) && l.TrimStart().Contains(". ", StringComparison.Ordinal))));
        Has("tables", lines.Any(l => l.StartsWith("| ---", StringComparison.Ordinal)));
        Has("code blocks", lines.Any(l => l.StartsWith("```", StringComparison.Ordinal)));
        Has("links", markdown.Contains("](", StringComparison.Ordinal));

        // What a CommonMark reader would take for blocks Winnow never writes: indented code, raw HTML, setext headings.
        var doc = Markdig.Markdown.Parse(markdown, MarkdownText.Pipeline);
        Has("unintended blocks", doc.Descendants<Block>().Any(b =>
            (b is CodeBlock and not FencedCodeBlock) || b is HtmlBlock
            || (b is HeadingBlock h && h.IsSetext)));
    }
}
