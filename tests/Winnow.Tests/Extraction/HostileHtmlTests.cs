using System.Text;
using Winnow.Extraction;

namespace Winnow.Tests.Extraction;

public class HostileHtmlTests
{
    [Fact]
    public void DeepNestingIsFlattenedNotCrashed()
    {
        var html = new StringBuilder("<html><body>");
        html.Append("<p>Before the nesting there is a sentence of real text, long enough to count as content.</p>");
        for (var i = 0; i < 100_000; i++)
        {
            html.Append("<div>");
        }

        html.Append("<p>This text lies beyond the nesting limit.</p>");
        var page = new HtmlExtractor().Extract(html.ToString());
        Assert.Contains("nested deeper", page.Warning, StringComparison.Ordinal);
        Assert.Contains("Before the nesting", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("beyond the nesting limit", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void MillionAttributesAreSurvived()
    {
        var html = new StringBuilder("<html><body><div ");
        for (var i = 0; i < 1_000_000; i++)
        {
            html.Append("a").Append(i).Append("=x ");
        }

        html.Append("><p>After the attributes comes a paragraph with enough words to be kept as content.</p></div>");
        var page = new HtmlExtractor(new ExtractionOptions { MaxHtmlChars = 16 << 20 }).Extract(html.ToString());
        Assert.Null(page.Warning);
        Assert.Contains("After the attributes", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void HugePageIsCutToTheLimitWithAWarning()
    {
        var paragraph = "<p>Plenty of words in this paragraph, again and again, to make the page very large indeed.</p>";
        var html = new StringBuilder("<html><body><article>");
        while (html.Length < 50_000_000)
        {
            html.Append(paragraph);
        }

        var page = new HtmlExtractor(new ExtractionOptions { MaxHtmlChars = 1 << 20 }).Extract(html.ToString());
        Assert.NotNull(page.Warning);
        Assert.Contains("Plenty of words", page.Text, StringComparison.Ordinal);
        Assert.True(page.Text.Length < 2 << 20);
    }

    [Fact]
    public void BrokenBytesDecodeToValidText()
    {
        byte[] bytes = [.. "<html><body><p>caf"u8, 0xE9, 0xFF, 0xC3, .. " and more words so the paragraph is long enough</p>"u8];
        var text = HtmlDecoder.Decode(bytes, "text/html; charset=utf-8");
        Assert.True(System.Text.Unicode.Utf8.IsValid(Encoding.UTF8.GetBytes(text)));
        Assert.Contains('\uFFFD', text);
        Assert.Contains("caf", new HtmlExtractor().Extract(text).Text, StringComparison.Ordinal);
    }
}
