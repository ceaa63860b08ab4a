using Winnow.Extraction.Html;

namespace Winnow.Tests.Extraction;

/// <summary>
/// The parsed tree's child links: appending, inserting before a child (foster parenting),
/// merging adjacent text, and the walks in document order that read them.
/// </summary>
public class HtmlNodeTests
{
    private static HtmlDocumentTree Parse(string html) => FastHtmlParser.ForThread.Parse(html, 5000);

    private static string Outline(HtmlNode node) => node.Text is not null
        ? "'" + node.Text + "'"
        : node.Tag + (node.ChildCount == 0 ? "" : "(" + string.Join(",", node.ChildNodes.Select(Outline)) + ")");

    // Every link agrees with every other: parent, both siblings, first and last child, the count.
    private static void AssertLinked(HtmlNode node)
    {
        var count = 0;
        HtmlNode? previous = null;
        foreach (var child in node.ChildNodes)
        {
            Assert.Same(node, child.Parent);
            Assert.Same(previous, child.PreviousSibling);
            if (previous is null)
            {
                Assert.Same(child, node.FirstChild);
            }

            AssertLinked(child);
            previous = child;
            count++;
        }

        Assert.Same(previous, node.LastChild);
        Assert.Equal(count, node.ChildCount);
        Assert.Equal(count, node.ChildNodes.Count);
    }

    [Fact]
    public void AddInsertBeforePrependAndRemoveKeepTheLinks()
    {
        var root = new HtmlNode("div", null);
        var b = new HtmlNode("b", null);
        var d = new HtmlNode("d", null);
        root.Add(b);
        root.Add(d);
        root.InsertBefore(new HtmlNode("c", null), d);
        root.InsertBefore(new HtmlNode("a", null), b);
        root.Prepend(new HtmlNode("start", null));
        root.Add(new HtmlNode(null, "end"));
        Assert.Equal("div(start,a,b,c,d,'end')", Outline(root));
        AssertLinked(root);

        root.RemoveLastChild();
        root.RemoveLastChild();
        Assert.Equal("div(start,a,b,c)", Outline(root));
        AssertLinked(root);

        var empty = new HtmlNode("p", null);
        empty.Prepend(new HtmlNode(null, "only"));
        Assert.Equal("p('only')", Outline(empty));
        empty.RemoveLastChild();
        empty.RemoveLastChild();
        Assert.Null(empty.FirstChild);
        Assert.Null(empty.LastChild);
        AssertLinked(empty);
    }

    // 13.2.6.1 "foster parenting": text that is not whitespace, met directly in a table, is
    // inserted into the table's parent immediately before the table.
    [Fact]
    public void TextInATableIsFosteredBeforeIt()
    {
        var tree = Parse("<div>before<table>x<tr><td>y</td></tr>z</table>after</div>");
        Assert.Equal("body(div('before','x','z',table(tbody(tr(td('y')))),'after'))", Outline(tree.Body));
        AssertLinked(tree.Root);
    }

    // 13.2.6.4.7 "in body", a character token: it goes into the current node's last text node if
    // there is one, so text either side of a dropped comment is one run.
    [Fact]
    public void TextEitherSideOfACommentIsOneRun()
    {
        var tree = Parse("<p>a<!-- c -->b</p><p>c<b>d</b>e</p>");
        Assert.Equal("body(p('ab'),p('c',b('d'),'e'))", Outline(tree.Body));
        AssertLinked(tree.Root);
    }

    [Fact]
    public void WalksGoInDocumentOrderAtAnyDepth()
    {
        var tree = Parse("<div><p>one <i>two <b>three</b></i> four</p><ul><li>five<li>six</ul></div><p>seven</p>");
        Assert.Equal("one two three fourfivesixseven", tree.Body.TextContent());
        var elements = new List<HtmlNode>();
        tree.Body.AddDescendants(elements);
        Assert.Equal("div p i b ul li li p", string.Join(" ", elements.Select(e => e.Tag)));
        Assert.Equal("six", tree.Body.Find(e => e.Tag == "li" && e.TextContent() == "six")?.TextContent());
        Assert.Null(tree.Body.Find(e => e.Tag == "table"));

        // Ten thousand levels: the walk keeps no stack of its own.
        var deep = new HtmlNode("div", null);
        var at = deep;
        for (var i = 0; i < 10_000; i++)
        {
            var child = new HtmlNode("div", null);
            at.Add(child);
            at = child;
        }

        at.Add(new HtmlNode(null, "bottom"));
        deep.Add(new HtmlNode(null, "top"));
        Assert.Equal("bottomtop", deep.TextContent());
    }
}
