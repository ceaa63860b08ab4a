using System.Text;

namespace Winnow.Extraction.Html;

/// <summary>
/// A node of the light document tree both parsers produce: an element (Tag set) or a text run
/// (Text set). Only the attributes the extractor reads are kept (see <see cref="HtmlAttributeNames"/>).
/// </summary>
/// <remarks>Not thread-safe; a tree belongs to the call that parsed it.</remarks>
internal sealed class HtmlNode
{
    public HtmlNode(string? tag, string? text)
    {
        Tag = tag;
        Text = text;
    }

    /// <summary>Lower-case element name, or null for a text run.</summary>
    public string? Tag { get; }

    /// <summary>The text of a text run (entities decoded).</summary>
    public string? Text { get; }

    public HtmlNode? Parent { get; private set; }

    public List<HtmlNode>? Children { get; private set; }

    /// <summary>Kept attributes as (name, value) pairs, names interned and lower-case; first occurrence wins.</summary>
    public List<KeyValuePair<string, string>>? Attributes { get; private set; }

    public bool IsElement => Tag is not null;

    public void Add(HtmlNode child)
    {
        child.Parent = this;
        (Children ??= []).Add(child);
    }

    public void Insert(int index, HtmlNode child)
    {
        child.Parent = this;
        (Children ??= []).Insert(index, child);
    }

    /// <summary>Adds an attribute unless one of that name is already there (the HTML rule).</summary>
    public void SetAttributeIfMissing(string name, string value)
    {
        if (Attributes is not null)
        {
            foreach (var a in Attributes)
            {
                if (ReferenceEquals(a.Key, name) || a.Key == name)
                {
                    return;
                }
            }
        }

        (Attributes ??= []).Add(new(name, value));
    }

    public string? GetAttribute(string name)
    {
        if (Attributes is not null)
        {
            foreach (var a in Attributes)
            {
                if (a.Key == name)
                {
                    return a.Value;
                }
            }
        }

        return null;
    }

    public bool HasAttribute(string name) => GetAttribute(name) is not null;

    /// <summary>True when the space-separated attribute value holds <paramref name="token"/> (CSS <c>~=</c>).</summary>
    public bool HasToken(string name, string token)
    {
        var value = GetAttribute(name);
        if (value is null)
        {
            return false;
        }

        foreach (var range in value.AsSpan().SplitAny(" \t\n\f\r"))
        {
            if (value.AsSpan(range).SequenceEqual(token))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>All text below, in document order (script and style text included, as the DOM's textContent).</summary>
    public string TextContent()
    {
        if (Text is not null)
        {
            return Text;
        }

        var text = new StringBuilder();
        foreach (var node in DescendantsAndText())
        {
            if (node.Text is not null)
            {
                text.Append(node.Text);
            }
        }

        return text.ToString();
    }

    /// <summary>Descendant elements in document order (pre-order), iteratively.</summary>
    public IEnumerable<HtmlNode> Descendants()
    {
        foreach (var node in DescendantsAndText())
        {
            if (node.Tag is not null)
            {
                yield return node;
            }
        }
    }

    /// <summary>The first descendant element (pre-order) for which <paramref name="match"/> holds.</summary>
    public HtmlNode? Find(Func<HtmlNode, bool> match)
    {
        foreach (var node in Descendants())
        {
            if (match(node))
            {
                return node;
            }
        }

        return null;
    }

    private IEnumerable<HtmlNode> DescendantsAndText()
    {
        if (Children is null)
        {
            yield break;
        }

        var stack = new Stack<(HtmlNode Node, int Next)>();
        stack.Push((this, 0));
        while (stack.Count > 0)
        {
            var (node, next) = stack.Pop();
            if (next >= node.Children!.Count)
            {
                continue;
            }

            stack.Push((node, next + 1));
            var child = node.Children[next];
            yield return child;
            if (child.Children is not null)
            {
                stack.Push((child, 0));
            }
        }
    }
}
