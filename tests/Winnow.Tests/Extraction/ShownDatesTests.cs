using Winnow.Extraction;
using Winnow.Extraction.Html;

namespace Winnow.Tests.Extraction;

public class ShownDatesTests
{
    private static string? FirstDate(string body) =>
        ShownDates.InDateElement(FastHtmlParser.ForThread.Parse("<body>" + body + "</body>", 5000).Body, englishPage: true);

    [Theory]
    // A class or id word that is another block's name, or starts a camelCase compound with one:
    // the block's dates are not the page's.
    [InlineData("comments")]
    [InlineData("commentText")]
    [InlineData("post-Sidebar")]
    [InlineData("RELATED")]
    [InlineData("x navbar")]
    [InlineData("Breadcrumbs_2")]
    public void DatesInBlocksNamedForOtherContentArePassedOver(string name)
    {
        Assert.Equal("2013-06-01", FirstDate($"<div class=\"{name}\"><span class=\"date\">May 5, 2012</span></div><p class=\"date\">June 1, 2013</p>"));
        Assert.Equal("2013-06-01", FirstDate($"<div id=\"{name}\"><span class=\"date\">May 5, 2012</span></div><p class=\"date\">June 1, 2013</p>"));
    }

    [Theory]
    // Words that only begin with a name, hold one inside, or are a path are not other blocks.
    [InlineData("commented")]
    [InlineData("contentWithSidebar")]
    [InlineData("recently")]
    [InlineData("/comments/1")]
    [InlineData("zcomments")]
    [InlineData("éditorial")]
    public void DatesInOtherBlocksAreThePagesOwn(string name) =>
        Assert.Equal("2012-05-05", FirstDate($"<div class=\"{name}\"><span class=\"date\">May 5, 2012</span></div><p class=\"date\">June 1, 2013</p>"));
}
