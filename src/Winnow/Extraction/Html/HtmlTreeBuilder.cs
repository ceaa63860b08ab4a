using System.Text;
using static Winnow.Extraction.Html.HtmlTags;

namespace Winnow.Extraction.Html;

/// <summary>
/// The tree-construction half of the fast parser: a stack of open elements with the HTML rules
/// that shape text extraction — head vs body, implied end tags (p, li, dt/dd, option, table
/// rows and cells), end tags honoured only in scope, table foster parenting, foreign (SVG/MathML)
/// content. The active-formatting reconstruction and the adoption agency are left out: they
/// re-wrap inline formatting but do not move text between blocks. Every decision is O(1) through
/// per-name "topmost open" indexes, so hostile tag soup stays linear.
/// </summary>
/// <remarks>
/// Sections of the HTML standard (WHATWG, "13.2 Parsing HTML documents") it follows, by method:
/// 13.2.4.2 "The stack of open elements" and "has an element in scope" (<see cref="CloseInScope"/>,
/// the scope markers); 13.2.6 "Tree construction": 13.2.6.1 "Creating and inserting nodes" with
/// foster parenting (<see cref="Insert"/>, <see cref="Foster"/>); 13.2.6.3 "Closing elements that
/// have implied end tags" (<see cref="StartInBody"/>, <see cref="End"/>); the insertion modes
/// 13.2.6.4.4 "in head" and 13.2.6.4.5 "in head noscript" (<see cref="Start"/>), 13.2.6.4.7 "in
/// body" (<see cref="StartInBody"/>, <see cref="End"/>), 13.2.6.4.9 "in table", 13.2.6.4.13 "in
/// table body", 13.2.6.4.14 "in row" and 13.2.6.4.15 "in cell" (<see cref="TableStart"/>); 13.2.6.2
/// "Parsing elements that contain only text" (<see cref="RawText"/>); 13.2.6.5 "The rules for
/// parsing tokens in foreign content" (SVG and MathML, <see cref="InForeign"/>).
/// </remarks>
/// <remarks>Not thread-safe; one per parse (reused per thread through <see cref="FastHtmlParser"/>).</remarks>
internal sealed class HtmlTreeBuilder
{
    private struct Open
    {
        public HtmlNode Node;
        public int Id;
        public int PrevSame;
        public int TopBoundary;
        public int TopSpecial;
        public bool Foreign;
    }

    private readonly List<Open> _stack = [];
    private int[] _top = new int[Count + 64];
    private HtmlNode _root = null!;
    private HtmlNode _head = null!;
    private HtmlNode? _body;
    private int _inserted; // elements inserted below <html>, <head> and <body>

    /// <summary>Text met since the last tree change, entities decoded.</summary>
    public StringBuilder PendingText { get; } = new();

    public int Depth => _stack.Count;

    /// <summary>True when the current node is SVG or MathML (self-closing tags count, no raw text).</summary>
    public bool InForeign => _stack.Count > 0 && _stack[^1].Foreign;

    public void Reset(int idCount)
    {
        _stack.Clear();
        PendingText.Clear();
        if (_top.Length < idCount)
        {
            _top = new int[idCount * 2];
        }

        Array.Fill(_top, -1);
        _root = new HtmlNode("html", null);
        _head = new HtmlNode("head", null);
        _body = null;
        _inserted = 0;
        _root.Add(_head);
        Push(_root, Root, false);
        Push(_head, Head, false);
    }

    public HtmlDocumentTree Finish(int cutAt)
    {
        FlushText();
        if (_body is null)
        {
            StartBody(null);
        }

        return new HtmlDocumentTree(_root, _head, _body!) { CutAt = cutAt, ElementsHint = _inserted + 2 };
    }

