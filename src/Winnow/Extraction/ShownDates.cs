using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Winnow.Extraction.Html;

namespace Winnow.Extraction;

/// <summary>
/// Dates a page shows in its body, found in document order outside the blocks whose dates are
/// not the page's own (scripts, navigation, asides, option lists, the page footer, and blocks
/// named for comments, sidebars, related or recent articles, archives, calendars…): the text of
/// an element named for a date, a date line, or a date shown without its year.
/// </summary>
/// <remarks>Thread-safe: no state beyond the call.</remarks>
internal static partial class ShownDates
{
    private static readonly SearchValues<string> DateNames = SearchValues.Create(
        ["date", "time", "posted", "publish", "byline", "dateline", "meta", "submitted"], StringComparison.OrdinalIgnoreCase);

    private static readonly string[] OtherWords =
        ["comment", "comments", "sidebar", "related", "archive", "archives", "recent", "popular", "calendar", "promo", "trending", "reply",
            "replies", "respond", "ticker", "nav", "navbar", "navigation", "breadcrumb", "breadcrumbs", "pagination"];

    // The other words' first letters, a bit per letter: a word of a class or id starting with an
    // ASCII character outside them names no block, whatever follows (most of them).
    private static readonly uint OtherFirstLetters = OtherWords.Aggregate(0u, (bits, word) => bits | (1u << (word[0] - 'a')));

    private static readonly SearchValues<char> NonLetters = SearchValues.Create(
        " \t\n\r\f-_.:;,/#0123456789!\"$%&'()*+<=>?@[\\]^`{|}~");

    // Longer texts are containers (the whole article), not a date's element.
    private const int MaxElementText = 300;

    /// <summary>
    /// The first element named for a date (class or id holding date, time, posted, publish,
    /// byline, dateline, meta or submitted; or a &lt;time&gt;) whose short text holds one; a
    /// &lt;time&gt;'s datetime attribute is what its text shows, before a time zone moved the day.
    /// </summary>
    public static string? InDateElement(HtmlNode body, bool? englishPage)
    {
        foreach (var node in Visit(body, text: false))
        {
            if (!IsDateNamed(node))
            {
                continue;
            }

            if (node.Tag == "time" && DateNormalizer.Normalize(node.GetAttribute("datetime")) is { } stamp)
            {
                return stamp;
            }

            if (SpacedText(node) is { } text && TextDate.Find(text, englishPage) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    /// <summary>
    /// The first text run that is a date line (see <see cref="TextDate.FindLine"/>): "Posted on
    /// March 5, 2012", "Friday October 19, 2001", "by Jane on 5 May 2012 at 4:00 pm". Links are
    /// passed over: their dates are other pages' (previous, next, related posts).
    /// </summary>
    public static string? OnDateLine(HtmlNode body, bool? englishPage)
    {
        foreach (var node in Visit(body, text: true, skipLinks: true))
        {
            if (node.Text is { } run && run.AsSpan().Trim() is { Length: >= 6 } text
                && TextDate.FindLine(text.Length > 80 ? text[..80] : text, englishPage) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    /// <summary>
    /// A date shown without its year in an element named for a date ("on Monday July 23,
    /// @08:24PM"), dated by the page's latest copyright year and the weekday.
    /// </summary>
    public static string? WithoutYear(HtmlNode body)
    {
        foreach (var node in Visit(body, text: false))
        {
            if (IsDateNamed(node) && SpacedText(node) is { } text && TextDate.FindWithoutYear(text, 2100) is not null)
            {
                return CopyrightYear(body) is { } year ? TextDate.FindWithoutYear(text, year) : null;
            }
        }

        return null;
    }

    // The element's text with a space between its runs, so that a date set in several elements
    // ("<span>Sep</span><span>26</span><span>2012</span>") reads as one; null when too long.
    private static string? SpacedText(HtmlNode node)
    {
        var text = new StringBuilder();
        var stack = new Stack<HtmlNode>();
        stack.Push(node);
        while (stack.TryPop(out var n))
        {
            if (n.Text is { } run)
            {
                text.Append(run).Append(' ');
                if (text.Length > MaxElementText)
                {
                    return null;
                }
            }
            else if (n.Tag is not ("script" or "style" or "noscript" or "template"))
            {
                for (var child = n.LastChild; child is not null; child = child.PreviousSibling)
                {
                    stack.Push(child);
                }
            }
        }

        return text.ToString();
    }

    private static bool IsDateNamed(HtmlNode node) =>
        node.Tag == "time" || (node.GetAttribute("class") ?? "").AsSpan().ContainsAny(DateNames) || (node.GetAttribute("id") ?? "").AsSpan().ContainsAny(DateNames);

    // The latest year of the page's copyright lines ("© 2006-2012", "Copyright 2012").
    private static int? CopyrightYear(HtmlNode body)
    {
        int? latest = null;
        foreach (Match m in Copyright().Matches(body.TextContent()))
        {
            var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
            latest = year <= 2100 && (latest is null || year > latest) ? year : latest;
        }

        return latest;
    }

    // Body nodes in document order (elements, and text runs when asked), not entering the
    // blocks whose dates are not the page's.
    private static IEnumerable<HtmlNode> Visit(HtmlNode body, bool text, bool skipLinks = false)
    {
        var stack = new Stack<HtmlNode>();
        Push(stack, body, text);
        while (stack.TryPop(out var node))
        {
            if (node.IsElement && (Skipped(node) || (skipLinks && node.Tag == "a")))
            {
                continue;
            }

            yield return node;
            Push(stack, node, text);
        }
    }

    private static void Push(Stack<HtmlNode> stack, HtmlNode node, bool text)
    {
        for (var child = node.LastChild; child is not null; child = child.PreviousSibling)
        {
            if (text || child.IsElement)
            {
                stack.Push(child);
            }
        }
    }

    // An article's own footer is kept; the page's is not.
    private static bool Skipped(HtmlNode node) =>
        node.Tag is "script" or "style" or "noscript" or "template" or "nav" or "aside" or "select"
        || (node.Tag == "footer" && !MetadataReader.HasAncestor(node, "article"))
        || NamesOther(node.GetAttribute("class")) || NamesOther(node.GetAttribute("id"));

    // Words of a class or id are its runs of letters; one names another block when it is one of
    // the words or starts a camelCase compound with it ("comments", "commentText", "sidebar1"),
    // not when it merely begins with one ("commented") or holds one ("contentWithSidebar").
    // A URL or path (ids holding one) names no block.
    private static bool NamesOther(string? value)
    {
        if (value is null || value.Contains('/', StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var range in value.AsSpan().SplitAny(NonLetters))
        {
            var word = value.AsSpan(range);
            if (word.IsEmpty || !MayStartOther(word[0]))
            {
                continue;
            }

            foreach (var other in OtherWords)
            {
                if (word.StartsWith(other, StringComparison.OrdinalIgnoreCase) && (word.Length == other.Length || char.IsAsciiLetterUpper(word[other.Length])))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // False only for an ASCII character that starts none of the other words in either case; any
    // other character is left to the comparison, which ignores case beyond ASCII too.
    private static bool MayStartOther(char first)
    {
        var letter = (uint)((first | 0x20) - 'a');
        return first >= 128 || (letter <= 'z' - 'a' && (OtherFirstLetters & (1u << (int)letter)) != 0);
    }

    [GeneratedRegex(@"(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d{2}\s*[-–]\s*)?(?<year>(?:19|20)\d{2})(?!\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Copyright();
}
