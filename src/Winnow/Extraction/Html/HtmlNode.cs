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

    /// <summary>
    /// Kept attributes as (name, value) pairs, names interned and lower-case; first occurrence wins.
    /// An array of exactly their number: most elements have one or two, and a page has thousands.
    /// </summary>
    public KeyValuePair<string, string>[]? Attributes { get; private set; }

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
        if (GetAttribute(name) is not null)
        {
            return;
        }

        var attributes = Attributes ?? [];
        Array.Resize(ref attributes, attributes.Length + 1);
        attributes[^1] = new(name, value);
        Attributes = attributes;
    }

    /// <summary>Adds each attribute unless one of that name is already there (the first of a tag's repeats wins).</summary>
    public void SetAttributesIfMissing(List<KeyValuePair<string, string>> attributes)
    {
        if (attributes.Count == 0)
        {
            return;
        }

        if (Attributes is not null || HasRepeatedName(attributes))
        {
            foreach (var a in attributes)
            {
                SetAttributeIfMissing(a.Key, a.Value);
            }

            return;
        }

        Attributes = [.. attributes];
    }

    private static bool HasRepeatedName(List<KeyValuePair<string, string>> attributes)
    {
        for (var i = 1; i < attributes.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (attributes[i].Key == attributes[j].Key)
                {
                    return true;
                }
            }
        }

        return false;
    }

    public string? GetAttribute(string name)
    {
        if (Attributes is { } attributes)
        {
            foreach (var a in attributes)
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
        var walk = new PreOrder(this);
        while (walk.Next() is { } node)
        {
            if (node.Text is not null)
            {
                text.Append(node.Text);
            }
        }

        return text.ToString();
    }

    /// <summary>The first descendant element (pre-order) for which <paramref name="match"/> holds.</summary>
    public HtmlNode? Find(Func<HtmlNode, bool> match)
    {
        var walk = new PreOrder(this);
        while (walk.Next() is { } node)
        {
            if (node.Tag is not null && match(node))
            {
                return node;
            }
        }

        return null;
    }

    /// <summary>Adds the descendant elements to <paramref name="elements"/> in document order (pre-order).</summary>
    public void AddDescendants(List<HtmlNode> elements)
    {
        var walk = new PreOrder(this);
        while (walk.Next() is { } node)
        {
            if (node.Tag is not null)
            {
                elements.Add(node);
            }
        }
    }

    // The nodes below a root in document order, with a frame per open level instead of nested
    // iterators: any depth is safe, and a step is an index increment, not an iterator's MoveNext.
    private struct PreOrder
    {
        private (List<HtmlNode> Children, int Next)[] _frames;
        private int _depth;

        public PreOrder(HtmlNode root)
        {
            _frames = new (List<HtmlNode>, int)[16];
            _depth = 0;
            if (root.Children is { Count: > 0 } children)
            {
                _frames[_depth++] = (children, 0);
            }
        }

        public HtmlNode? Next()
        {
            while (_depth > 0)
            {
                ref var top = ref _frames[_depth - 1];
                if (top.Next == top.Children.Count)
                {
                    _depth--;
                    continue;
                }

                var node = top.Children[top.Next++];
                if (node.Children is { Count: > 0 } children)
                {
                    if (_depth == _frames.Length)
                    {
                        Array.Resize(ref _frames, _depth * 2);
                    }

                    _frames[_depth++] = (children, 0);
                }

                return node;
            }

            return null;
        }
    }
}
