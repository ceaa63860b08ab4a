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

    [SharedDataFact("seeds/000_974ea736afd95f53.txt")]
    public void FirstSeedLosesExactlyTheChromeAboveTheTitle()
    {
        var path = SharedData.File("seeds", "000_974ea736afd95f53.txt");
        var text = File.ReadAllText(path!);
        var lines = text.Split('\n');
        var second = Array.FindIndex(lines, 1, l => l == lines[0]);
        Assert.True(second > 1);
        // The body stays but for the one contact stub whose address extraction stripped.
        var stub = Array.FindIndex(lines, l => l.TrimEnd().EndsWith(". Contact at", StringComparison.Ordinal));
        Assert.True(stub > second);
        lines[stub] = lines[stub].TrimEnd()[..^" Contact at".Length];
        var expected = string.Join('\n', lines[second..]);
        var cleaned = ChromeCleaner.Clean(text, out var removed, out var stubs);
        Assert.Equal(expected, cleaned);
        Assert.Equal(lines[..second].Count(l => l.Trim().Length > 0), removed);
        Assert.Equal(1, stubs);
    }

    [SharedDataFact("seeds/002_48d5d820d7608b9f.txt")]
    public void SecondSeedKeepsItsBody()
    {
        var path = SharedData.File("seeds", "002_48d5d820d7608b9f.txt");
        var text = File.ReadAllText(path!);
        Assert.Equal(text, ChromeCleaner.Clean(text, out var removed));
        Assert.Equal(0, removed);
    }

    [SharedDataFact("data/article-extraction-benchmark/ground-truth.json")]
    public void RemovesNothingFromTheBenchmarkArticleBodies()
    {
        var truthPath = SharedData.File("data", "article-extraction-benchmark", "ground-truth.json");
        using var truth = JsonDocument.Parse(File.ReadAllText(truthPath!));
        var bodies = truth.RootElement.EnumerateObject().Select(p => (p.Name, Body: p.Value.GetProperty("articleBody").GetString() ?? "")).ToList();
        Assert.Equal(181, bodies.Count);
        var changed = bodies.Where(b => ChromeCleaner.Clean(b.Body, out _) != b.Body).Select(b => b.Name).ToList();
        Assert.Empty(changed);
    }

    [Theory]
    [InlineData("Visit my site (example). Contact at", "Visit my site (example).")]
    [InlineData("Read more here! Email me at  ", "Read more here!")]
    [InlineData("Contact:", "")]
    [InlineData("Please contact at the front desk", "Please contact at the front desk")]
    [InlineData("Contact us at noon on Monday.", "Contact us at noon on Monday.")]
    [InlineData("The office we contact at", "The office we contact at")]
    public void DanglingContactStubsGoAndNothingElse(string line, string expected)
    {
        var text = "A first line of ordinary prose that is long enough to be the start of the body.\n" + line;
        var cleaned = ChromeCleaner.Clean(text, out _, out var stubs);
        Assert.Equal("A first line of ordinary prose that is long enough to be the start of the body.\n" + expected, cleaned);
        Assert.Equal(expected == line ? 0 : 1, stubs);
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
