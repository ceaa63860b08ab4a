using Winnow.Extraction;
using Winnow.Extraction.Html;

namespace Winnow.Tests.Extraction;

/// <summary>
/// Tree-building rules of the fast parser, each against the HTML Living Standard section it
/// follows (13.2.6 Tree construction), on small pages of our own.
/// </summary>
public class HtmlTreeBuilderTests
{
    private const string Prose = "This paragraph is the article itself, long enough to be chosen, with commas, clauses, and a point.";

    private static HtmlDocumentTree Parse(string html) => FastHtmlParser.ForThread.Parse(html, 5000);

    private static string Outline(HtmlNode node) => node.Text is not null
        ? "'" + node.Text + "'"
        : node.Tag + (node.ChildCount == 0 ? "" : "(" + string.Join(",", node.ChildNodes.Select(Outline)) + ")");

    private static string Extract(string html) => new HtmlExtractor().Extract(html).Text;

    // 13.2.6.4.7 "in body": an end tag "applet", "marquee" or "object" pops to its element when one is in
    // scope. The element is itself a scope marker, so "in scope" must find it before stopping there.
    [Fact]
    public void ObjectAppletAndMarqueeEndTagsCloseTheirElement()
    {
        Assert.Equal("body(div(object),p('after'))", Outline(Parse("<div><object></object></div><p>after</p>").Body));
        Assert.Equal("body(div(object(embed)),p('after'))", Outline(Parse("<div><object><embed></object></div><p>after</p>").Body));
        Assert.Equal("body(marquee('m'),applet,p('after'))", Outline(Parse("<marquee>m</marquee><applet></applet><p>after</p>").Body));
        Assert.Equal(Prose, Extract($"<body><div><object data=x></object></div><p>{Prose}</p></body>"));
    }

    // 13.2.5.2 RCDATA state reads a title to its end tag or to the end of the file, so a page whose
    // </title> is missing is all title. Like libxml2 (what lxml-based extractors see), a title or
    // textarea with no end tag anywhere ends at the next tag instead.
    [Fact]
    public void ATitleWithoutEndTagEndsAtTheNextTag()
    {
        var doc = Parse($"<html><head><title>The page<meta charset=utf-8></head><body><p>{Prose}</p></body></html>");
        Assert.Equal("The page", doc.Title());
        Assert.Equal($"body(p('{Prose}'))", Outline(doc.Body));
        Assert.Equal(Prose, Extract($"<title>The page\n<link rel=stylesheet href=a.css><body><div><p>{Prose}</p></div>"));
        Assert.Equal("body(textarea('a'),p('b'))", Outline(Parse("<textarea>a<p>b").Body));

        // With an end tag further on, the standard's reading stands.
        Assert.Equal("A <b>bold</b> title", Parse("<title>A <b>bold</b> title</title>").Title());
    }
}
