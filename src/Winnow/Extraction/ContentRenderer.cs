using System.Text;

namespace Winnow.Extraction;

/// <summary>
/// Writes the kept nodes as plain text: blocks separated by blank lines, list items and lines
/// broken by &lt;br&gt; by single newlines, table cells by " | ". Markdown is written by
/// <see cref="MarkdownRenderer"/>. Iterative, so any nesting depth is safe.
/// </summary>
internal sealed class ContentRenderer
{
    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
        "blockquote", "pre", "table", "tr", "dl", "dt", "dd", "figure", "figcaption", "header", "address",
        "details", "summary", "hr", "center", "body", "caption", "thead", "tbody", "tfoot",
    };

    private readonly ExtractionOptions _options;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _line = new();
    private bool _listItem;
    private bool _lastWasListItem;
    private int _preDepth;

    public ContentRenderer(ExtractionOptions options)
    {
        _options = options;
    }

    /// <summary>
    /// Visits the kept nodes in document order, iteratively (any nesting depth is safe): text runs,
    /// and each element on entering and on leaving it; dropped subtrees are passed over.
    /// </summary>
    public static void Walk(List<ContentNode> containers, Action<string> text, Action<ContentNode> enter, Action<ContentNode> exit)
    {
        var stack = new Stack<(ContentNode Node, bool Exit)>();
        for (var i = containers.Count - 1; i >= 0; i--)
        {
            stack.Push((containers[i], false));
        }

        while (stack.Count > 0)
        {
            var (node, leaving) = stack.Pop();
            if (node.Tag is null)
            {
                text(node.Text!);
            }
            else if (leaving)
            {
                exit(node);
            }
            else if (!node.Dropped)
            {
                enter(node);
                stack.Push((node, true));
                if (node.Children is { } children)
                {
                    for (var i = children.Count - 1; i >= 0; i--)
                    {
                        stack.Push((children[i], false));
                    }
                }
            }
        }
    }

    /// <summary>True for the elements that start and end a block of text.</summary>
    public static bool IsBlock(string tag) => Blocks.Contains(tag);

    public string Render(List<ContentNode> containers)
    {
        if (_options.Format == ExtractionFormat.Markdown)
        {
            return new MarkdownRenderer(_options).Render(containers);
        }

        Walk(containers, AppendText, Enter, Exit);
        Flush();
        return _out.ToString();
    }

    private void Enter(ContentNode node)
    {
        var tag = node.Tag!;
        if (Blocks.Contains(tag))
        {
            Flush();
        }

        switch (tag)
        {
            case "br":
                Flush();
                _lastWasListItem = true;
                break;
            case "li":
                _listItem = true;
                break;
            case "pre":
                _preDepth++;
                break;
            case "td" or "th" when _line.Length > 0:
                _line.Append(" | ");
                break;
        }
    }

    private void Exit(ContentNode node)
    {
        switch (node.Tag)
        {
            case "pre":
                Flush();
                _preDepth--;
                return;
        }

        if (Blocks.Contains(node.Tag!))
        {
            Flush();
        }
    }

    private void AppendText(string text)
    {
        if (_preDepth > 0)
        {
            _line.Append(text);
            return;
        }

        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (_line.Length > 0 && _line[^1] != ' ')
                {
                    _line.Append(' ');
                }
            }
            else
            {
                _line.Append(c);
            }
        }
    }

    private void Flush()
    {
        var text = _preDepth > 0 ? _line.ToString().Trim('\n') : _line.ToString().Trim();
        _line.Clear();
        if (text.Length > 0)
        {
            if (_out.Length > 0)
            {
                _out.Append(_listItem && _lastWasListItem ? "\n" : "\n\n");
            }

            _out.Append(text);
            _lastWasListItem = _listItem;
        }

        _listItem = false;
    }
}
