using Winnow.Extraction;

namespace Winnow.Tests.Extraction;

/// <summary>Bylines are reported as names: prefixes, dates and handles around them are cut.</summary>
public class BylineTests
{
    [Theory]
    [InlineData("By Jane Doe", "Jane Doe")]
    [InlineData("by JANE DOE", "JANE DOE")]
    [InlineData("BY: Jane Doe", "Jane Doe")]
    [InlineData("Posted by Jane Doe", "Jane Doe")]
    [InlineData("Written by Jane Doe and John Roe", "Jane Doe and John Roe")]
    [InlineData("Par Jeanne Dupont", "Jeanne Dupont")]
    [InlineData("// By Jane Doe • Nov 11, 2020", "Jane Doe")]
    [InlineData("By Jane Doe\n   March 11, 2015 3:46 PM", "Jane Doe")]
    [InlineData("Posted by Jane on April 6, 2007 | Permalink", "Jane")]
    [InlineData("by jdoe on December 4, 2010", "jdoe")]
    [InlineData("Jane Doe, 12/03/2015", "Jane Doe")]
    [InlineData("Jane Doe | 3 hours ago", "Jane Doe")]
    [InlineData("by Jane Doe22 Dec 2016651", "Jane Doe")]
    [InlineData("Tuesday 15 October 2019 by Jane Doe", "Jane Doe")]
    [InlineData("Posted on November 6, 2012 by Jane Doe", "Jane Doe")]
    [InlineData("by Jane Doe @janedoe February 1, 2016: 12:41 PM ET", "Jane Doe")]
    [InlineData("Jane Doe Follow @janedoe", "Jane Doe")]
    [InlineData("Jane Doe Updated March 5, 2012", "Jane Doe")]
    [InlineData("Porter Byrd", "Porter Byrd")]
    [InlineData("Marathe Nikhil", "Marathe Nikhil")]
    [InlineData("May Smith", "May Smith")]
    [InlineData("Jane Doe |", "Jane Doe")]
    [InlineData("Jane Doe | Reuters – 1 hour", "Jane Doe | Reuters")]
    [InlineData("View all posts by Jane Doe →", "Jane Doe")]
    [InlineData("Posted in Ideas By Jane", "Jane")]
    [InlineData("Jane Doe 0", "Jane Doe")]
    [InlineData("Byron", "Byron")]
    public void KeepsTheNames(string shown, string names) => Assert.Equal(names, BylineCleaner.Clean(shown));

    [Theory]
    [InlineData("April 28, 2019 at 6:01 am Updated April 29, 2019 at 3:33 pm")]
    [InlineData("By")]
    [InlineData("   ")]
    [InlineData("12/03/2015")]
    [InlineData("1:54 pm")]
    [InlineData("Posted on")]
    public void NothingLeftIsNoByline(string shown) => Assert.Null(BylineCleaner.Clean(shown));

    [Fact]
    public void VisibleBylineLosesItsPrefixAndDate()
    {
        var page = new HtmlExtractor().Extract("""
            <html><body><article><h1>A title</h1>
            <p class="byline">Posted by Jane Doe on March 5, 2012 at 4:00 pm</p>
            <p>The story itself is long enough, with commas, to be the content of this page.</p>
            </article></body></html>
            """);
        Assert.Equal("Jane Doe", page.Author);
    }

    [Fact]
    public void ADateOnlyBylineFallsThroughToTheNextSource()
    {
        var page = new HtmlExtractor().Extract("""
            <html><head><meta name="twitter:title" content="x"></head><body><article><h1>A title</h1>
            <div class="byline">April 28, 2019 at 6:01 am</div>
            <p>The story itself is long enough, with commas, to be the content of this page.</p>
            <span itemprop="author"><span itemprop="name">Jane Doe</span></span>
            </article></body></html>
            """);
        Assert.Equal("Jane Doe", page.Author);
    }

    [Fact]
    public void MetaAuthorIsCleanedToo()
    {
        var page = new HtmlExtractor().Extract("""<html><head><meta name="author" content="By Jane Doe"></head><body><p>Text.</p></body></html>""");
        Assert.Equal("Jane Doe", page.Author);
    }
}