    /// <summary>Handles a start tag; false when the element was not inserted (ignored tag).</summary>
    // 13.2.6.4.4 "in head" and 13.2.6.4.5 "in head noscript" here; the body's start tags go to
    // StartInBody (13.2.6.4.7), with 13.2.6.4.6 "after head" implied when a body tag comes first.
    public bool Start(int id, string name, List<KeyValuePair<string, string>>? attributes, bool selfClosing)
    {
        if (InForeign)
        {
            if (!Is(BreaksForeign, id))
            {
                Insert(new HtmlNode(name, null), id, attributes, foreign: true);
                if (selfClosing)
                {
                    PopTo(_stack.Count - 1);
                }

                return true;
            }

            while (_stack.Count > 1 && _stack[^1].Foreign)
            {
                PopTo(_stack.Count - 1);
            }
        }

        if (id == Root || id == Head || (id == Body && _body is not null))
        {
            Merge(id == Body ? _body! : id == Root ? _root : _head, attributes);
            return false;
        }

        if (id == Frameset)
        {
            return false;
        }

        if (_body is null)
        {
            if (id == Body)
            {
                StartBody(attributes);
                return false;
            }

            // In a head <noscript> only link, meta, style and the like may stay; anything else ends it.
            if (_stack[^1].Id == Noscript && !(Is(HeadContent, id) && id != Title && id != Script && id != Noscript && id != Template))
            {
                PopTo(_stack.Count - 1);
            }

            if (!Is(HeadContent, id))
            {
                StartBody(null);
            }
        }

        return StartInBody(id, name, attributes, selfClosing);
    }

    // 13.2.6.4.7 "in body", start tags: a block start tag first closes an open <p> in button scope,
    // li/dd/dt close their open sibling (13.2.6.3 implied end tags), headings close a heading.
    private bool StartInBody(int id, string name, List<KeyValuePair<string, string>>? attributes, bool selfClosing)
    {
        var current = _stack[^1].Id;
        if (Is(ClosesP, id))
        {
            CloseInScope(P, ButtonScope());
        }

        if (IsHeading(id) && IsHeading(_stack[^1].Id))
        {
            PopTo(_stack.Count - 1);
        }
        else if (id == Li)
        {
            CloseInScope(Li, Math.Max(Boundary(), Math.Max(_top[Ul], _top[Ol])));
        }
        else if (id == Dt || id == Dd)
        {
            var open = Math.Max(_top[Dt], _top[Dd]);
            if (open > Math.Max(Boundary(), _top[Dl]))
            {
                PopTo(open);
            }
        }
        else if (id == A || id == Button)
        {
            CloseInScope(id, Boundary());
        }
        else if (id == Option || id == Optgroup)
        {
            if (_stack[^1].Id == Option)
            {
                PopTo(_stack.Count - 1);
            }

            if (id == Optgroup && _stack[^1].Id == Optgroup)
            {
                PopTo(_stack.Count - 1);
            }
        }
        else if (!TableStart(id, ref current))
        {
            return false;
        }

        var node = new HtmlNode(id == Image ? "img" : name, null);
        var foster = Is(TableContext, current) && !Is(TablePart, id);
        Insert(node, id, attributes, foreign: id == Svg || id == MathMl, foster);
        if (Is(Voids, id) || ((id == Svg || id == MathMl) && selfClosing))
        {
            PopTo(_stack.Count - 1);
        }

        return true;
    }

    // Table structure: implied tbody and tr, a new row or cell closing the open one. False = ignore the tag.
    private bool TableStart(int id, ref int current)
    {
        var table = _top[Table];
        if (id == Td || id == Th || id == Tr || id == Tbody || id == Thead || id == Tfoot || id == Caption || id == Colgroup || id == Col)
        {
            if (table < 0)
            {
                return false;
            }

            var cell = Math.Max(_top[Td], _top[Th]);
            if (cell > table)
            {
                PopTo(cell);
            }

            if (id != Td && id != Th && _top[Tr] > table)
            {
                PopTo(_top[Tr]);
            }

            if (id != Td && id != Th && id != Tr)
            {
                PopAbove(table);
            }
            else
            {
                var section = Math.Max(_top[Tbody], Math.Max(_top[Thead], _top[Tfoot]));
                if (section < table)
                {
                    PopAbove(table);
                    Insert(new HtmlNode("tbody", null), Tbody, null, false);
                }

                if ((id == Td || id == Th) && _top[Tr] < table)
                {
                    PopAbove(Math.Max(_top[Tbody], Math.Max(_top[Thead], _top[Tfoot])));
                    Insert(new HtmlNode("tr", null), Tr, null, false);
                }
            }

            current = _stack[^1].Id;
        }
        else if (id == Table && Is(TableContext, current))
        {
            PopTo(table);
            current = _stack[^1].Id;
        }

        return true;
    }

