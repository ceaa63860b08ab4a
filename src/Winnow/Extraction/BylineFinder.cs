using System.Buffers;
using Winnow.Extraction.Html;

namespace Winnow.Extraction;

/// <summary>
/// The visible byline of a page, found as reader views find it: walking the elements in
/// document order, skipping hidden subtrees, modal dialogs and blocks that are unlikely to be
/// content (class or id naming comments, sidebars, footers, menus, social or related blocks,
/// outside tables and code; ARIA menu, navigation, complementary and dialog roles), the first
/// element with <c>rel=author</c>, an <c>itemprop</c> containing "author", or a class/id
/// containing byline, author, dateline, writtenby or p-author, whose text is 1–99 characters.
/// Its <c>itemprop=name</c> descendant, when it has one, gives the name. When none is found, a
/// second walk also looks into headers, footers and menus (not comments or sidebars).
/// </summary>
internal static class BylineFinder
{
    private static readonly SearchValues<string> BylineNames = Names("byline|author|dateline|writtenby|p-author");

    // The second walk still keeps out discussions and sidebars.
    private static readonly SearchValues<string> DiscussionNames = Names("comment|disqus|replies|remark|related|sidebar|shoutbox|community|popup");

    private static readonly SearchValues<string> UnlikelyNames = Names(
        "-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark"
        + "|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote");

    private static readonly SearchValues<string> MaybeNames = Names("and|article|body|column|content|main|mathjax|shadow");

    private static readonly HashSet<string> UnlikelyRoles =
        new(["menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"], StringComparer.Ordinal);

    public static string? Find(HtmlDocumentTree document) => Find(document, strict: true) ?? Find(document, strict: false);

    // The second, looser walk lets headers, footers and menus through (reader views retry that
    // way when the first pass leaves too little text) but still keeps out comments and sidebars.
    private static string? Find(HtmlDocumentTree document, bool strict)
    {
        // Pre-order with an explicit stack: "skip the children" is simply not pushing them.
        var stack = new Stack<HtmlNode>();
        stack.Push(document.Root);
        while (stack.TryPop(out var node))
        {
            if (Skipped(node))
            {
                continue;
            }

            var className = node.GetAttribute("class") ?? "";
            var id = node.GetAttribute("id") ?? "";
            var itemprop = node.GetAttribute("itemprop");
            if (node.GetAttribute("rel") == "author" || (itemprop?.Contains("author", StringComparison.Ordinal) ?? false)
                || Matches(className, id, BylineNames))
            {
                var text = Text(node);
                if (text.Length is > 0 and < 100)
                {
                    var name = NameWithin(node);
                    return name is null ? text : Text(name);
                }
            }

            if (strict ? Unlikely(node, className, id) : Matches(className, id, DiscussionNames))
            {
                continue;
            }

            for (var child = node.LastChild; child is not null; child = child.PreviousSibling)
            {
                if (child.IsElement)
                {
                    stack.Push(child);
                }
            }
        }

        return null;
    }

    private static bool Skipped(HtmlNode node)
    {
        var name = node.Tag;
        if (name is "script" or "noscript" or "style" or "template")
        {
            return true;
        }

        var style = node.GetAttribute("style");
        if (style is not null && ContentTreeBuilder.IsHiddenStyle(style))
        {
            return true;
        }

        if (node.HasAttribute("hidden")
            || (node.GetAttribute("aria-hidden") == "true" && !(node.GetAttribute("class")?.Contains("fallback-image", StringComparison.Ordinal) ?? false)))
        {
            return true;
        }

        return node.GetAttribute("aria-modal") == "true" && node.GetAttribute("role") == "dialog";
    }

    // Class and id are matched apart: none of the names can span the space between them.
    private static bool Matches(string className, string id, SearchValues<string> names) =>
        className.AsSpan().ContainsAny(names) || id.AsSpan().ContainsAny(names);

    private static bool Unlikely(HtmlNode node, string className, string id)
    {
        if (node.Tag is "body" or "a")
        {
            return false;
        }

        if (UnlikelyRoles.Contains(node.GetAttribute("role") ?? ""))
        {
            return true;
        }

        return Matches(className, id, UnlikelyNames) && !Matches(className, id, MaybeNames)
            && node.Tag is not ("table" or "code") && !MetadataReader.HasAncestor(node, "table") && !MetadataReader.HasAncestor(node, "code");
    }

    private static SearchValues<string> Names(string list) => SearchValues.Create(list.Split('|'), StringComparison.OrdinalIgnoreCase);

    private static HtmlNode? NameWithin(HtmlNode node) =>
        node.Find(e => e.GetAttribute("itemprop")?.Contains("name", StringComparison.Ordinal) ?? false);

    private static string Text(HtmlNode node)
    {
        var text = new System.Text.StringBuilder();
        var stack = new Stack<HtmlNode>();
        stack.Push(node);
        while (stack.TryPop(out var n))
        {
            if (n.Text is not null)
            {
                text.Append(n.Text);
            }
            else if (n.Tag is not ("script" or "style" or "noscript" or "template"))
            {
                for (var child = n.LastChild; child is not null; child = child.PreviousSibling)
                {
                    stack.Push(child);
                }
            }
        }

        return text.ToString().Trim();
    }
}
