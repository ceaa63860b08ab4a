using System.Text;
using System.Text.Json;
using Winnow.Evaluation;
using Winnow.Extraction;
using Winnow.Extraction.Html;
using Winnow.Tests.Support;

namespace Winnow.Tests.Extraction;

public class FastHtmlParserTests
{
    private static HtmlDocumentTree Parse(string html) => FastHtmlParser.ForThread.Parse(html, 5000);

    // The body as a compact outline: tags with their children, text runs quoted.
    private static string Outline(HtmlNode node)
    {
        if (node.Text is not null)
        {
            return "'" + node.Text + "'";
        }

        return node.Tag + (node.ChildCount == 0 ? "" : "(" + string.Join(",", node.ChildNodes.Select(Outline)) + ")");
    }

    [Fact]
    public void RepeatedAndCollidingAttributeValuesKeepTheirOwnText()
    {
        // Short attribute values come from a table of recent ones; more distinct values than its
        // slots (so that slots are shared and overwritten), repeats, and values the length limit
        // leaves out must each read back as written, in this page and the next.
        for (var page = 0; page < 2; page++)
        {
            var html = new StringBuilder("<body>");
            var expected = new List<string>();
            for (var i = 0; i < 5000; i++)
            {
                var value = (i % 3) switch
                {
                    0 => $"c{(i * 7919) % 2500}",
                    1 => $"x{page}-{i}",
                    _ => new string('v', 30 + (i % 20)) + i,
                };
                expected.Add(value);
                html.Append($"<span class=\"{value}\">t</span>");
            }

            var spans = Parse(html.ToString()).AllElements.Where(e => e.Tag == "span").ToList();
            Assert.Equal(expected, spans.Select(e => e.GetAttribute("class")));
        }
    }

    [Theory]
    [InlineData("<p class=a>one\r\ntwo\rthree</p>\r\n<pre>\r\nline</pre><title>t\r\n</title>")]
    [InlineData("<textarea>\r\nx</textarea><p>&amp;\r&lt;<!-- c\r\n --><![CDATA[z]]>\r")]
    [InlineData("\r")]
    [InlineData("<div>\r\n\r\n<p>a\n\r b</div>\r\r\n")]
    [InlineData("")]
    public void APageParsedInPlaceInABufferGivesTheTreeOfItsString(string html)
    {
        // `winnow extract` decodes each page into a buffer it reuses and parses it there: the line
        // breaks are normalized in the buffer, and the tree must be the one the string gives.
        var expected = Outline(Parse(html).Body) + "|" + Parse(html).Head.ChildCount;
        var buffer = ("garbage before" + html + "garbage after").ToCharArray();
        var tree = FastHtmlParser.ForThread.ParseInPlace(buffer.AsSpan("garbage before".Length, html.Length), 5000);
        Assert.Equal(expected, Outline(tree.Body) + "|" + tree.Head.ChildCount);
        Assert.Equal("garbage after", new string(buffer, buffer.Length - "garbage after".Length, "garbage after".Length));
    }

