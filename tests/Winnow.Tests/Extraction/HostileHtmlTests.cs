using System.Text;
using Winnow.Extraction;
using Winnow.Text;

namespace Winnow.Tests.Extraction;

/// <summary>Pages written to hurt: both parsers must survive them (the fast one is the default, AngleSharp the reference option).</summary>
public class HostileHtmlTests
{
    [Theory]
    [InlineData(HtmlParserKind.Fast)]
    [InlineData(HtmlParserKind.AngleSharp)]
    public void DeepNestingIsFlattenedNotCrashed(HtmlParserKind parser)
    {
        var html = new StringBuilder("<html><body>");
        html.Append("<p>Before the nesting there is a sentence of real text, long enough to count as content.</p>");
        for (var i = 0; i < 100_000; i++)
        {
            html.Append("<div>");
        }

        html.Append("<p>This text lies beyond the nesting limit.</p>");
        var page = new HtmlExtractor(new ExtractionOptions { Parser = parser }).Extract(html.ToString());
        Assert.Contains("nested deeper", page.Warning, StringComparison.Ordinal);
        Assert.Contains("Before the nesting", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("beyond the nesting limit", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ManyUnclosedTitlesStayLinear()
    {
        // Each title without an end tag ends at the next tag; the search for its end tag must not
        // rescan the rest of the page for every one of them.
        var html = new StringBuilder("<p>A sentence of real text before the titles, long enough to count as content.</p>");
        html.Insert(html.Length, "<title>x", 300_000).Append("<p>And one more sentence after them, long enough to count as content too.</p>");
        var page = new HtmlExtractor().Extract(html.ToString());
        Assert.Contains("one more sentence", page.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HtmlParserKind.Fast)]
    [InlineData(HtmlParserKind.AngleSharp)]
    public void MillionAttributesAreSurvived(HtmlParserKind parser)
    {
        var html = new StringBuilder("<html><body><div ");
        for (var i = 0; i < 1_000_000; i++)
        {
            html.Append("a").Append(i).Append("=x ");
        }

        html.Append("><p>After the attributes comes a paragraph with enough words to be kept as content.</p></div>");
        var page = new HtmlExtractor(new ExtractionOptions { MaxHtmlChars = 16 << 20, Parser = parser }).Extract(html.ToString());
        Assert.Null(page.Warning);
        Assert.Contains("After the attributes", page.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HtmlParserKind.Fast)]
    [InlineData(HtmlParserKind.AngleSharp)]
    public void HugePageIsCutToTheLimitWithAWarning(HtmlParserKind parser)
    {
        var paragraph = "<p>Plenty of words in this paragraph, again and again, to make the page very large indeed.</p>";
        var html = new StringBuilder("<html><body><article>");
        while (html.Length < 50_000_000)
        {
            html.Append(paragraph);
        }

        var page = new HtmlExtractor(new ExtractionOptions { MaxHtmlChars = 1 << 20, Parser = parser }).Extract(html.ToString());
        Assert.NotNull(page.Warning);
        Assert.Contains("Plenty of words", page.Text, StringComparison.Ordinal);
        Assert.True(page.Text.Length < 2 << 20);
    }

    [Theory]
    [InlineData(HtmlParserKind.Fast)]
    [InlineData(HtmlParserKind.AngleSharp)]
    public void ScriptsAndStylesNeverBecomeText(HtmlParserKind parser)
    {
        const string Html = """
            <html><head><style>p::before { content: "STYLED" }</style>
            <script>document.write("<p>INJECTED by a script, a paragraph with plenty of words in it.</p>")</script></head>
            <body><article><p>The real article text is here, a paragraph long enough to be kept as the content.</p>
            <script type="text/javascript">var x = "SCRIPTED text that must not appear in the output at all";</script>
            <iframe src="https://example.invalid/frame"></iframe><img src="https://example.invalid/pixel.gif" onerror="document.write('ONERROR')">
            <p>A second paragraph of the article, also long enough to be counted as real content.</p></article></body></html>
            """;
        var page = new HtmlExtractor(new ExtractionOptions { Parser = parser }).Extract(Html);
        Assert.Contains("The real article text", page.Text, StringComparison.Ordinal);
        foreach (var injected in new[] { "INJECTED", "SCRIPTED", "STYLED", "ONERROR" })
        {
            Assert.DoesNotContain(injected, page.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void BrokenBytesDecodeToValidText()
    {
        byte[] bytes = [.. "<html><body><p>caf"u8, 0xE9, 0xFF, 0xC3, .. " and more words so the paragraph is long enough</p>"u8];
        var text = CharsetDecoder.Decode(bytes, "text/html; charset=utf-8");
        Assert.True(System.Text.Unicode.Utf8.IsValid(Encoding.UTF8.GetBytes(text)));
        Assert.Contains('\uFFFD', text);
        Assert.Contains("caf", new HtmlExtractor().Extract(text).Text, StringComparison.Ordinal);
    }
}
