namespace Winnow.Extraction.Html;

/// <summary>A parsed page: the &lt;html&gt; element with its head and body (always present, as in the DOM).</summary>
/// <remarks>Not thread-safe; belongs to the call that parsed it.</remarks>
internal sealed class HtmlDocumentTree
{
    public HtmlDocumentTree(HtmlNode root, HtmlNode head, HtmlNode body)
    {
        Root = root;
        Head = head;
        Body = body;
    }

    /// <summary>The &lt;html&gt; element.</summary>
    public HtmlNode Root { get; }

    public HtmlNode Head { get; }

    public HtmlNode Body { get; }

    /// <summary>Set when the page was cut because tags nested deeper than the limit: the character index of the cut.</summary>
    public int CutAt { get; init; } = -1;

    /// <summary>The document title as the DOM gives it: the first HTML &lt;title&gt;, whitespace stripped and collapsed.</summary>
    public string? Title()
    {
        var title = Root.Find(n => n.Tag == "title" && !InForeign(n));
        if (title is null)
        {
            return null;
        }

        return string.Join(' ', title.TextContent().Split([' ', '\t', '\n', '\f', '\r'], StringSplitOptions.RemoveEmptyEntries));
    }

    public IEnumerable<HtmlNode> Elements(string tag) => Root.Descendants().Where(n => n.Tag == tag);

    private static bool InForeign(HtmlNode node)
    {
        for (var p = node.Parent; p is not null; p = p.Parent)
        {
            if (p.Tag is "svg" or "math")
            {
                return true;
            }
        }

        return false;
    }
}