    [Fact]
    public void EveryCrLfAndLoneCrBecomesOneLineFeed()
    {
        // 13.2.3.5: CR LF and a lone CR are each one LF before tokenizing, wherever they stand
        // (first, last, in runs, next to LFs); the text between them is kept as it was. In place,
        // in the buffer a page was decoded into, as `winnow extract` parses it.
        var random = new Random(5);
        var pieces = new[] { "a", "bc", "\r", "\n", "\r\n", " " };
        for (var i = 0; i < 500; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 24)).Select(_ => pieces[random.Next(pieces.Length)]));
            var p = FastHtmlParser.ForThread.ParseInPlace(("<p>x" + text + "y</p>").ToCharArray(), 5000).Body.FirstChild!;
            Assert.Equal("x" + text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') + "y", p.FirstChild!.Text);
        }
    }

    [Fact]
    public void WhitespaceBetweenTagsIsOneStringPerRunNotPerOccurrence()
    {
        // Runs of whitespace between tags are most of a page's text nodes; the parser shares one
        // string per distinct run, across pages. The text is the same; only the copies go.
        var tree = Parse("<div>\n  <p>a</p>\n  <p>b</p>\n  <p>c d</p>\n</div>");
        var blanks = tree.Body.FirstChild!.ChildNodes.Where(n => n.Text is not null).ToList();
        Assert.Equal(["\n  ", "\n  ", "\n  ", "\n"], blanks.Select(n => n.Text));
        Assert.Same(blanks[0].Text, blanks[1].Text);
        Assert.Same(blanks[0].Text, Parse("<p>x</p>\n  <p>y</p>").Body.ChildNodes.ElementAt(1).Text);

        // Text that is not only whitespace, and long runs, are strings of their own.
        var texts = Parse("<p> a </p><p> a </p>").Body.ChildNodes.Select(p => p.FirstChild!.Text).ToList();
        Assert.Equal([" a ", " a "], texts);
        Assert.NotSame(texts[0], texts[1]);
        var longRun = new string(' ', 100);
        var runs = Parse($"<p>x</p>{longRun}<p>y</p>{longRun}<p>z</p>").Body.ChildNodes.Where(n => n.Text is not null).ToList();
        Assert.Equal([longRun, longRun], runs.Select(n => n.Text));
        Assert.NotSame(runs[0].Text, runs[1].Text);
    }

    [Fact]
    public void ImpliedEndTagsCloseParagraphsItemsAndCells()
    {
        Assert.Equal("body('x',p('a'),p('b'),div('c'))", Outline(Parse("x<p>a<p>b<div>c</div>").Body));
        Assert.Equal("body(ul(li('a'),li('b',ul(li('c'))),li('d')))", Outline(Parse("<ul><li>a<li>b<ul><li>c</ul><li>d</ul>").Body));
        Assert.Equal("body(table(tbody(tr(td('a'),td('b')),tr(td('c')))))", Outline(Parse("<table><td>a<td>b<tr><td>c</table>").Body));
    }

    [Fact]
    public void EndTagsOutOfScopeAreIgnored()
    {
        // A stray </div> inside a cell must not close the table around it; a stray </span> must not close a block.
        Assert.Equal("body(div(table(tbody(tr(td('ab')))),'after'))",
            Outline(Parse("<div><table><tr><td>a</div>b</td></tr></table>after</div>").Body));
        Assert.Equal("body(div(p('x')),'y')", Outline(Parse("<div><p>x</span></div>y").Body));
    }

    [Fact]
    public void RawTextAndReferences()
    {
        var doc = Parse("<title>A &amp; B</title><script type=' Application/LD+JSON '>{\"a\": \"<p>no</p>\"}</script>"
            + "<p>caf&eacute; &#233; &#x00E9; &hellip; &copy 2024 &bogus; &#150;</p>");
        Assert.Equal("A & B", doc.Title());
        Assert.Equal("{\"a\": \"<p>no</p>\"}", doc.Elements("script").Single().TextContent());
        Assert.Equal("café é é … © 2024 &bogus; –", doc.Elements("p").Single().TextContent());
    }

    [Fact]
    public void ScriptsOtherThanJsonLdAndStyleSheetsEndAtTheirEndTagButKeepNoText()
    {
        const string html = "<head><style>p::after { content: '</p><p>x' }</style><script type=application/ld+json>{\"@type\": \"Article\"}</script></head>"
            + "<body><script>if (a<b) document.write('<p>no</p>')</script><p>yes</p><script type=module>let p = '<p>';</script></body>";
        var parsers = new[] { Parse(html), AngleSharpTreeReader.Read(new AngleSharp.Html.Parser.HtmlParser(HtmlExtractor.ParserOptions).ParseDocument(html)) };
        foreach (var doc in parsers)
        {
            Assert.Equal(["{\"@type\": \"Article\"}", "", ""], doc.Elements("script").Select(s => s.TextContent()));
            Assert.Equal("", doc.Elements("style").Single().TextContent());
            Assert.Equal("yes", doc.Elements("p").Single().TextContent());
        }
    }

    [Fact]
    public void HeadBodyAttributesAndForeignContent()
    {
        var doc = Parse("<!DOCTYPE html><html lang=de><head><meta property='og:title' content='T &amp; U' data-x=1><!-- c --></head>"
            + "<body class=main><svg><title>icon</title><path/></svg><table><div>moved</div><tr><td>cell</td></tr></table></body></html>");
        Assert.Equal("de", doc.Root.GetAttribute("lang"));
        var meta = Assert.Single(doc.Head.ChildNodes);
        Assert.Equal("T & U", meta.GetAttribute("content"));
        Assert.Null(meta.GetAttribute("data-x"));
        Assert.Equal("main", doc.Body.GetAttribute("class"));
        Assert.Null(doc.Title()); // an SVG title is not the document's
        Assert.Equal("body(svg(title('icon'),path),div('moved'),table(tbody(tr(td('cell')))))", Outline(doc.Body));
    }

    [Fact]
    public void TheFirstOfARepeatedAttributeWins()
    {
        // Within one tag, and across the body tags a page repeats (their attributes are merged).
        var doc = Parse("<body class=a id=x><p CLASS=one Class=two id=p title=t>x</p><body class=b lang=en hidden>");
        var p = Assert.Single(doc.Body.ChildNodes);
        Assert.Equal([new("class", "one"), new("id", "p"), new("title", "t")], p.Attributes!);
        Assert.Equal([new("class", "a"), new("id", "x"), new("lang", "en"), new("hidden", "")], doc.Body.Attributes!);
    }

    [Fact]
    public void NestingIsCappedAndStrayEndTagsStayLinear()
    {
        var html = new StringBuilder("<p>kept</p>");
        html.Insert(html.Length, "<div>", 100_000).Insert(html.Length, "</span>", 1_000_000).Append("<p>cut</p>");
        var doc = Parse(html.ToString());
        Assert.True(doc.CutAt > 0);
        Assert.Contains("kept", doc.Body.TextContent(), StringComparison.Ordinal);
        Assert.DoesNotContain("cut", doc.Body.TextContent(), StringComparison.Ordinal);
    }

    [SharedDataFact("data/article-extraction-benchmark")]
    public void FastAndAngleSharpAgreeOnTheBenchmarkPages()
    {
        var bench = SharedData.Folder("data/article-extraction-benchmark")!;

        var fast = new HtmlExtractor();
        var reference = new HtmlExtractor(new ExtractionOptions { Parser = HtmlParserKind.AngleSharp });
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(bench, "ground-truth.json")));
        int pages = 0, sameText = 0, sameMeta = 0;
        foreach (var page in truth.RootElement.EnumerateObject())
        {
            var html = MetadataScore.ReadHtml(Path.Combine(bench, "html", page.Name + ".html.gz"));
            var url = page.Value.GetProperty("url").GetString();
            var a = fast.Extract(html, url);
            var b = reference.Extract(html, url);
            pages++;
            sameText += a.Text == b.Text ? 1 : 0;
            sameMeta += (a.Title, a.Author, a.Date, a.SiteName, a.Language) == (b.Title, b.Author, b.Date, b.SiteName, b.Language) ? 1 : 0;
        }

        // Measured 180/181 identical texts and 181/181 identical metadata when this was written.
        Assert.Equal(181, pages);
        Assert.True(sameText >= 178, $"identical text on {sameText}/{pages}");
        Assert.True(sameMeta >= 178, $"identical metadata on {sameMeta}/{pages}");
    }
}
