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

    private List<HtmlNode>? _elements;

    /// <summary>About how many elements <see cref="AllElements"/> will list (the parser's count, when it gives one): room for them from the start.</summary>
    public int ElementsHint { get; init; }

    /// <summary>Set when the page was cut because tags nested deeper than the limit: the character index of the cut.</summary>
    public int CutAt { get; init; } = -1;

    /// <summary>The document title as the DOM gives it: the first HTML &lt;title&gt;, whitespace stripped and collapsed.</summary>
    public string? Title()
    {
        var title = Find(n => n.Tag == "title" && !InForeign(n));
        if (title is null)
        {
            return null;
        }

        return string.Join(' ', title.TextContent().Split([' ', '\t', '\n', '\f', '\r'], StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// The elements below &lt;html&gt; in document order, listed on first use: the metadata readers
    /// search the whole page a dozen times, and a list is cheaper to scan than a tree to walk.
    /// </summary>
    public List<HtmlNode> AllElements
    {
        get
        {
            if (_elements is null)
            {
                _elements = new List<HtmlNode>(ElementsHint);
                Root.AddDescendants(_elements);
            }

            return _elements;
        }
    }

    /// <summary>The first element below &lt;html&gt; (document order) for which <paramref name="match"/> holds.</summary>
    public HtmlNode? Find(Func<HtmlNode, bool> match)
    {
        foreach (var node in AllElements)
        {
            if (match(node))
            {
                return node;
            }
        }

        return null;
    }

    public IEnumerable<HtmlNode> Elements(string tag)
    {
        foreach (var node in AllElements)
        {
            if (node.Tag == tag)
            {
                yield return node;
            }
        }
    }

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
