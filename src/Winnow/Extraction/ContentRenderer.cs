using System.Text;

namespace Winnow.Extraction;

/// <summary>
/// Writes the kept nodes as plain text (blocks separated by blank lines) or Markdown (headings,
/// lists, quotes, emphasis, code, optional links). Iterative, so any nesting depth is safe.
/// </summary>
internal sealed class ContentRenderer
{
    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
        "blockquote", "pre", "table", "tr", "dl", "dt", "dd", "figure", "figcaption", "header", "address",
        "details", "summary", "hr", "center", "body", "caption", "thead", "tbody", "tfoot",
    };

    private readonly bool _markdown;
    private readonly bool _links;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _line = new();
    private string _prefix = "";
    private bool _listItem;
    private bool _lastWasListItem;
    private int _quoteDepth;
    private int _preDepth;

    public ContentRenderer(ExtractionOptions options)
    {
        _markdown = options.Format == ExtractionFormat.Markdown;
        _links = options.IncludeLinks && _markdown;
    }

    public string Render(List<ContentNode> containers)
    {
        var stack = new Stack<(ContentNode Node, bool Exit)>();
        for (var i = containers.Count - 1; i >= 0; i--)
        {
            stack.Push((containers[i], false));
        }

        while (stack.Count > 0)
        {
            var (node, exit) = stack.Pop();
            if (node.Tag is null)
            {
                AppendText(node.Text!);
            }
            else if (exit)
            {
                Exit(node);
            }
            else if (!node.Dropped)
            {
                Enter(node);
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
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6" when _markdown:
                _prefix = new string('#', tag[1] - '0') + " ";
                break;
            case "li":
                _listItem = true;
                _prefix = _markdown ? (node.Parent?.Tag == "ol" ? "1. " : "- ") : "";
                break;
            case "blockquote":
                _quoteDepth++;
                break;
            case "pre":
                _preDepth++;
                if (_markdown)
                {
                    _line.Append("```\n");
                }

                break;
            case "em" or "i" when _markdown:
                _line.Append('*');
                break;
            case "strong" or "b" when _markdown:
                _line.Append("**");
                break;
            case "code" when _markdown && _preDepth == 0:
                _line.Append('`');
                break;
            case "a" when _links && node.Href is not null:
                _line.Append('[');
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
            case "em" or "i" when _markdown:
                TrimEnd();
                _line.Append('*');
                break;
            case "strong" or "b" when _markdown:
                TrimEnd();
                _line.Append("**");
                break;
            case "code" when _markdown && _preDepth == 0:
                _line.Append('`');
                break;
            case "a" when _links && node.Href is not null:
                TrimEnd();
                _line.Append("](").Append(node.Href).Append(')');
                break;
            case "pre":
                if (_markdown)
                {
                    _line.Append("\n```");
                }

                Flush();
                _preDepth--;
                return;
            case "blockquote":
                Flush();
                _quoteDepth--;
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

    private void TrimEnd()
    {
        while (_line.Length > 0 && _line[^1] == ' ')
        {
            _line.Length--;
        }
    }

    private void Flush()
    {
        var text = _preDepth > 0 ? _line.ToString().Trim('\n') : _line.ToString().Trim();
        _line.Clear();
        var isEmpty = text.Length == 0 || (_markdown && text is "**" or "*" or "``" or "****");
        if (!isEmpty)
        {
            if (_out.Length > 0)
            {
                _out.Append(_listItem && _lastWasListItem ? "\n" : "\n\n");
            }

            if (_markdown && _quoteDepth > 0)
            {
                _out.Append(string.Concat(Enumerable.Repeat("> ", _quoteDepth)));
            }

            _out.Append(_prefix).Append(text);
            _lastWasListItem = _listItem;
        }

        _prefix = "";
        _listItem = false;
    }
}
