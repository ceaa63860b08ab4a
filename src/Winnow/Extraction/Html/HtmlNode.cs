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

    // Children are a doubly linked list through the nodes themselves, not a List per element. The
    // links cost 32 bytes on every node; a List and its growing array cost more on each element
    // that has children (parsing the development pages allocates 362 MB instead of 410). A walk
    // needs no stack, and inserting before a child needs no search.
    public HtmlNode? FirstChild { get; private set; }

    public HtmlNode? LastChild { get; private set; }

    public HtmlNode? NextSibling { get; private set; }

    public HtmlNode? PreviousSibling { get; private set; }

    /// <summary>How many children, counted along the links (kept nowhere: a count is a field on every node).</summary>
    public int ChildCount
    {
        get
        {
            var count = 0;
            for (var child = FirstChild; child is not null; child = child.NextSibling)
            {
                count++;
            }

            return count;
        }
    }

    /// <summary>The children in order, for <c>foreach</c> without allocation (LINQ boxes it).</summary>
    public ChildList ChildNodes => new(this);

    /// <summary>
    /// Kept attributes as (name, value) pairs, names interned and lower-case; first occurrence wins.
    /// An array of exactly their number: most elements have one or two, and a page has thousands.
    /// </summary>
    public KeyValuePair<string, string>[]? Attributes { get; private set; }

    public bool IsElement => Tag is not null;

    /// <summary>Appends <paramref name="child"/>, which must not be in a tree yet.</summary>
    public void Add(HtmlNode child)
    {
        child.Parent = this;
        child.PreviousSibling = LastChild;
        child.NextSibling = null;
        if (LastChild is { } last)
        {
            last.NextSibling = child;
        }
        else
        {
            FirstChild = child;
        }

        LastChild = child;
    }

    /// <summary>Inserts <paramref name="child"/>, which must not be in a tree yet, before <paramref name="reference"/>, one of this node's children.</summary>
    public void InsertBefore(HtmlNode child, HtmlNode reference)
    {
        child.Parent = this;
        child.NextSibling = reference;
        child.PreviousSibling = reference.PreviousSibling;
        if (reference.PreviousSibling is { } previous)
        {
            previous.NextSibling = child;
        }
        else
        {
            FirstChild = child;
        }

        reference.PreviousSibling = child;
    }

    /// <summary>Inserts <paramref name="child"/>, which must not be in a tree yet, as the first child.</summary>
    public void Prepend(HtmlNode child)
    {
        if (FirstChild is { } first)
        {
            InsertBefore(child, first);
        }
        else
        {
            Add(child);
        }
    }

    /// <summary>Takes the last child out of this node.</summary>
    public void RemoveLastChild()
    {
        if (LastChild is not { } last)
        {
            return;
        }

        LastChild = last.PreviousSibling;
        if (LastChild is { } previous)
        {
            previous.NextSibling = null;
        }
        else
        {
            FirstChild = null;
        }

        last.Parent = null;
        last.PreviousSibling = null;
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

    // The nodes below a root in document order, by the sibling links: no stack, so any depth is
    // safe, and a step is a pointer or two.
    private struct PreOrder(HtmlNode root)
    {
        private HtmlNode? _next = root.FirstChild;

        public HtmlNode? Next()
        {
            var node = _next;
            if (node is null)
            {
                return null;
            }

            if (node.FirstChild is { } child)
            {
                _next = child;
                return node;
            }

            // Up to the nearest ancestor below the root with a next sibling.
            var at = node;
            while (at.NextSibling is null)
            {
                at = at.Parent;
                if (at is null || ReferenceEquals(at, root))
                {
                    _next = null;
                    return node;
                }
            }

            _next = at.NextSibling;
            return node;
        }
    }

    /// <summary>A node's children in order: a <c>foreach</c> over it allocates nothing.</summary>
    public readonly struct ChildList(HtmlNode parent) : IEnumerable<HtmlNode>
    {
        public int Count => parent.ChildCount;

        public Enumerator GetEnumerator() => new(parent.FirstChild);

        IEnumerator<HtmlNode> IEnumerable<HtmlNode>.GetEnumerator() => GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public struct Enumerator(HtmlNode? first) : IEnumerator<HtmlNode>
        {
            private HtmlNode? _next = first;
            private HtmlNode? _current;

            public readonly HtmlNode Current => _current!;

            readonly object System.Collections.IEnumerator.Current => _current!;

            public bool MoveNext()
            {
                _current = _next;
                _next = _next?.NextSibling;
                return _current is not null;
            }

            public readonly void Reset() => throw new NotSupportedException();

            public readonly void Dispose()
            {
            }
        }
    }
}
