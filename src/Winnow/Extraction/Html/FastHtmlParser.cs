using System.Text;
using Winnow.Hashing;
using static Winnow.Extraction.Html.HtmlTags;

namespace Winnow.Extraction.Html;

/// <summary>
/// A tolerant single-pass HTML tokenizer feeding <see cref="HtmlTreeBuilder"/>: tags, attributes
/// (only those in <see cref="HtmlAttributeNames"/> become strings), character references, comments,
/// doctype and processing instructions (skipped), raw-text elements (script, style, title,
/// textarea, iframe, xmp, noembed, noframes; template content is dropped as the DOM keeps it
/// apart), CDATA in foreign content. Scans with vectorized IndexOf between markup; text is
/// copied once. Depth is capped: past <c>maxNesting</c> open elements the page is cut there.
/// </summary>
/// <remarks>
/// It follows "13.2.5 Tokenization" of the HTML standard (WHATWG) where that changes the text a
/// reader sees, not its error recovery state by state: 13.2.5.1 "Data state" (text up to '&lt;'),
/// 13.2.5.6 "Tag open state" and 13.2.5.8 "Tag name state" (a '&lt;' not followed by a letter, '/',
/// '!' or '?' is text), 13.2.5.32–13.2.5.39 the attribute states (<see cref="Attribute"/>),
/// 13.2.5.42–13.2.5.52 comments (<see cref="Declaration"/>), 13.2.5.2 RCDATA and 13.2.5.3
/// RAWTEXT (<see cref="RawContent"/>), 13.2.5.69 "CDATA section state" in foreign content, and
/// 13.2.5.72 "Character reference state" (<see cref="HtmlEntities"/>).
/// </remarks>
/// <remarks>Not thread-safe; use <see cref="ForThread"/>.</remarks>
internal sealed class FastHtmlParser
{
    [ThreadStatic]
    private static FastHtmlParser? _threadInstance;

    private readonly HtmlTreeBuilder _tree = new();
    private readonly Dictionary<string, int> _unknown = new(StringComparer.Ordinal);
    private readonly List<string> _unknownNames = [];
    private readonly List<KeyValuePair<string, string>> _attributes = [];
    private readonly StringBuilder _value = new();
    private readonly char[] _lower = new char[64];
    private readonly string?[] _recentValues = new string?[RecentValueSlots];
    private readonly int[] _endTagMissingFrom = new int[2];

    /// <summary>The calling thread's parser.</summary>
    public static FastHtmlParser ForThread => _threadInstance ??= new FastHtmlParser();

    public HtmlDocumentTree Parse(string html, int maxNesting)
    {
        if (html.Contains('\r', StringComparison.Ordinal))
        {
            // The line breaks are normalized in a copy, the same way as a page parsed in place.
            return ParseInPlace(html.ToCharArray(), maxNesting);
        }

        return ParseNormalized(html, maxNesting);
    }

    /// <summary>
    /// Parses the page in <paramref name="html"/>, a buffer the caller reuses (a page decoded into
    /// it, not a string of its own): its line breaks are normalized in place first, so the parser
    /// keeps no reference to it.
    /// </summary>
    public HtmlDocumentTree ParseInPlace(Span<char> html, int maxNesting) => ParseNormalized(html[..NormalizeNewlines(html)], maxNesting);

    // 13.2.3.5 "Preprocessing the input stream": CR LF and a lone CR become LF. Returns the new length.
    private static int NormalizeNewlines(Span<char> html)
    {
        var from = html.IndexOf('\r');
        if (from < 0)
        {
            return html.Length;
        }

        // Each CR (or CRLF) becomes one LF, and the run up to the next CR moves down in one copy:
        // a page served with CRLF line ends has one per line, not a step per character.
        var to = from;
        while (true)
        {
            html[to++] = '\n';
            from += from + 1 < html.Length && html[from + 1] == '\n' ? 2 : 1;
            var next = html[from..].IndexOf('\r');
            var end = next < 0 ? html.Length : from + next;
            html[from..end].CopyTo(html[to..]);
            to += end - from;
            if (next < 0)
            {
                return to;
            }

            from = end;
        }
    }

