using Winnow.Evaluation;
using Winnow.Extraction;

namespace Winnow.Bench;

/// <summary>
/// Page by page, the fast parser against AngleSharp (the HTML5 reference) on every shared dataset,
/// through the command's path: how many give identical text and identical metadata, and the
/// shingle score of each where they differ. A difference is a tree-building rule to check.
/// </summary>
internal static class ParserComparison
{
    public static int Run()
    {
        var root = SharedData.Root();
        if (root is null)
        {
            Console.Error.WriteLine("../shared/data not found");
            return 1;
        }

        foreach (var dataset in ExtractionDataset.FindAll(Path.Combine(root, "data")))
        {
            var fast = ShippedExtraction.Pages(dataset.HtmlFolder);
            var reference = ShippedExtraction.Pages(dataset.HtmlFolder, ShippedExtraction.CommandDefaults with { Parser = HtmlParserKind.AngleSharp });
            int pages = 0, sameText = 0, sameMeta = 0;
            foreach (var ((file, a), (_, b)) in fast.Zip(reference))
            {
                var id = ExtractionDataset.IdOf(file);
                pages++;
                var metaEqual = (a.Title, a.Author, a.Date, a.SiteName, a.Language, a.Description) == (b.Title, b.Author, b.Date, b.SiteName, b.Language, b.Description);
                sameMeta += metaEqual ? 1 : 0;
                if (a.Text == b.Text)
                {
                    sameText++;
                }
                else
                {
                    var expected = dataset.Truth.GetValueOrDefault(id) ?? "";
                    var fa = ShingleScore.ScorePage(expected, a.Text);
                    var fb = ShingleScore.ScorePage(expected, b.Text);
                    Console.WriteLine($"  {dataset.Name} {id} text differs: fast P={fa.Precision:F3} R={fa.Recall:F3}, AngleSharp P={fb.Precision:F3} R={fb.Recall:F3}, {a.Text.Length} vs {b.Text.Length} chars");
                }

                if (!metaEqual)
                {
                    Console.WriteLine($"  {dataset.Name} {id} metadata differs: fast ({a.Title} | {a.Author} | {a.Date}) AngleSharp ({b.Title} | {b.Author} | {b.Date})");
                }
            }

            Console.WriteLine($"{dataset.Name}: fast vs AngleSharp, identical text on {sameText}/{pages} pages, identical metadata on {sameMeta}/{pages}");
        }

        return 0;
    }
}
