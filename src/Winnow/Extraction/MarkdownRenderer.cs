using System.Text;
using System.Text.RegularExpressions;

namespace Winnow.Extraction;

/// <summary>
/// Writes the kept nodes as Markdown (CommonMark, with GitHub's pipe tables): ATX headings,
/// paragraphs, nested bullet and numbered lists, block quotes, fenced code blocks, data tables,
/// emphasis, inline code and, with <see cref="ExtractionOptions.IncludeLinks"/>, links. Tables that
/// lay a page out are written as their blocks (see <see cref="MarkdownTable"/>). Characters that
/// would read as markup are escaped. Iterative, so any nesting depth is safe.
/// </summary>
/// <remarks>Not thread-safe: one instance renders one page.</remarks>
internal sealed partial class MarkdownRenderer
{
    private readonly bool _links;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _line = new();

    // Inline marks (emphasis, code, links) open at their first character, so that empty ones
    // vanish and spaces stay outside them; a block boundary closes the open ones and reopens them
    // in the next block.
    private readonly List<Mark> _marks = [];
    private int _unemitted;
    private readonly Stack<ListLevel> _lists = new();
    private readonly Stack<string> _fences = new();
    private string _prefix = "";
    private bool _tight;
    private bool _inListItem;
    private int _quoteDepth;
    private int _writtenQuoteDepth;
    private int _preDepth;
    private int _codeDepth;
    private MarkdownTable? _table;
    private int _cellDepth;

    public MarkdownRenderer(ExtractionOptions options)
    {
        _links = options.IncludeLinks;
    }

    public string Render(List<ContentNode> containers)
    {
        ContentRenderer.Walk(containers, AppendText, Enter, Exit);
        Flush();
        return _out.ToString();
    }

    private void Enter(ContentNode node)
    {
        var tag = node.Tag!;
        if (OpensInline(node))
        {
            return;
        }

        // Inside a data table's cell the row is one line: blocks become spaces.
        if (_cellDepth > 0)
        {
            if (ContentRenderer.IsBlock(tag) || tag == "br")
            {
                AppendSpace();
            }

            return;
        }

        if (ContentRenderer.IsBlock(tag) || tag == "br")
        {
            Flush();
        }

        switch (tag)
        {
            case "br":
                _tight = true;
                break;
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                _prefix = new string('#', tag[1] - '0') + " ";
                break;
            case "ul" or "ol":
                _lists.Push(new ListLevel(tag == "ol"));
                break;
            case "li":
                EnterListItem();
                break;
            case "blockquote":
                _quoteDepth++;
                break;
            case "pre":
                _preDepth++;
                var fence = Fence('`', LongestRun(node, '`') + 1, 3);
                _fences.Push(fence);
                _line.Append(fence).Append('\n');
                break;
            case "table" when _table is null && MarkdownTable.Of(node) is { } table:
                _table = table;
                break;
            case "tr" when _table is not null && _table.Owns(node):
                _table.StartRow();
                break;
            case "td" or "th" when _table is not null && _table.OwnsCell(node):
                _line.Append(_table.Cells++ == 0 ? "| " : " | ");
                _cellDepth++;
                break;
        }
    }

    private void Exit(ContentNode node)
    {
        var tag = node.Tag!;
        if (ClosesInline(node))
        {
            return;
        }

        if (tag is "td" or "th" && _cellDepth > 0 && _table is not null && _table.OwnsCell(node))
        {
            _cellDepth--;
            TrimEnd();
            return;
        }

        if (_cellDepth > 0)
        {
            if (ContentRenderer.IsBlock(tag))
            {
                AppendSpace();
            }

            return;
        }

        switch (tag)
        {
            case "pre":
                while (_line.Length > 0 && _line[^1] is '\n' or '\r' or ' ' or '\t')
                {
                    _line.Length--;
                }

                _line.Append('\n').Append(_fences.Pop());
                Flush();
                _preDepth--;
                return;
            case "blockquote":
                Flush();
                _quoteDepth--;
                return;
            case "ul" or "ol":
                Flush();
                _lists.Pop();
                _inListItem = _lists.Count > 0;
                _tight = _inListItem;
                return;
            case "li":
                Flush();
                _inListItem = false;
                return;
            case "tr" when _table is not null && _table.Owns(node):
                EndRow();
                return;
            case "table" when _table?.Node == node:
                _table = null;
                _tight = false;
                return;
        }

        if (ContentRenderer.IsBlock(tag))
        {
            Flush();
        }
    }