    private HtmlDocumentTree ParseNormalized(ReadOnlySpan<char> html, int maxNesting)
    {
        _unknown.Clear();
        _unknownNames.Clear();
        _endTagMissingFrom.AsSpan().Fill(int.MaxValue);
        _tree.Reset(Count + 64);
        var pos = 0;
        var cut = -1;
        while (pos < html.Length)
        {
            var lt = IndexOf(html, '<', pos);
            if (lt < 0)
            {
                Text(html.Slice(pos));
                break;
            }

            Text(html.Slice(pos, lt - pos));
            var c = lt + 1 < html.Length ? html[lt + 1] : '\0';
            if (char.IsAsciiLetter(c))
            {
                if (_tree.Depth > maxNesting)
                {
                    cut = lt;
                    break;
                }

                pos = StartTag(html, lt + 1);
            }
            else if (c == '/')
            {
                var d = lt + 2 < html.Length ? html[lt + 2] : '\0';
                pos = char.IsAsciiLetter(d) ? EndTag(html, lt + 2) : d == '>' ? lt + 3 : SkipPast(html, lt + 2, '>');
            }
            else if (c == '!')
            {
                pos = Declaration(html, lt);
            }
            else if (c == '?')
            {
                pos = SkipPast(html, lt + 2, '>');
            }
            else
            {
                _tree.PendingText.Append('<');
                pos = lt + 1;
            }
        }

        return _tree.Finish(cut);
    }

    private void Text(ReadOnlySpan<char> text)
    {
        if (!text.IsEmpty)
        {
            HtmlEntities.Append(text, _tree.PendingText, attribute: false);
        }
    }

    private int Declaration(ReadOnlySpan<char> html, int lt)
    {
        var rest = html.Slice(lt);
        if (rest.StartsWith("<!--"))
        {
            if (rest.StartsWith("<!-->"))
            {
                return lt + 5;
            }

            if (rest.StartsWith("<!--->"))
            {
                return lt + 6;
            }

            var end = IndexOf(html, "-->", lt + 4);
            return end < 0 ? html.Length : end + 3;
        }

        if (_tree.InForeign && rest.StartsWith("<![CDATA["))
        {
            var end = IndexOf(html, "]]>", lt + 9);
            var stop = end < 0 ? html.Length : end;
            _tree.PendingText.Append(html.Slice(lt + 9, stop - lt - 9));
            return end < 0 ? html.Length : end + 3;
        }

        return SkipPast(html, lt + 2, '>');
    }

    private static int SkipPast(ReadOnlySpan<char> html, int from, char c)
    {
        var at = IndexOf(html, c, from);
        return at < 0 ? html.Length : at + 1;
    }

    // Where `value` is first found in html at or after `from`, or -1.
    private static int IndexOf(ReadOnlySpan<char> html, char value, int from)
    {
        var at = html[from..].IndexOf(value);
        return at < 0 ? -1 : at + from;
    }

    private static int IndexOf(ReadOnlySpan<char> html, string value, int from)
    {
        var at = html[from..].IndexOf(value, StringComparison.Ordinal);
        return at < 0 ? -1 : at + from;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\f' or '\r';

    private int ReadName(ReadOnlySpan<char> html, ref int i, out string name)
    {
        var start = i;
        while (i < html.Length && !IsSpace(html[i]) && html[i] != '/' && html[i] != '>')
        {
            i++;
        }

        var raw = html.Slice(start, i - start);
        ReadOnlySpan<char> lower = raw;
        if (raw.Length <= _lower.Length)
        {
            lower = _lower.AsSpan(0, raw.Length);
            raw.ToLowerInvariant(_lower);
        }
        else
        {
            lower = raw.ToString().ToLowerInvariant();
        }

        if (TryGet(lower, out var id))
        {
            name = HtmlTags.Name(id);
            return id;
        }

        var lookup = _unknown.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(lower, out id))
        {
            id = Count + _unknownNames.Count;
            var s = lower.ToString();
            _unknown[s] = id;
            _unknownNames.Add(s);
        }

        name = _unknownNames[id - Count];
        return id;
    }

    private int StartTag(ReadOnlySpan<char> html, int i)
    {
        var id = ReadName(html, ref i, out var name);
        _attributes.Clear();
        var selfClosing = false;
        while (true)
        {
            while (i < html.Length && (IsSpace(html[i]) || html[i] == '/'))
            {
                selfClosing = html[i] == '/' && i + 1 < html.Length && html[i + 1] == '>';
                i++;
            }

            if (i >= html.Length)
            {
                return html.Length; // a tag cut by the end of the page is dropped
            }

            if (html[i] == '>')
            {
                i++;
                break;
            }

            selfClosing = false;
            if (!Attribute(html, ref i))
            {
                return html.Length;
            }
        }

        var inserted = _tree.Start(id, name, _attributes.Count > 0 ? _attributes : null, selfClosing);
        if (!inserted || _tree.InForeign)
        {
            return i;
        }

        if (id == Pre || id == Listing || id == Textarea)
        {
            i = i < html.Length && html[i] == '\n' ? i + 1 : i;
        }

        return Is(RawText, id) || id == Plaintext ? RawContent(html, i, id, name) : i;
    }

