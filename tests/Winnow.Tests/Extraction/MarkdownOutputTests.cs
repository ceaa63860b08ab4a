using System.Text.Json;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Winnow.Evaluation;
using Winnow.Extraction;
using Winnow.Tests.Support;

namespace Winnow.Tests.Extraction;

/// <summary>The Markdown output, read back by a CommonMark parser (Markdig), has the page's structure.</summary>
public class MarkdownOutputTests
{
    private const string Filler = "<p>This paragraph of the article is long enough, with commas, to count as real content here.</p>";

    private static string Markdown(string body, bool links = false) =>
        new HtmlExtractor(new ExtractionOptions { Format = ExtractionFormat.Markdown, IncludeLinks = links })
            .Extract($"<html><body><article>{Filler}{body}{Filler}</article></body></html>").Text;

    private static MarkdownDocument Parse(string markdown) => Markdig.Markdown.Parse(markdown, MarkdownText.Pipeline);

    private static string Text(Block block) => block is LeafBlock { Inline: { } inline } ? InlineText(inline) : "";

    // The inline's text in order, as a reader sees it (no markup).
    private static string InlineText(ContainerInline? inline)
    {
        var text = new System.Text.StringBuilder();
        for (var child = inline?.FirstChild; child is not null; child = child.NextSibling)
        {
            text.Append(child switch
            {
                LiteralInline literal => literal.Content.ToString(),
                CodeInline code => code.Content,
                ContainerInline container => InlineText(container),
                LineBreakInline => " ",
                _ => "",
            });
        }

        return text.ToString();
    }

    [Fact]
    public void HeadingsKeepTheirLevels()
    {
        var doc = Parse(Markdown("<h2>Second level</h2>" + Filler + "<h3>Third <em>level</em></h3>" + Filler));
        var headings = doc.Descendants<HeadingBlock>().Select(h => (h.Level, Text(h))).ToList();
        Assert.Equal([(2, "Second level"), (3, "Third level")], headings);
    }

    [Fact]
    public void NestedAndNumberedListsStayLists()
    {
        var doc = Parse(Markdown("""
            <ul><li>First point</li><li>Second point<ul><li>Nested point</li></ul></li></ul>
            <ol><li>One</li><li><div>Two, inside a wrapper</div></li><li>Three</li></ol>
            """));
        var lists = doc.Descendants<ListBlock>().ToList();
        Assert.Equal(3, lists.Count);
        Assert.False(lists[0].IsOrdered);
        var nested = Assert.Single(lists[0][1].Descendants<ListBlock>());
        Assert.Equal("Nested point", Text(nested.Descendants<ParagraphBlock>().Single()));
        var numbered = lists.Single(l => l.IsOrdered);
        Assert.Equal(["One", "Two, inside a wrapper", "Three"], numbered.Select(item => Text(item.Descendants<ParagraphBlock>().First())));
    }

    [Fact]
    public void ADataTableIsAPipeTable()
    {
        var doc = Parse(Markdown("""
            <table><thead><tr><th>Name</th><th>Size</th><th>Note</th></tr></thead>
            <tbody><tr><td>alpha</td><td><p>12</p></td><td>a | b</td></tr>
            <tr><td>beta</td><td>7</td></tr></tbody></table>
            """));
        var table = Assert.Single(doc.Descendants<Table>());
        var rows = table.OfType<TableRow>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.True(rows[0].IsHeader);
        Assert.Equal(["Name", "Size", "Note"], rows[0].OfType<TableCell>().Select(c => Text(c.Descendants<ParagraphBlock>().Single())));
        Assert.Equal(["alpha", "12", "a | b"], rows[1].OfType<TableCell>().Select(c => Text(c.Descendants<ParagraphBlock>().Single())));
    }

    [Fact]
    public void ALayoutTableIsWrittenAsItsBlocks()
    {
        var markdown = Markdown("<table><tr><td><h2>Inside a layout cell</h2><ul><li>an item</li></ul></td><td>side text of the layout</td></tr></table>");
        var doc = Parse(markdown);
        Assert.Empty(doc.Descendants<Table>());
        Assert.Equal("Inside a layout cell", Text(doc.Descendants<HeadingBlock>().Single()));
    }

    [Fact]
    public void CodeBlocksKeepTheirTextExactly()
    {
        var code = "def f(x):\n    return `x` * 2  # ```\n\n\nprint(f(3))";
        var doc = Parse(Markdown($"<pre><code>{System.Net.WebUtility.HtmlEncode(code)}\n</code></pre>"));
        var block = Assert.Single(doc.Descendants<FencedCodeBlock>());
        Assert.Equal(code, block.Lines.ToString());
    }

    [Fact]
    public void CodeInAListItemStaysInTheItem()
    {
        var doc = Parse(Markdown("<ol><li><p>Run this:</p><pre>make\n  make install</pre></li><li>Done</li></ol>"));
        var list = Assert.Single(doc.Descendants<ListBlock>());
        Assert.Equal(2, list.Count);
        var code = Assert.Single(list[0].Descendants<FencedCodeBlock>());
        Assert.Equal("make\n  make install", code.Lines.ToString());
    }