    // Emphasis, inline code and links: true when the node is one (its mark is opened or closed).
    private bool OpensInline(ContentNode node)
    {
        switch (node.Tag)
        {
            case "em" or "i" when _preDepth == 0:
                Push(Open("*"));
                return true;
            case "strong" or "b" when _preDepth == 0:
                Push(Open("**"));
                return true;
            case "code" when _preDepth == 0:
                var ticks = Fence('`', LongestRun(node, '`') + 1, 1);
                Push(new Mark(ticks, ticks) { Code = true });
                _codeDepth++;
                return true;
            case "a" when _links && _preDepth == 0 && LinkTarget(node.Href) is { } target:
                Push(new Mark("[", "](" + target + ")"));
                return true;
            case "a" when _links && _preDepth == 0:
                Push(new Mark("", ""));
                return true;
            default:
                return false;
        }
    }

    // Emphasis inside the same emphasis (<b><b>…</b></b>) adds nothing.
    private Mark Open(string marker) => _marks.Any(m => m.Opener == marker) ? new Mark("", "") : new Mark(marker, marker);

    private void Push(Mark mark)
    {
        _marks.Add(mark);
        _unemitted++;
    }

    private bool ClosesInline(ContentNode node)
    {
        if (!(node.Tag is "em" or "i" or "strong" or "b" or "code" || (node.Tag == "a" && _links)) || _preDepth > 0)
        {
            return false;
        }

        var mark = _marks[^1];
        _marks.RemoveAt(_marks.Count - 1);
        _codeDepth -= mark.Code ? 1 : 0;
        _unemitted -= mark.Emitted ? 0 : 1;
        if (mark.Emitted)
        {
            var trimmed = TrimEnd();
            _line.Append(mark.Closer);
            if (trimmed)
            {
                _line.Append(' ');
            }
        }

        return true;
    }

    private void EnterListItem()
    {
        var indent = new string(' ', _lists.Skip(1).Sum(l => l.Width));
        if (_lists.TryPeek(out var list))
        {
            list.Items++;
            _prefix = indent + (list.Ordered ? $"{list.Items}. " : "- ");
            list.Width = list.Ordered ? $"{list.Items}. ".Length : 2;
        }
        else
        {
            _prefix = "- ";
        }

        _tight = _inListItem || (_lists.Count > 0 && _lists.Peek().Items > 1);
        _inListItem = true;
    }

    private void EndRow()
    {
        var table = _table!;
        for (var i = table.Cells; i < table.Columns; i++)
        {
            _line.Append(i == 0 ? "|  " : " | ");
        }

        _line.Append(" |");
        _tight = table.Rows > 1;
        Flush();
        if (table.Rows == 1)
        {
            _line.Append('|').Append(string.Concat(Enumerable.Repeat(" --- |", table.Columns)));
            _tight = true;
            Flush();
        }

        _tight = true;
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
                // Between a data table's cells the row is being written: no space there.
                if (_table is null || _cellDepth > 0)
                {
                    AppendSpace();
                }

                continue;
            }

            if (_unemitted > 0)
            {
                foreach (var mark in _marks)
                {
                    if (!mark.Emitted)
                    {
                        _line.Append(mark.Opener);
                        mark.Emitted = true;
                    }
                }

                _unemitted = 0;
            }

            if (_codeDepth == 0 && c is '\\' or '*' or '`' or '[' or ']' or '<' or '_' or '|' && (c != '|' || _cellDepth > 0)
                && (c != '_' || _line.Length == 0 || !char.IsLetterOrDigit(_line[^1])))
            {
                _line.Append('\\');
            }