    // One attribute from i; false when the page ended inside it.
    private bool Attribute(ReadOnlySpan<char> html, ref int i)
    {
        var nameStart = i;
        i++; // a first '=' belongs to the name
        while (i < html.Length && !IsSpace(html[i]) && html[i] != '/' && html[i] != '>' && html[i] != '=')
        {
            i++;
        }

        var rawName = html.Slice(nameStart, i - nameStart);
        while (i < html.Length && IsSpace(html[i]))
        {
            i++;
        }

        var valueStart = i;
        var valueEnd = i;
        if (i < html.Length && html[i] == '=')
        {
            i++;
            while (i < html.Length && IsSpace(html[i]))
            {
                i++;
            }

            if (i < html.Length && html[i] is '"' or '\'')
            {
                var close = IndexOf(html, html[i], i + 1);
                if (close < 0)
                {
                    return false;
                }

                valueStart = i + 1;
                valueEnd = close;
                i = close + 1;
            }
            else
            {
                valueStart = i;
                while (i < html.Length && !IsSpace(html[i]) && html[i] != '>')
                {
                    i++;
                }

                valueEnd = i;
            }
        }

        if (rawName.Length <= 16)
        {
            Span<char> lower = stackalloc char[rawName.Length];
            rawName.ToLowerInvariant(lower);
            if (HtmlAttributeNames.Lookup(lower) is { } name)
            {
                _attributes.Add(new(name, Value(html.Slice(valueStart, valueEnd - valueStart))));
            }
        }

        return true;
    }

    // Short attribute values repeat within a page and across pages (class names, rel, type): one
    // string each from a small table by hash, instead of a new string each time. A slot holds the
    // last value that fell in it, so the table's memory is fixed.
    private const int RecentValueSlots = 1 << 10;
    private const int RecentValueMaxLength = 40;

    private string Value(ReadOnlySpan<char> raw)
    {
        if (raw.IndexOf('&') < 0)
        {
            return raw.Length <= RecentValueMaxLength ? Recent(raw) : raw.ToString();
        }

        _value.Clear();
        HtmlEntities.Append(raw, _value, attribute: true);
        return _value.ToString();
    }

    private string Recent(ReadOnlySpan<char> value)
    {
        ref var slot = ref _recentValues[(int)XxHash64.Hash(value) & (RecentValueSlots - 1)];
        if (slot is { } known && value.SequenceEqual(known))
        {
            return known;
        }

        return slot = value.ToString();
    }

    // Text up to the matching end tag; returns the position after it.
    private int RawContent(ReadOnlySpan<char> html, int i, int id, string name)
    {
        var recovers = id == Title || id == Textarea;
        var slot = id == Title ? 0 : 1;
        var end = id == Plaintext || (recovers && i >= _endTagMissingFrom[slot]) ? html.Length : FindEndTag(html, i, name);
        var endTagMissing = end == html.Length && recovers;
        if (endTagMissing)
        {
            // Known from here on, so that many unclosed titles do not each scan to the end (quadratic).
            _endTagMissingFrom[slot] = Math.Min(_endTagMissingFrom[slot], i);

            // 13.2.5.2 (RCDATA) would make the rest of the page the title; like libxml2, a title or
            // textarea whose end tag is nowhere ends at the next tag.
            end = NextTag(html, i);
        }

        var content = html.Slice(i, end - i);
        if (id == Title || id == Textarea)
        {
            _value.Clear();
            HtmlEntities.Append(content, _value, attribute: false);
            _tree.RawText(_value.ToString());
        }
        else if (id != HtmlTags.Template && HtmlTags.KeepsRawText(name, AttributeOfTag("type")))
        {
            _tree.RawText(content.ToString());
        }

        _tree.PopCurrent();
        return end >= html.Length || endTagMissing ? end : SkipPast(html, end, '>');
    }

    // The value of an attribute of the start tag just read.
    private string? AttributeOfTag(string attribute)
    {
        foreach (var (key, value) in _attributes)
        {
            if (key == attribute)
            {
                return value;
            }
        }

        return null;
    }

    private static int NextTag(ReadOnlySpan<char> html, int from)
    {
        for (var at = IndexOf(html, '<', from); at >= 0; at = IndexOf(html, '<', at + 1))
        {
            if (at + 1 < html.Length && (char.IsAsciiLetter(html[at + 1]) || html[at + 1] is '/' or '!'))
            {
                return at;
            }
        }

        return html.Length;
    }

    private static int FindEndTag(ReadOnlySpan<char> html, int from, string name)
    {
        while (true)
        {
            var at = IndexOf(html, "</", from);
            if (at < 0)
            {
                return html.Length;
            }

            var after = at + 2 + name.Length;
            if (after <= html.Length && html.Slice(at + 2, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase)
                && (after == html.Length || IsSpace(html[after]) || html[after] is '/' or '>'))
            {
                return at;
            }

            from = at + 2;
        }
    }

    private int EndTag(ReadOnlySpan<char> html, int i)
    {
        var id = ReadName(html, ref i, out _);
        var end = SkipPast(html, i, '>');
        _tree.End(id);
        return end;
    }
}