    [Fact]
    public void InlineCodeAndEmphasisAreMarked()
    {
        var paragraph = Parse(Markdown("<p>Call <code>a`b</code> with <strong>bold</strong> and <em> spaced </em>words.</p>"))
            .Descendants<ParagraphBlock>().Single(p => InlineText(p.Inline).StartsWith("Call", StringComparison.Ordinal));
        Assert.Equal("a`b", paragraph.Inline!.Descendants<CodeInline>().Single().Content);
        var emphasis = paragraph.Inline!.Descendants<EmphasisInline>().Select(e => (e.DelimiterCount, InlineText(e))).ToList();
        Assert.Equal([(2, "bold"), (1, "spaced")], emphasis);
        Assert.Equal("Call a`b with bold and spaced words.", InlineText(paragraph.Inline));
    }

    [Fact]
    public void LinksAreKeptOnRequestOnly()
    {
        const string body = """<p>See <a href="https://example.com/a (b)">the source</a>, <a href="#top">back to top</a> and <a href="/x"><img src="i.png"></a>.</p>""";
        var links = Parse(Markdown(body, links: true)).Descendants<LinkInline>().Select(l => (l.Url, InlineText(l))).ToList();
        Assert.Equal([("https://example.com/a (b)", "the source")], links);
        Assert.Empty(Parse(Markdown(body)).Descendants<LinkInline>());
    }

    [Fact]
    public void TextThatLooksLikeMarkupStaysText()
    {
        var doc = Parse(Markdown("<p>1. Not a list</p><p># Not a heading</p><p>Stars *here* and [brackets] stay.</p><p>-----</p>"));
        Assert.Empty(doc.Descendants<ListBlock>());
        Assert.Empty(doc.Descendants<HeadingBlock>());
        Assert.Empty(doc.Descendants<EmphasisInline>());
        Assert.Empty(doc.Descendants<ThematicBreakBlock>());
        Assert.Contains(doc.Descendants<ParagraphBlock>(), p => InlineText(p.Inline) == "Stars *here* and [brackets] stay.");
    }

    [Fact]
    public void EmphasisAcrossBlocksClosesInEach()
    {
        var doc = Parse(Markdown("<b><p>First bold paragraph</p><p>Second bold paragraph</p></b>"));
        var bold = doc.Descendants<EmphasisInline>().Select(InlineText).ToList();
        Assert.Equal(["First bold paragraph", "Second bold paragraph"], bold);
    }

    [Fact]
    public void QuotesAreQuoteBlocks()
    {
        var quote = Assert.Single(Parse(Markdown("<blockquote><p>Quoted words</p><p>More quoted words</p></blockquote>")).Descendants<QuoteBlock>());
        Assert.Equal(["Quoted words", "More quoted words"], quote.Descendants<ParagraphBlock>().Select(Text));
    }

    [Fact]
    public void DeepInlineAndListNestingStaysMarkdown()
    {
        var body = new System.Text.StringBuilder();
        for (var i = 0; i < 2000; i++)
        {
            body.Append(i % 2 == 0 ? "<b>" : "<ul><li>");
        }

        body.Append("Deep text in the middle of all that nesting, long enough to be kept.");
        var markdown = Markdown(body.ToString());
        Assert.Contains("Deep text in the middle", MarkdownText.Strip(markdown), StringComparison.Ordinal);
        Assert.Contains("**", markdown, StringComparison.Ordinal);
    }

    [SharedDataFact("data/article-extraction-benchmark")]
    public void StrippedMarkdownScoresAsThePlainTextOnTheBenchmark()
    {
        var bench = SharedData.Folder("data/article-extraction-benchmark")!;
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(bench, "ground-truth.json")));
        var text = new HtmlExtractor();
        var markdown = new HtmlExtractor(new ExtractionOptions { Format = ExtractionFormat.Markdown, IncludeLinks = true });
        var plain = new List<PageScore>();
        var stripped = new List<PageScore>();
        foreach (var page in truth.RootElement.EnumerateObject())
        {
            var html = MetadataScore.ReadHtml(Path.Combine(bench, "html", page.Name + ".html.gz"));
            var gold = page.Value.GetProperty("articleBody").GetString() ?? "";
            plain.Add(ShingleScore.ScorePage(gold, text.Extract(html).Text));
            stripped.Add(ShingleScore.ScorePage(gold, MarkdownText.Strip(markdown.Extract(html).Text)));
        }

        var (_, _, textF1) = ShingleScore.Aggregate(plain);
        var (_, _, markdownF1) = ShingleScore.Aggregate(stripped);
        Assert.True(Math.Abs(textF1 - markdownF1) < 0.001, $"text F1 {textF1:F4}, Markdown F1 {markdownF1:F4}");
    }
}
