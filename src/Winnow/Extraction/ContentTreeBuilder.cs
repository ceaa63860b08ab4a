using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Winnow.Extraction.Html;

namespace Winnow.Extraction;

/// <summary>
/// Copies the parsed page into a <see cref="ContentNode"/> tree, leaving out what is never
/// content (scripts, styles, forms' controls, navigation, hidden elements) and tallying text
/// and link characters bottom-up. Iterative, so any nesting depth is safe.
/// </summary>
internal sealed class ContentTreeBuilder
{
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        "script", "style", "template", "svg", "math", "canvas", "iframe", "object", "embed",
        "video", "audio", "source", "track", "button", "input", "select", "textarea", "option", "nav",
        "footer", "menu", "dialog", "head", "link", "meta", "label", "fieldset", "map", "area",
    };

    private static readonly HashSet<string> SkippedRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "menu", "menubar", "contentinfo", "complementary", "dialog", "alertdialog", "search",
        "banner", "tablist", "toolbar",
    };

    private readonly ExtractionOptions _options;
    private readonly bool _keepAsides;
    private readonly List<ContentNode> _elements;

    /// <param name="options">What to keep.</param>
    /// <param name="keepAsides">Read &lt;aside&gt; and &lt;noscript&gt; content (what a browser without scripts shows) rather than skip it.</param>
    /// <param name="elements">The page's element count, when known: room for <see cref="Elements"/> from the start.</param>
    public ContentTreeBuilder(ExtractionOptions options, bool keepAsides = false, int elements = 0)
    {
        _options = options;
        _keepAsides = keepAsides;
        _elements = new List<ContentNode>(elements + 1);
    }

    /// <summary>True when an &lt;aside&gt; or &lt;noscript&gt; element was left out.</summary>
    public bool SkippedAsides { get; private set; }

    /// <summary>Every element node, each after its parent (siblings in document order; not pre-order: a node's children follow all its siblings).</summary>
    public IReadOnlyList<ContentNode> Elements => _elements;

    public ContentNode Build(HtmlNode body)
    {
        var root = new ContentNode("body", null, null);
        _elements.Add(root);
        var stack = new Stack<(HtmlNode Source, ContentNode Target)>();
        var pending = new List<(HtmlNode, ContentNode)>();
        stack.Push((body, root));
        while (stack.Count > 0)
        {
            var (source, target) = stack.Pop();
            var childCount = source.ChildCount;
            if (childCount == 0)
            {
                continue;
            }

            // Children are pushed in reverse so that they are visited, and numbered, in order.
            pending.Clear();
            foreach (var element in source.ChildNodes)
            {
                if (element.Text is { } text)
                {
                    target.Add(new ContentNode(null, text, target), childCount);
                }
                else if (Keep(element, out var className, out var id))
                {
                    if (target.Depth >= _options.MaxDepth)
                    {
                        // Past the depth limit, content is flattened into the deepest kept node.
                        pending.Add((element, target));
                        continue;
                    }

                    var node = new ContentNode(element.Tag, null, target)
                    {
                        ClassName = className,
                        Hint = ClassHints.Of(className, id, out var comments),
                        IsComments = comments,
                        InComments = comments || target.InComments,
                    };
                    if (node.Tag == "a" && _options.IncludeLinks)
                    {
                        node.Href = element.GetAttribute("href");
                    }
                    else if (node.Tag == "img")
                    {
                        continue;
                    }

                    target.Add(node, childCount);
                    node.Index = _elements.Count;
                    _elements.Add(node);
                    pending.Add((element, node));
                }
            }

            for (var i = pending.Count - 1; i >= 0; i--)
            {
                stack.Push(pending[i]);
            }
        }

        Tally();
        return root;
    }

    // One pass over the attributes: most elements have none or one, and each GetAttribute is a scan.
    private bool Keep(HtmlNode element, out string? className, out string? id)
    {
        className = null;
        id = null;
        var tag = element.Tag!;
        if (Skipped.Contains(tag) || (tag == "table" && !_options.IncludeTables))
        {
            return false;
        }

        if (tag is "noscript" or "aside" && !_keepAsides)
        {
            SkippedAsides = true;
            return false;
        }

        if (element.Attributes is null)
        {
            return true;
        }

        foreach (var (name, value) in element.Attributes)
        {
            switch (name)
            {
                case "class":
                    className = value;
                    break;
                case "id":
                    id = value;
                    break;
                case "hidden":
                    return false;
                case "aria-hidden" when value == "true":
                    return false;
                case "role" when SkippedRoles.Contains(value):
                    return false;
                case "style" when IsHiddenStyle(value):
                    return false;
            }
        }

        return true;
    }

    internal static bool IsHiddenStyle(string style)
    {
        var compact = style.Replace(" ", "", StringComparison.Ordinal);
        return compact.Contains("display:none", StringComparison.OrdinalIgnoreCase)
            || compact.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Sums characters, link characters, commas, paragraphs and comment text from the leaves up.</summary>
    private void Tally()
    {
        for (var i = _elements.Count - 1; i >= 0; i--)
        {
            var node = _elements[i];
            if (node.Children is not null)
            {
                foreach (var child in node.Children)
                {
                    if (child.Tag is null)
                    {
                        CountText(child.Text!, out var chars, out var commas);
                        node.Chars += chars;
                        node.Commas += commas;
                    }
                }
            }

            if (node.Tag == "a")
            {
                node.LinkChars = node.Chars;
            }

            if (node.Tag is "p" or "pre" or "blockquote" or "li" or "td" or "dd")
            {
                node.Paragraphs++;
            }

            if (node.IsComments)
            {
                node.CommentChars = node.Chars;
            }

            if (node.Parent is { } parent)
            {
                parent.CommentChars += node.CommentChars;
                parent.Chars += node.Chars;
                parent.LinkChars += node.LinkChars;
                parent.Commas += node.Commas;
                parent.Paragraphs += node.Paragraphs;
            }
        }
    }

    // Characters that are not white space (char.IsWhiteSpace), and commas. Eight characters at a
    // time: of ASCII only the space and U+0009 to U+000D are white space; a block holding any other
    // character is counted one by one.
    internal static void CountText(string text, out int chars, out int commas)
    {
        var span = MemoryMarshal.Cast<char, ushort>(text.AsSpan());
        int spaces = 0, found = 0, i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var space = Vector128.Create((ushort)' ');
            var tab = Vector128.Create((ushort)'\t');
            var controls = Vector128.Create((ushort)('\r' - '\t'));
            var comma = Vector128.Create((ushort)',');
            var notAscii = Vector128.Create((ushort)0xFF80);
            ref var start = ref MemoryMarshal.GetReference(span);
            for (; i + Vector128<ushort>.Count <= span.Length; i += Vector128<ushort>.Count)
            {
                var v = Vector128.LoadUnsafe(ref start, (nuint)i);
                if ((v & notAscii) != Vector128<ushort>.Zero)
                {
                    CountOneByOne(text.AsSpan(i, Vector128<ushort>.Count), ref spaces, ref found);
                    continue;
                }

                var white = Vector128.Equals(v, space) | Vector128.LessThanOrEqual(v - tab, controls);
                spaces += BitOperations.PopCount(white.ExtractMostSignificantBits());
                found += BitOperations.PopCount(Vector128.Equals(v, comma).ExtractMostSignificantBits());
            }
        }

        CountOneByOne(text.AsSpan(i), ref spaces, ref found);
        chars = text.Length - spaces;
        commas = found;
    }

    private static void CountOneByOne(ReadOnlySpan<char> text, ref int spaces, ref int commas)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                spaces++;
            }
            else if (c is ',' or '，' or '、' or '،')
            {
                commas++;
            }
        }
    }
}