    // 13.2.6.4.7 "in body", end tags: an end tag closes its element only when it is in scope
    // (13.2.4.2), with everything opened inside it; "any other end tag" stops at a special element.
    public void End(int id)
    {
        var at = id < _top.Length ? _top[id] : -1;
        if (InForeign)
        {
            if (at >= 0 && _stack[at].Foreign)
            {
                PopTo(at);
                return;
            }
        }

        if (id == Body || id == Root || id == Head)
        {
            return;
        }

        if (id == Br)
        {
            Start(Br, "br", null, false);
        }
        else if (id == P)
        {
            if (at > ButtonScope())
            {
                PopTo(at);
            }
            else
            {
                Start(P, "p", null, false);
                PopTo(_stack.Count - 1);
            }
        }
        else if (id == Li)
        {
            CloseInScope(Li, Math.Max(Boundary(), Math.Max(_top[Ul], _top[Ol])));
        }
        else if (IsHeading(id))
        {
            var heading = -1;
            for (var h = H1; h <= H6; h++)
            {
                heading = Math.Max(heading, _top[h]);
            }

            if (heading > Boundary())
            {
                PopTo(heading);
            }
        }
        else if (id == Table)
        {
            if (at >= 0)
            {
                PopTo(at);
            }
        }
        else if (id == Td || id == Th || id == Tr || id == Tbody || id == Thead || id == Tfoot || id == Caption || id == Colgroup)
        {
            if (at > _top[Table])
            {
                PopTo(at);
            }
        }
        else if (Is(BlockEnd, id) || id == Dd || id == Dt)
        {
            CloseInScope(id, Boundary());
        }
        else if (at >= 0 && at >= TopSpecial())
        {
            PopTo(at);
        }
    }

    /// <summary>
    /// Adds raw or decoded text (script, style, title, textarea contents) as one text child of the
    /// current node: 13.2.6.2 "Parsing elements that contain only text" (raw text and RCDATA).
    /// </summary>
    public void RawText(string text)
    {
        if (text.Length > 0)
        {
            _stack[^1].Node.Add(new HtmlNode(null, text));
        }
    }

    public void PopCurrent()
    {
        FlushText();
        PopTo(_stack.Count - 1);
    }

    // 13.2.4.2 "has an element in scope": walking down from the current node, the target is found
    // before any scope marker below it. Applet, marquee and object are markers themselves, so the
    // topmost marker may be the target (at == boundary): then it is in scope.
    private void CloseInScope(int id, int boundary)
    {
        var at = id < _top.Length ? _top[id] : -1;
        if (at >= 0 && at >= boundary)
        {
            PopTo(at);
        }
    }

    private int Boundary() => _stack[^1].TopBoundary;

    private int TopSpecial() => _stack[^1].TopSpecial;

    private int ButtonScope() => Math.Max(Boundary(), _top[Button]);

    private void StartBody(List<KeyValuePair<string, string>>? attributes)
    {
        FlushText(); // text met in the head may itself have started the body
        if (_body is not null)
        {
            Merge(_body, attributes);
            return;
        }

        PopAbove(0);
        _body = new HtmlNode("body", null);
        Merge(_body, attributes);
        Insert(_body, Body, null, false);
    }

    private static void Merge(HtmlNode node, List<KeyValuePair<string, string>>? attributes)
    {
        if (attributes is not null)
        {
            node.SetAttributesIfMissing(attributes);
        }
    }

    private void Insert(HtmlNode node, int id, List<KeyValuePair<string, string>>? attributes, bool foreign, bool foster = false)
    {
        _inserted++;
        FlushText();
        Merge(node, attributes);
        if (foster)
        {
            Foster(node);
        }
        else
        {
            _stack[^1].Node.Add(node);
        }

        Push(node, id, foreign);
    }

