using System.Text;
using Winnow.Extraction;
using Winnow.IO;
using Winnow.Text;

namespace Winnow.Tests.Extraction;

public class HtmlExtractorTests
{
    [Fact]
    public void TheWarmUpPageReachesMetadataAndContentAndChangesNoLaterPage()
    {
        var warm = new HtmlExtractor().Extract(HtmlExtractor.WarmUpPage, null, null);
        Assert.Contains("The first paragraph of the page", warm.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Copyright", warm.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("reader's comment", warm.Text, StringComparison.Ordinal);
        Assert.StartsWith("2024-05-06", warm.Date, StringComparison.Ordinal);
        Assert.Equal("A. Writer", warm.Author);
        Assert.Equal("en-GB", warm.Language);

        // The same pages, each record whole, on a thread that warmed up and on one that did not.
        byte[][] pages =
        [
            Encoding.UTF8.GetBytes("<html><head><title>One</title></head><body><div class=post><p>" + string.Join(' ', Enumerable.Repeat("Words of a sentence, and more.", 30)) + "</p></div><div class=sidebar>Menu</div></body></html>"),
            Encoding.UTF8.GetBytes("<html lang=fr><body class=home><article><h1>Deux</h1><p>Un paragraphe assez long, avec des virgules, pour compter comme du texte.</p><time datetime=2021-03-04>hier</time></article></body></html>"),
            [.. HtmlExtractor.WarmUpPage],
        ];
        List<ExtractedPage> OnNewThread(bool warmUp)
        {
            var results = new List<ExtractedPage>();
            var thread = new Thread(() =>
            {
                var extractor = new HtmlExtractor();
                if (warmUp)
                {
                    extractor.WarmUp();
                }

                results.AddRange(pages.Select(p => extractor.Extract(p, null, null)));
            });
            thread.Start();
            thread.Join();
            return results;
        }

        Assert.Equal(OnNewThread(warmUp: false), OnNewThread(warmUp: true));
    }

    private const string Article = """
        <html lang="en"><head><title>The Real Title | Example News</title>
        <meta property="og:site_name" content="Example News">
        <meta name="description" content="A summary.">
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"The Real Title","author":{"@type":"Person","name":"Ada Writer"},"datePublished":"2021-03-04T05:06:07+01:00"}</script>
        </head><body>
        <nav><a href="/">Home</a> <a href="/news">News</a></nav>
        <div id="cookie-consent">We use cookies to improve your experience, please accept them all right now.</div>
        <article class="post-content">
          <h1>The Real Title</h1>
          <p>The first paragraph of the story has enough words, commas, and length to be real content here.</p>
          <h2>A subheading</h2>
          <p>The second paragraph continues the story with <em>emphasis</em>, more words, and more commas.</p>
          <ul><li>First point of a list inside the article body</li><li>Second point of that list</li></ul>
          <div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Tweet this story</a></div>
          <div class="author-bio">Ada Writer writes about things, and has done so for years, at many places.</div>
        </article>
        <div class="related-posts"><a href="/a">Another story entirely about something else</a><a href="/b">Yet another story</a></div>
        <div id="comments"><p>A reader comment that says something long enough to be a paragraph, truly.</p></div>
        <footer>Copyright 2021 Example News. All rights reserved.</footer>
        </body></html>
        """;

    [Fact]
    public void KeepsTheArticleAndDropsChrome()
    {
        var text = new HtmlExtractor().Extract(Article).Text;
        Assert.Contains("The first paragraph", text, StringComparison.Ordinal);
        Assert.Contains("A subheading", text, StringComparison.Ordinal);
        Assert.Contains("Second point of that list", text, StringComparison.Ordinal);
        foreach (var chrome in new[] { "Home", "cookies", "Share on Facebook", "writes about things", "Another story", "reader comment", "Copyright" })
        {
            Assert.DoesNotContain(chrome, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void CommentsAreKeptOnRequest()
    {
        var page = new HtmlExtractor(new ExtractionOptions { IncludeComments = true }).Extract(
            "<html><body><article><p>The story itself is long enough, with commas, to be the content.</p>"
            + "<div id=\"comments\"><p>A reader comment that says something long enough to be a paragraph.</p></div></article></body></html>");
        Assert.Contains("reader comment", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkdownKeepsStructure()
    {
        var text = new HtmlExtractor(new ExtractionOptions { Format = ExtractionFormat.Markdown }).Extract(Article).Text;
        Assert.Contains("## A subheading", text, StringComparison.Ordinal);
        Assert.Contains("- First point", text, StringComparison.Ordinal);
        Assert.Contains("*emphasis*", text, StringComparison.Ordinal);
    }

    [Fact]
    public void MetadataComesFromJsonLdAndMetaTags()
    {
        var page = new HtmlExtractor().Extract(Article, "https://example.com/2020/01/02/story");
        Assert.Equal("The Real Title", page.Title);
        Assert.Equal("Ada Writer", page.Author);
        Assert.Equal("2021-03-04T05:06:07+01:00", page.Date);
        Assert.Equal("Example News", page.SiteName);
        Assert.Equal("en", page.Language);
        Assert.Equal("A summary.", page.Description);
    }

    [Theory]
    [InlineData("November 19, 2019", "2019-11-19")]
    [InlineData("2019-11-19T10:00:00Z", "2019-11-19T10:00:00+00:00")]
    [InlineData("Tue, 19 Nov 2019 10:00:00 GMT", "2019-11-19T10:00:00+00:00")]
    [InlineData("2019/11/19", "2019-11-19")]
    [InlineData("not a date", null)]
    public void DatesAreNormalizedToIso(string raw, string? expected) => Assert.Equal(expected, DateNormalizer.Normalize(raw));

    [Fact]
    public void DecodingIntoABufferGivesTheCharactersOfTheDecodedString()
    {
        byte[][] pages =
        [
            [.. "<p>caf"u8, 0xC3, 0xA9, .. "</p>"u8],
            [0xEF, 0xBB, 0xBF, .. "<p>bom</p>"u8],
            [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("<p>utf-16 le \u00e9</p>")],
            [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes("<p>utf-16 be</p>")],
            [.. "<meta charset=windows-1251><p>"u8, 0xCF, 0xF0, 0xE8],
            [.. "<p>bad utf-8 "u8, 0xC3, 0x28, 0xFF, .. " then more"u8],
            [.. "<p>latin "u8, 0xE9, .. " alone"u8],
            [],
            [.. Enumerable.Repeat((byte)'x', 200_000)],
            [.. "<p>"u8, .. Enumerable.Repeat((byte)'y', PageBuffer<char>.KeptLimit), .. "\u00e9"u8], // grows the thread's buffer
        ];
        foreach (var page in pages)
        {
            foreach (var contentType in new[] { null, "text/html; charset=iso-8859-2" })
            {
                var buffer = PageBuffer<char>.ForPage();
                var length = CharsetDecoder.DecodeInto(page, contentType, buffer);
                Assert.Equal(CharsetDecoder.Decode(page, contentType), new string(buffer.Span[..length]));
            }
        }
    }

    [Fact]
    public void CharsetComesFromMetaWhenBytesAreNotUtf8()
    {
        byte[] bytes = [.. "<html><head><meta charset=\"windows-1252\"></head><body>caf"u8, 0xE9, .. "</body></html>"u8];
        Assert.Contains("café", CharsetDecoder.Decode(bytes), StringComparison.Ordinal);
        Assert.Contains("café", CharsetDecoder.Decode([.. "<p>caf"u8, 0xE9]), StringComparison.Ordinal);
        Assert.Contains("café", CharsetDecoder.Decode([0xEF, 0xBB, 0xBF, .. "<p>caf\u00e9"u8.ToArray()]), StringComparison.Ordinal);
    }
}