            _line.Append(c);
        }
    }

    private void AppendSpace()
    {
        if (_line.Length > 0 && _line[^1] is not (' ' or '\n'))
        {
            _line.Append(' ');
        }
    }

    private bool TrimEnd()
    {
        var length = _line.Length;
        while (_line.Length > 0 && _line[^1] == ' ')
        {
            _line.Length--;
        }

        return _line.Length < length;
    }

    private void Flush()
    {
        // Marks open at a block's end close there and reopen with the next block's text.
        for (var i = _marks.Count - 1; i >= 0; i--)
        {
            if (_marks[i].Emitted)
            {
                TrimEnd();
                _line.Append(_marks[i].Closer);
                _marks[i].Emitted = false;
                _unemitted++;
            }
        }

        var text = _preDepth > 0 ? _line.ToString() : _line.ToString().Trim();
        _line.Clear();
        if (text.Length > 0)
        {
            if (_out.Length > 0)
            {
                // The blank line between two blocks of one quote is quoted too, or the quote would end.
                _out.Append(_tight ? "\n" : "\n" + string.Concat(Enumerable.Repeat(">", Math.Min(_quoteDepth, _writtenQuoteDepth))) + "\n");
            }

            _writtenQuoteDepth = _quoteDepth;

            var prefix = _prefix;
            if (prefix.Length == 0 && _inListItem && _lists.Count > 0)
            {
                // A further block of a list item stays inside it, as a paragraph of its own.
                prefix = new string(' ', _lists.Sum(l => l.Width));
                _out.Append(_tight ? "\n" : "");
            }
            else if (prefix.Length == 0 && _preDepth == 0 && _table is null)
            {
                text = EscapeBlockStart(text);
            }

            var quote = string.Concat(Enumerable.Repeat("> ", _quoteDepth));
            var first = true;
            foreach (var line in text.Split('\n'))
            {
                if (!first)
                {
                    _out.Append('\n');
                }

                _out.Append(quote).Append(first ? prefix : new string(' ', prefix.Length)).Append(line);
                first = false;
            }

            _tight = _inListItem;

            // A heading's or list item's marker waits for the block's first text (an empty
            // wrapper inside them flushes nothing).
            _prefix = "";
        }
    }

    // A paragraph that begins like a heading, list item, quote or rule would be read as one.
    private static string EscapeBlockStart(string text)
    {
        var m = BlockStart().Match(text);
        return m.Success ? text.Insert(m.Groups["at"].Index, "\\") : text;
    }

    // Links to the page itself (#fragments) and script links are text; a target with spaces or
    // parentheses goes in angle brackets; one with a line break or angle bracket is dropped.
    private static string? LinkTarget(string? href)
    {
        var target = href?.Trim();
        if (string.IsNullOrEmpty(target) || target.StartsWith('#') || target.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
            || target.AsSpan().IndexOfAny("<>\n\r") >= 0)
        {
            return null;
        }

        return target.AsSpan().IndexOfAny(" ()") >= 0 ? "<" + target + ">" : target;
    }

    private static string Fence(char c, int length, int minimum) => new(c, Math.Max(length, minimum));

    private static int LongestRun(ContentNode node, char c)
    {
        var longest = 0;
        var stack = new Stack<ContentNode>();
        stack.Push(node);
        while (stack.TryPop(out var n))
        {
            if (n.Text is { } text)
            {
                var run = 0;
                foreach (var ch in text)
                {
                    run = ch == c ? run + 1 : 0;
                    longest = Math.Max(longest, run);
                }
            }
            else if (n.Children is { } children)
            {
                foreach (var child in children)
                {
                    stack.Push(child);
                }
            }
        }

        return longest;
    }

    [GeneratedRegex(@"^(?:(?<at>#)#{0,5}(?:\s|$)|(?<at>[>+-])(?:\s|$)|\d{1,9}(?<at>[.)])(?:\s|$)|(?<at>[-=])[-=\s]{2,}$)")]
    private static partial Regex BlockStart();

    private sealed class Mark(string opener, string closer)
    {
        public string Opener { get; } = opener;

        public string Closer { get; } = closer;

        public bool Emitted { get; set; }

        public bool Code { get; init; }
    }

    private sealed class ListLevel(bool ordered)
    {
        public bool Ordered { get; } = ordered;

        public int Items { get; set; }

        public int Width { get; set; } = ordered ? 3 : 2;
    }
}
