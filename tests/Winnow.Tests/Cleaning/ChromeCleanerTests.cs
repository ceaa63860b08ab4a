using System.Text.Json;
using Winnow.Cleaning;
using Winnow.Documents;
using Winnow.Tests.Support;

namespace Winnow.Tests.Cleaning;

public class ChromeCleanerTests
{
    [Fact]
    public void RemovesARunOfPostLinksWithDatesAndTheFirstCopyOfTheTitle()
    {
        var text = "A Made Up Headline About Rivers\n\nAn Older Post About Mountains\nMarch 3, 2019\n"
            + "A Newer Post About Lakes\nMarch 5, 2019\n\nA Made Up Headline About Rivers\n\nby Some Writer\n\n"
            + "The body starts here with a sentence long enough to count as prose in the article itself.\n";
        var cleaned = ChromeCleaner.Clean(text, out var removed);
        Assert.Equal(5, removed);
        Assert.Equal(text[text.IndexOf("A Made Up Headline About Rivers\n\nby", StringComparison.Ordinal)..], cleaned);
    }

    [Fact]
    public void KeepsASingleTitleAndDatePair()
    {
        var text = "A Made Up Headline About Rivers\nMarch 3, 2019\n\nBy Some Writer\n\n"
            + "The body starts here with a sentence long enough to count as prose in the article itself.\n";
        Assert.Equal(text, ChromeCleaner.Clean(text, out var removed));
        Assert.Equal(0, removed);
    }

    [Fact]
    public void RemovesSharePromptsAndPostNavigationOnly()
    {
        var text = "Next post: Rivers of the North\n\nThe body starts here with a sentence long enough to count as prose in the article.\n\n"
            + "Share this:\n\nPrint\n\nThe next post will be about rivers, says the writer.\n";
        var cleaned = ChromeCleaner.Clean(text, out var removed);
        Assert.Equal(3, removed);
        Assert.Equal("The body starts here with a sentence long enough to count as prose in the article.\n\n\n\n"
            + "The next post will be about rivers, says the writer.\n", cleaned);
    }

    [Fact]
    public void FirstSeedLosesExactlyTheChromeAboveTheTitle()
    {
        var path = SharedData.File("seeds", "000_974ea736afd95f53.txt");
        if (path is null)
        {
            return;
        }

        var text = File.ReadAllText(path);
        var lines = text.Split('\n');
        var second = Array.FindIndex(lines, 1, l => l == lines[0]);
        Assert.True(second > 1);
        var expected = string.Join('\n', lines[second..]);
        var cleaned = ChromeCleaner.Clean(text, out var removed);
        Assert.Equal(expected, cleaned);
        Assert.Equal(lines[..second].Count(l => l.Trim().Length > 0), removed);
    }

    [Fact]
    public void SecondSeedKeepsItsBody()
    {
        var path = SharedData.File("seeds", "002_48d5d820d7608b9f.txt");
        if (path is null)
        {
            return;
        }

        var text = File.ReadAllText(path);
        Assert.Equal(text, ChromeCleaner.Clean(text, out var removed));
        Assert.Equal(0, removed);
    }

    [Fact]
    public void RemovesNothingFromTheBenchmarkArticleBodies()
    {
        var truthPath = SharedData.File("data", "article-extraction-benchmark", "ground-truth.json");
        if (truthPath is null)
        {
            return;
        }

        using var truth = JsonDocument.Parse(File.ReadAllText(truthPath));
        var bodies = truth.RootElement.EnumerateObject().Select(p => (p.Name, Body: p.Value.GetProperty("articleBody").GetString() ?? "")).ToList();
        Assert.Equal(181, bodies.Count);
        var changed = bodies.Where(b => ChromeCleaner.Clean(b.Body, out _) != b.Body).Select(b => b.Name).ToList();
        Assert.Empty(changed);
    }

    [Fact]
    public void RunFileAcceptsTheChromeStage()
    {
        var stages = Winnow.Filters.FilterConfig.Parse("filters:\n  - chrome\n  - pii\n");
        Assert.IsType<ChromeCleanerStage>(stages[0]);
        Assert.Equal("chrome", stages[0].Name);
    }

    [Fact]
    public void StageRecordsRemovedLinesAndSkipsHtml()
    {
        var stage = new ChromeCleanerStage();
        var doc = new Document("d", "Share this:\nThe body starts here with a sentence long enough to count as prose in the article.", new DocumentSource("t", 1, 0), 0, 1);
        stage.Process(doc);
        Assert.Equal("The body starts here with a sentence long enough to count as prose in the article.", doc.Text);
        Assert.Equal(1, doc.Attributes!["chrome"]!["removed_lines"]!.GetValue<int>());
        var html = new Document("h", "Share this:\n<p>x</p>", new DocumentSource("t", 2, 0), 1, 1) { ContentType = ContentTypes.Html };
        stage.Process(html);
        Assert.Equal("Share this:\n<p>x</p>", html.Text);
    }
}
