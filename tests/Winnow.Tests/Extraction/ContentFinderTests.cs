using System.Text;
using Winnow.Extraction;

namespace Winnow.Tests.Extraction;

/// <summary>How the main content is chosen, on small pages of our own, one failure class each.</summary>
public class ContentFinderTests
{
    private static string Extract(string html, ExtractionOptions options = default) => new HtmlExtractor(options).Extract(html).Text;

    private static string Paragraphs(string prefix, int count) => string.Concat(Enumerable.Range(1, count).Select(i =>
        $"<p>{prefix} paragraph {i} says something in full sentences, with a comma or two, and runs long enough to count.</p>"));

    [Fact]
    public void ALongCommentSectionDoesNotBecomeTheContent()
    {
        var comments = new StringBuilder("<ol class=\"commentlist\">");
        for (var i = 0; i < 200; i++)
        {
            comments.Append($"<li class=\"comment\"><div class=\"comment-body\"><p>Reader {i} writes back at length, agreeing, disagreeing, quoting, and adding a story of their own, which goes on, and on, for several more lines than the post itself.</p></div></li>");
        }

        comments.Append("</ol>");
        var html = $"<body><div class=\"post\">{Paragraphs("Post", 3)}<div id=\"comments\">{comments}</div></div><div class=\"sidebar\">Links</div></body>";
        var text = Extract(html);
        Assert.Contains("Post paragraph 1", text, StringComparison.Ordinal);
        Assert.Contains("Post paragraph 3", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Reader", text, StringComparison.Ordinal);
        Assert.Contains("Reader 199", Extract(html, new ExtractionOptions { IncludeComments = true }), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("post hentry commented")]
    [InlineData("opinion commentary")]
    [InlineData("story with_commentary")]
    [InlineData("post type-post hentry category-for-discussion tag-comments")]
    [InlineData("section\" id=\"how-comments-are-shared-with-readers")]
    public void NamesThatOnlyMentionCommentsDoNotMarkACommentSection(string className)
    {
        var text = Extract($"<body><article class=\"{className}\">{Paragraphs("Post", 3)}</article><div class=\"comments\">{Paragraphs("Reader", 1)}</div></body>");
        Assert.Contains("Post paragraph 1", text, StringComparison.Ordinal);
        Assert.Contains("Post paragraph 3", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Reader", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ParagraphsAllUnderABoilerplateClassAreTheArticle()
    {
        // A blog post pasted with its byline's styling: every paragraph sits in a span of the
        // byline's class. Each alone holds less than half the text, but together they are the post.
        string Wrapped(int i) => $"<span class=\"byline-author\"><b><span>Pasted paragraph {i} says something in full sentences, with a comma or two, and runs long enough to count.</span></b></span><br>";
        var html = $"<body><div class=\"post-body\"><span class=\"byline-author\">Posted by A. Writer</span><br>{string.Concat(Enumerable.Range(1, 4).Select(Wrapped))}"
            + "<div class=\"share\">Share this</div></div><div class=\"sidebar\">Links</div></body>";
        var text = Extract(html);
        Assert.Contains("Pasted paragraph 1", text, StringComparison.Ordinal);
        Assert.Contains("Pasted paragraph 4", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Share this", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ABylineAndABioUnderBoilerplateClassesAreStillLeftOut()
    {
        // Two blocks of one boilerplate class holding less than half the text: not the article.
        var html = $"<body><article>{Paragraphs("Post", 4)}<div class=\"byline\">By A. Writer</div>"
            + "<div class=\"byline\">A. Writer covers science, health and the spaces between them, for this paper and others.</div></article></body>";
        var text = Extract(html);
        Assert.Contains("Post paragraph 4", text, StringComparison.Ordinal);
        Assert.DoesNotContain("A. Writer", text, StringComparison.Ordinal);
    }

    [Fact]
    public void APageWhoseTextIsAllLinksIsNotCleanedToNothing()
    {
        // An index of teasers, each block all links: every block alone is link-dense chrome, but
        // dropping them all would leave a page with text empty. Its links are its text.
        string Teaser(int i) => $"<div><a href=\"/b{i}\">Book {i}: a life in nature, the creator of a famous rabbit revealed as a role model, finds a reviewer</a></div>";
        var text = Extract($"<body><div class=\"content\">{string.Concat(Enumerable.Range(1, 6).Select(Teaser))}</div></body>");
        Assert.Contains("Book 1: a life in nature", text, StringComparison.Ordinal);
        Assert.Contains("Book 6: a life in nature", text, StringComparison.Ordinal);

        // Beside an article the same link blocks are still left out.
        var article = Extract($"<body><div class=\"content\">{Paragraphs("Post", 4)}{Teaser(1)}{Teaser(2)}</div></body>");
        Assert.Contains("Post paragraph 4", article, StringComparison.Ordinal);
        Assert.DoesNotContain("Book 1", article, StringComparison.Ordinal);
    }

    [Fact]
    public void AdLabelsOnALineOfTheirOwnAreLeftOutButNotTheWordInASentence()
    {
        var html = $"<body><article>{Paragraphs("Post", 2)}<div><center><span style=\"color:#AAA\">Advert</span><br></center></div>"
            + "<p>Anzeige:</p><p>A studio made an <a href=\"/ad\">advertisement</a> that ran for a week, and people talked about it.</p>"
            + $"{Paragraphs("More", 2)}</article></body>";
        var text = Extract(html);
        Assert.Contains("Post paragraph 2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Advert\n", text + "\n", StringComparison.Ordinal);
        Assert.DoesNotContain("Anzeige", text, StringComparison.Ordinal);
        Assert.Contains("A studio made an advertisement that ran for a week", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ATeaserUnderAContentClassDoesNotOutvoteAnArticleWithTwiceItsProse()
    {
        // A magazine's "latest issue" tab: one teaser paragraph in a div of class "content", whose
        // name alone outweighs the votes of the article's short paragraphs two levels up.
        const string Sentence = "The record comes out next month on three formats and the label streams it in full here first ";
        var teaser = "<section class=\"tabs\"><div class=\"panel\"><div class=\"content\"><h4>Issue 215</h4>"
            + "<p>Inside this issue an interview with a fashion muse and a photo shoot and the scoop on the season and much more besides</p></div></div></section>";
        string Paragraph(int i) => $"<p>Article paragraph {i} {Sentence}</p>";
        var html = $"<body>{teaser}<section id=\"content\"><article><div>{string.Concat(Enumerable.Range(1, 3).Select(Paragraph))}</div></article></section></body>";
        var text = Extract(html);
        Assert.Contains("Article paragraph 1", text, StringComparison.Ordinal);
        Assert.Contains("Article paragraph 3", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Issue 215", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ASentenceWithALinkInACardOfItsOwnIsKept()
    {
        // A site that puts every paragraph in a card: the card's link share is its sentence's,
        // which keeps a sentence whose source is a link; a line of links in a card still goes.
        string Card(string inner) => $"<div class=\"card collection-item\"><div class=\"card-content\"><p>{inner}</p></div></div>";
        var cards = string.Concat(Enumerable.Range(1, 4).Select(i => Card($"Card paragraph {i} says something in full sentences, with a comma or two, and runs long enough to count.")));
        var html = $"<body><article>{cards}{Card("The discovery was announced in an article published Monday in the <a href=\"/n\">journal Nature Astronomy</a>.")}"
            + $"{Card("Filed under <a href=\"/a\">Press Release</a> and <a href=\"/b\">Travel</a>")}</article></body>";
        var text = Extract(html);
        Assert.Contains("Card paragraph 4", text, StringComparison.Ordinal);
        Assert.Contains("The discovery was announced", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Filed under", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AListOfArticlesNestedInAnArticleDoesNotOutvoteThePost()
    {
        // Each teaser is an article of its own ("post" class and id), with an excerpt as long as
        // a paragraph of the post; together they hold more prose than the post.
        string Teaser(int i) => $"<article id=\"post-{i}\" class=\"post hentry\"><div>{Paragraphs($"Teaser {i}", 2)}</div></article>";
        var teasers = string.Concat(Enumerable.Range(1, 6).Select(Teaser));
        var html = $"<body><div><div><article class=\"post\">{Paragraphs("Post", 3)}</article>"
            + $"<article id=\"post-0\" class=\"post hentry\"><h3>You may also like</h3>{teasers}</article></div></div></body>";
        var text = Extract(html);
        Assert.Contains("Post paragraph 1", text, StringComparison.Ordinal);
        Assert.Contains("Post paragraph 3", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Teaser", text, StringComparison.Ordinal);
    }

    [Fact]
    public void OneArticleNestedInAnotherStillVotes()
    {
        // A page whose wrapper is an article around the post's own article: not a list of posts.
        var html = $"<body><article class=\"page\"><nav><a href=\"/\">Home</a></nav><article>{Paragraphs("Post", 3)}</article></article>"
            + "<div class=\"sidebar\"><p>About this site: a short note on who writes here and why, kept beside every post.</p></div></body>";
        var text = Extract(html);
        Assert.Contains("Post paragraph 1", text, StringComparison.Ordinal);
        Assert.Contains("Post paragraph 3", text, StringComparison.Ordinal);
        Assert.DoesNotContain("About this site", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnArticleSplitIntoCousinSectionsIsKeptWhole()
    {
        string Section(string name, int paragraphs) => $"<section class=\"part\"><div><div>{Paragraphs(name, paragraphs)}</div></div></section>";
        var html = $"<body><nav><a href=\"/\">Home</a></nav><article>{Section("Opening", 2)}{Section("Middle", 3)}{Section("Closing", 8)}</article>"
            + "<div class=\"sidebar\"><p>About this site: a short note on who writes here and why, kept beside every post.</p></div></body>";
        var text = Extract(html);
        Assert.Contains("Opening paragraph 1", text, StringComparison.Ordinal);
        Assert.Contains("Middle paragraph 3", text, StringComparison.Ordinal);
        Assert.Contains("Closing paragraph 8", text, StringComparison.Ordinal);
        Assert.DoesNotContain("About this site", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ALongProseBlockOutsideAWeakWinnerTakesItsPlace()
    {
        // The story is one text block with line breaks, beside a large menu in the same column; a
        // short address block elsewhere has the column to itself and outvotes it.
        var menu = string.Concat(Enumerable.Range(1, 120).Select(i => $"<li><a href=\"/s{i}\">Service number {i}</a></li>"));
        var story = string.Join("<br><br>", Enumerable.Range(1, 6).Select(i =>
            $"Sentence group {i} of the story tells what happened, where, and to whom, in plain words."));
        var html = $"<body><div><div><div><ul>{menu}</ul></div><div>{story}</div></div></div>"
            + "<div><div><div><div>City Hall, 1 Main Street, Springfield, phone 555 0100, open weekdays</div></div></div></div></body>";
        var text = Extract(html);
        Assert.Contains("Sentence group 1", text, StringComparison.Ordinal);
        Assert.Contains("Sentence group 6", text, StringComparison.Ordinal);
        Assert.DoesNotContain("City Hall", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnArticleWrittenAsListsIsFound()
    {
        var items = string.Concat(Enumerable.Range(1, 12).Select(i =>
            $"<li>Item {i} of the release notes explains a change, why it was made, and what it means for you.</li>"));
        var html = $"<body><header><div><p>The project blog: notes from the people who build it</p></div></header>"
            + $"<div class=\"entry\"><h2>Highlights</h2><ul>{items}</ul><h2>Fixes</h2><ul>{items.Replace("Item", "Fix", StringComparison.Ordinal)}</ul></div></body>";
        var text = Extract(html);
        Assert.Contains("Item 1 of the release notes", text, StringComparison.Ordinal);
        Assert.Contains("Fix 12 of the release notes", text, StringComparison.Ordinal);
    }

    [Fact]
    public void APageWhoseTextIsOnlyInNoscriptIsRead()
    {
        // A script-built page: without scripts a browser shows the <noscript> copy, and so do we.
        var html = $"<body><div id=\"app\"></div><noscript><article>{Paragraphs("Story", 4)}</article></noscript><script>start()</script></body>";
        var text = Extract(html);
        Assert.Contains("Story paragraph 1", text, StringComparison.Ordinal);
        Assert.Contains("Story paragraph 4", text, StringComparison.Ordinal);

        // Where the page has text of its own, a <noscript> note stays out.
        var page = $"<body><article>{Paragraphs("Story", 4)}</article><noscript><p>Please turn on JavaScript to see the comments and the rest of the site.</p></noscript></body>";
        Assert.DoesNotContain("JavaScript", Extract(page), StringComparison.Ordinal);
    }

    [Fact]
    public void APostInAnAsideIsReadWhenNothingElseIs()
    {
        var html = $"<body><div class=\"top\"><a href=\"/\">Home</a> <a href=\"/about\">About</a></div><aside class=\"post\">{Paragraphs("Post", 4)}</aside>"
            + "<div>© The site, all rights reserved</div></body>";
        var text = Extract(html);
        Assert.Contains("Post paragraph 1", text, StringComparison.Ordinal);
        Assert.Contains("Post paragraph 4", text, StringComparison.Ordinal);

        // Beside an article, an aside stays out.
        var page = $"<body><article>{Paragraphs("Story", 4)}</article><aside>{Paragraphs("Teaser", 1)}</aside></body>";
        Assert.DoesNotContain("Teaser", Extract(page), StringComparison.Ordinal);
    }

    [Fact]
    public void ADateLineInAPositivelyNamedBlockDoesNotOutscoreTheBody()
    {
        // The body is one long block of text with line breaks, so it casts one vote; the date line
        // sits in blocks named "entry" and "content", worth more than that vote.
        var body = string.Join("<br>", Enumerable.Range(1, 60).Select(i => $"Line {i} of a long story goes on and on without any commas at all"));
        var html = $"<body><div class=\"entry-content\"><div class=\"entry-meta\"><div class=\"post-content-date\">Posted on Monday March 3 2012 by the admin of this blog</div></div></div>"
            + $"<div><div>{body}</div><a href=\"/more\">More stories</a></div></body>";
        var text = Extract(html);
        Assert.Contains("Line 1 of a long story", text, StringComparison.Ordinal);
        Assert.Contains("Line 60 of a long story", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TeasersOfOtherPostsInTheirOwnArticlesDoNotWidenTheContent()
    {
        // Each teaser is an <article> with a long excerpt: prose, but another post's.
        var teasers = string.Concat(Enumerable.Range(1, 6).Select(i =>
            $"<li><article><h5><a href=\"/{i}\">Other story {i}</a></h5><div class=\"excerpt\">Teaser {i} retells another story at length, in full sentences, with commas, and goes on for long enough to look like prose.</div><a href=\"/{i}\">Read More</a></article></li>"));
        var html = $"<body><div><main><article>{Paragraphs("Story", 4)}</article></main><div><h2>More news</h2><ul>{teasers}</ul></div></div></body>";
        var text = Extract(html);
        Assert.Contains("Story paragraph 4", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Teaser", text, StringComparison.Ordinal);
    }

    [Fact]
    public void SectionsOfOneArticleStillWidenTheContent()
    {
        var html = $"<body><div><article><section>{Paragraphs("First", 4)}</section><div><section>{Paragraphs("Second", 3)}</section></div></article></div><div class=\"footer\"><a href=\"/\">Home</a></div></body>";
        var text = Extract(html);
        Assert.Contains("First paragraph 1", text, StringComparison.Ordinal);
        Assert.Contains("Second paragraph 3", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ALinkWrappedInASpanInsideASentenceIsRead()
    {
        var sentence = "<p>This design contributed to <span><a href=\"/thin\">the impossible thinness of the laptop</a></span> released in 2015, before finding its way into every model, with a comma or two.</p>";
        var text = Extract($"<body><article>{Paragraphs("Story", 3)}{sentence}</article></body>");
        Assert.Contains("contributed to the impossible thinness of the laptop released in 2015", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ASpanOfLinksOnItsOwnLineIsStillDropped()
    {
        var links = "<span class=\"x\"><a href=\"/a\">First related story</a> <a href=\"/b\">Second related story</a></span>";
        var hover = "<p>Said Rep. <span><a href=\"/p\">Jane Doe</a><span><a href=\"/1\">Another headline about her</a><a href=\"/2\">And one more headline</a></span></span> on Monday, with a comma, at length.</p>";
        var text = Extract($"<body><article>{Paragraphs("Story", 3)}<div>{Paragraphs("More", 1)}{links}</div>{hover}</article></body>");
        Assert.DoesNotContain("related story", text, StringComparison.Ordinal);
        Assert.Contains("Said Rep. Jane Doe on Monday", text, StringComparison.Ordinal);
        Assert.DoesNotContain("headline", text, StringComparison.Ordinal);
    }
}
