namespace Winnow.Extraction;

/// <summary>
/// One node of the compact tree the extractor works on: an element (Tag set) or a text run
/// (Text set). Built once from the parsed page, so that scoring never re-walks the DOM.
/// </summary>
internal sealed class ContentNode
{
    public ContentNode(string? tag, string? text, ContentNode? parent)
    {
        Tag = tag;
        Text = text;
        Parent = parent;
        Depth = parent is null ? 0 : parent.Depth + 1;
    }

    /// <summary>Lower-case element name, or null for a text run.</summary>
    public string? Tag { get; }

    /// <summary>The raw text of a text run.</summary>
    public string? Text { get; }

    public ContentNode? Parent { get; }

    public int Depth { get; }

    /// <summary>Position in <see cref="ContentTreeBuilder.Elements"/>; the root is 0.</summary>
    public int Index { get; set; }

    public List<ContentNode>? Children { get; set; }

    /// <summary>The element's class attribute, as written (null for none).</summary>
    public string? ClassName { get; init; }

    /// <summary>Class and id hint: negative for boilerplate names, positive for content names.</summary>
    public int Hint { get; set; }

    /// <summary>True for names that mark comment sections.</summary>
    public bool IsComments { get; set; }

    /// <summary>True when this node or an ancestor marks a comment section.</summary>
    public bool InComments { get; set; }

    /// <summary>Link target of an &lt;a&gt;, when links are kept.</summary>
    public string? Href { get; set; }

    /// <summary>Non-space characters in the subtree.</summary>
    public int Chars { get; set; }

    /// <summary>Non-space characters inside links in the subtree.</summary>
    public int LinkChars { get; set; }

    /// <summary>Commas in the subtree, a sign of prose.</summary>
    public int Commas { get; set; }

    /// <summary>Paragraph-like elements in the subtree.</summary>
    public int Paragraphs { get; set; }

    /// <summary>Non-space characters in comment sections in the subtree (the node's own when it is one).</summary>
    public int CommentChars { get; set; }

    /// <summary>Non-space, non-link characters of the prose paragraphs in the subtree (set while finding content).</summary>
    public int ProseChars { get; set; }

    /// <summary>Readability-style content score gathered from paragraphs below.</summary>
    public double Score { get; set; }

    /// <summary>True once the node took part in scoring as a candidate.</summary>
    public bool IsCandidate { get; set; }

    /// <summary>Set when cleaning dropped the node from the output.</summary>
    public bool Dropped { get; set; }

    public double LinkDensity => Chars == 0 ? 0 : (double)LinkChars / Chars;

    /// <summary>
    /// Adds <paramref name="child"/>, making the child list room for <paramref name="siblings"/>
    /// (the most it will hold, when known) when this adds the first child: the list is not grown step by step.
    /// </summary>
    public void Add(ContentNode child, int siblings = 0) => (Children ??= new List<ContentNode>(siblings)).Add(child);
}
