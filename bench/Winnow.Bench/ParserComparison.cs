using System.Text.Json;
using Winnow.Evaluation;
using Winnow.Extraction;

namespace Winnow.Bench;

/// <summary>
/// Page by page, the fast parser against AngleSharp on the article-extraction benchmark's pages:
/// how many give identical text and identical metadata, and the shingle F1 of each where they differ.
/// </summary>
internal static class ParserComparison
{
    public static int Run()
    {
        var bench = SharedData.Data("article-extraction-benchmark");
        if (bench is null)
        {
            Console.Error.WriteLine("../shared/data/article-extraction-benchmark not found");
            return 1;
        }

        var fast = new HtmlExtractor();
        var reference = new HtmlExtractor(new ExtractionOptions { Parser = HtmlParserKind.AngleSharp });
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(bench, "ground-truth.json")));
        int pages = 0, sameText = 0, sameMeta = 0;
        foreach (var page in truth.RootElement.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var html = ExtractionQuality.ReadHtml(Path.Combine(bench, "html", page.Name + ".html.gz"));
            var url = page.Value.GetProperty("url").GetString();
            var a = fast.Extract(html, url);
            var b = reference.Extract(html, url);
            pages++;
            var metaEqual = (a.Title, a.Author, a.Date, a.SiteName, a.Language, a.Description) == (b.Title, b.Author, b.Date, b.SiteName, b.Language, b.Description);
            sameMeta += metaEqual ? 1 : 0;
            if (a.Text == b.Text)
            {
                sameText++;
            }
            else
            {
                var expected = page.Value.GetProperty("articleBody").GetString() ?? "";
                var fa = ShingleScore.ScorePage(expected, a.Text);
                var fb = ShingleScore.ScorePage(expected, b.Text);
                Console.WriteLine($"  {page.Name[..12]} text differs: fast P={fa.Precision:F3} R={fa.Recall:F3}, AngleSharp P={fb.Precision:F3} R={fb.Recall:F3}, {a.Text.Length} vs {b.Text.Length} chars");
            }

            if (!metaEqual)
            {
                Console.WriteLine($"  {page.Name[..12]} metadata differs: fast ({a.Title} | {a.Author} | {a.Date}) AngleSharp ({b.Title} | {b.Author} | {b.Date})");
            }
        }

        Console.WriteLine($"fast vs AngleSharp: identical text on {sameText}/{pages} pages, identical metadata on {sameMeta}/{pages}");
        return 0;
    }
}
