using Winnow.Extraction;

namespace Winnow.Tests.Extraction;

/// <summary>Where the publication date is found, on hand-written pages: one source at a time, and the order between them.</summary>
public class PublicationDateTests
{
    private const string Story = "<p>The story itself is long enough, with commas, to be the content of this page.</p>";

    private static string? DateOf(string head, string body, string? url = null) =>
        new HtmlExtractor().Extract($"<html><head>{head}</head><body>{body}</body></html>", url).Date;

    [Fact]
    public void HAtomAbbrPublishedGivesItsTitle() =>
        Assert.Equal("2012-06-25", DateOf("", $"""<div class="hentry"><abbr class="published" title="2012-06-25">June 25</abbr>{Story}</div>"""));

    [Fact]
    public void BloggerAbbrWithOnlyATimeShownGivesTheDayOfItsTitle() =>
        Assert.Equal("2016-05-08T00:55:00-07:00", DateOf("", $"""<abbr class="published" itemprop="datePublished" title="2016-05-08T00:55:00-07:00">12:55 AM</abbr>{Story}"""));

    [Fact]
    public void ATimeOfDayAloneIsNoDate()
    {
        // The framework's loose parse would fill in today's date.
        Assert.Null(DateNormalizer.Normalize("12:55 AM"));
        Assert.Null(DateOf("", $"""<span itemprop="datePublished">12:55 AM</span>{Story}"""));
    }

    [Theory]
    [InlineData("""<meta name="isodatetime" content="2019-04-28T06:01:07Z">""", "2019-04-28T06:01:07+00:00")]
    [InlineData("""<meta name="OriginalPublicationDate" content="2012/07/24 16:59:42">""", "2012-07-24")]
    [InlineData("""<meta name="pdate" content="20121105">""", "2012-11-05")]
    [InlineData("""<meta name="ptime" content="20121105145139">""", "2012-11-05T14:51:39")]
    [InlineData("""<meta name="DC.date.issued" content="2012-10-29">""", "2012-10-29")]
    [InlineData("""<meta name="article_date_original" content="Wednesday, October 31, 2012, 11:54 AM">""", "2012-10-31")]
    public void PublicationMetaTags(string meta, string date) => Assert.StartsWith(date[..10], DateOf(meta, Story));

    [Fact]
    public void ModifiedDatesAreNotPublicationDates() =>
        Assert.Null(DateOf("""<meta property="article:modified_time" content="2016-05-08T10:11:51+01:00"><meta name="last-modified" content="2016-05-08">""", Story));

    [Fact]
    public void TimePubdateOutranksAGenericMetaDate() =>
        Assert.Equal("2012-07-24", DateOf("""<meta name="date" content="July 31, 2012, 2:38 pm">""",
            $"""<article><time datetime="2012-07-24T09:49:32-04:00" pubdate="pubdate">24 Jul 2012</time>{Story}</article>""")![..10]);

    [Fact]
    public void CanonicalUrlPathGivesTheDate() =>
        Assert.Equal("2012-08-08", DateOf("""<link rel="canonical" href="http://example.com/2012/8/8/3229307/a-story">""", Story));

    [Theory]
    [InlineData("""<p class="post-meta">November 6, 2012 by <a href="#">Jane</a></p>""", "2012-11-06")]
    [InlineData("""<h2 class="date-header">Sunday, May 8, 2016</h2>""", "2016-05-08")]
    [InlineData("""<div class="post-date"><span>Sep</span><span>26</span><span>2012</span></div>""", "2012-09-26")]
    [InlineData("""<span class="datestamp">le 30 avril 2015 à 07:19</span>""", "2015-04-30")]
    [InlineData("""<div class="date">06-29-2004, 04:19 AM</div>""", "2004-06-29")]
    public void DateShownInAnElementNamedForIt(string element, string date) => Assert.Equal(date, DateOf("", element + Story));

    [Theory]
    [InlineData("<div>Posted on March 5, 2012</div>", "2012-03-05")]
    [InlineData("<td>Friday October 19, 2001</td>", "2001-10-19")]
    [InlineData("<div>Posted by Jane Doe on April 6, 2007 | </div>", "2007-04-06")]
    [InlineData("<p>Feb. 23, 2015 -- Life-threatening allergies are the subject of this long opening sentence of the story.</p>", "2015-02-23")]
    public void DateLineInTheBody(string line, string date) => Assert.Equal(date, DateOf("", line + Story));

    [Fact]
    public void ADateInsideASentenceIsNoDateLine() =>
        Assert.Null(DateOf("", "<p>The company was founded in Paris on 12 March 2004, and it has grown a great deal since then.</p>"));

    [Fact]
    public void CommentAndSidebarDatesAreNotThePages()
    {
        var body = $"""
            {Story}
            <div id="comments"><div class="comment-meta"><span class="date">July 7, 2012 at 12:27 am</span></div></div>
            <div class="sidebar"><ul><li class="post-date">June 1, 2012</li></ul></div>
            <div class="related-posts"><p>Posted on May 2, 2012</p></div>
            """;
        Assert.Null(DateOf("", body));
    }

    [Fact]
    public void AnArticlesOwnFooterCountsThePagesFooterDoesNot()
    {
        Assert.Equal("2012-11-05", DateOf("", $"<article>{Story}<footer><p>05 Nov 2012</p></footer></article>"));
        Assert.Null(DateOf("", $"<article>{Story}</article><footer><p>Last updated 05 Nov 2012</p></footer>"));
    }

    [Fact]
    public void ATimesDatetimeDecidesTheDayItsTextShows() =>
        Assert.Equal("2016-12-01T23:29:49+00:00", DateOf("", $"""<time class="date" datetime="2016-12-01T23:29:49.000Z">December 2, 2016</time>{Story}"""));

    [Fact]
    public void AYearlessWeekdayDateTakesTheCopyrightYearWhoseCalendarFits() =>
        Assert.Equal("2012-07-23", DateOf("", $"""<div class="details">on <time datetime="on Monday July 23, @08:24PM">on Monday July 23, @08:24PM</time></div>{Story}<p>© 2012 All Rights Reserved</p>"""));

    [Theory]
    [InlineData("11/06/2012", null, "2012-11-06")]
    [InlineData("23/07/2012", null, "2012-07-23")]
    [InlineData("11.05.12", "en", "2012-11-05")]
    [InlineData("08.04.2015", "de", "2015-04-08")]
    [InlineData("11.05.12", null, null)]
    [InlineData("1 de diciembre de 2017", "es", "2017-12-01")]
    [InlineData("Thursday 1 November 2012 18.57 EDT", "en", "2012-11-01")]
    [InlineData("July 23rd, 2012", null, "2012-07-23")]
    [InlineData("2012-13-45", null, null)]
    [InlineData("May 2012", null, null)]
    public void NumericDatesFollowTheSeparatorAndTheLanguage(string text, string? language, string? date) =>
        Assert.Equal(date, TextDate.Find(text, language is null ? null : language == "en"));
}