    private void Push(HtmlNode node, int id, bool foreign)
    {
        if (id >= _top.Length)
        {
            var grown = new int[id * 2];
            Array.Fill(grown, -1);
            _top.CopyTo(grown, 0);
            _top = grown;
        }

        var index = _stack.Count;
        var below = index == 0 ? new Open { TopBoundary = -1, TopSpecial = -1 } : _stack[^1];
        _stack.Add(new Open
        {
            Node = node,
            Id = id,
            PrevSame = _top[id],
            Foreign = foreign,
            TopBoundary = Is(HtmlTags.Boundary, id) ? index : below.TopBoundary,
            TopSpecial = Is(Special, id) ? index : below.TopSpecial,
        });
        _top[id] = index;
    }

    /// <summary>Pops the element at <paramref name="index"/> and everything above it.</summary>
    private void PopTo(int index)
    {
        FlushText();
        for (var i = _stack.Count - 1; i >= Math.Max(index, 1); i--)
        {
            _top[_stack[i].Id] = _stack[i].PrevSame;
            _stack.RemoveAt(i);
        }
    }

    private void PopAbove(int index) => PopTo(index + 1);

    // Non-table content met directly in a table goes just before the table: foster parenting,
    // 13.2.6.1 "Creating and inserting nodes", the appropriate place for inserting a node. With no
    // table open (a table part met alone in hostile markup) it goes into the html element; with a
    // table that has no parent, into the element above the table on the stack.
    private void Foster(HtmlNode node)
    {
        var top = _top[Table];
        if (top < 0)
        {
            _stack[0].Node.Add(node);
            return;
        }

        var table = _stack[top].Node;
        if (table.Parent is { } parent)
        {
            parent.InsertBefore(node, table);
        }
        else
        {
            _stack[Math.Max(top - 1, 0)].Node.Add(node);
        }
    }

    // Whitespace between tags (line breaks, indentation) is most of a page's text runs: 72% of
    // them on the 181 benchmark pages. Each distinct run up to this length is one string per
    // parser, kept across pages, rather than one per occurrence.
    private const int MaxSharedBlankLength = 64;
    private const int MaxSharedBlanks = 4096;
    private readonly Dictionary<string, string> _blanks = new(StringComparer.Ordinal);

    private string TextOf(StringBuilder text)
    {
        if (text.Length > MaxSharedBlankLength)
        {
            return text.ToString();
        }

        Span<char> chars = stackalloc char[text.Length];
        text.CopyTo(0, chars, text.Length);
        if (chars.IndexOfAnyExcept(" \t\n\f\r") >= 0)
        {
            return chars.ToString();
        }

        var blanks = _blanks.GetAlternateLookup<ReadOnlySpan<char>>();
        if (blanks.TryGetValue(chars, out var shared))
        {
            return shared;
        }

        shared = chars.ToString();
        if (_blanks.Count < MaxSharedBlanks)
        {
            _blanks.Add(shared, shared);
        }

        return shared;
    }

    private void FlushText()
    {
        if (PendingText.Length == 0)
        {
            return;
        }

        var span = TextOf(PendingText);
        PendingText.Clear();
        if (_body is null)
        {
            var trimmed = span.AsSpan().TrimStart(" \t\n\f\r");
            if (trimmed.IsEmpty)
            {
                return;
            }

            if (_stack[^1].Id == Noscript)
            {
                PopTo(_stack.Count - 1);
            }

            StartBody(null);
            span = trimmed.ToString();
        }

        var current = _stack[^1];
        var node = new HtmlNode(null, span);
        if (Is(TableContext, current.Id) && !span.AsSpan().TrimStart(" \t\n\f\r").IsEmpty)
        {
            Foster(node);
            return;
        }

        if (current.Node.LastChild?.Text is { } previous)
        {
            current.Node.RemoveLastChild();
            node = new HtmlNode(null, previous + span);
        }

        current.Node.Add(node);
    }
}
