namespace Winnow.Extraction;

/// <summary>
/// Marks what to leave out inside the chosen container: comment sections, chrome named by its
/// class or id, link lists, and the title heading (it is reported as metadata instead).
/// </summary>
internal static class ContentCleaner
{
    /// <param name="containers">The main content's nodes; cleaning marks what to leave out of them.</param>
    /// <param name="options">What to keep.</param>
    /// <param name="keepLinkBlocks">Keep link-dense blocks: for a second pass over content that the first left empty.</param>
    public static void Clean(List<ContentNode> containers, ExtractionOptions options, bool keepLinkBlocks = false)
    {
        // The text the output can hold: comment sections, dropped unless kept, do not count, so that
        // a block's share of the article does not depend on the discussion below it.
        var total = ContentFinder.Visible(containers, options);
        var stack = new Stack<ContentNode>();
        foreach (var container in containers)
        {
            PushChildren(stack, container);
        }

        Dictionary<string, List<ContentNode>>? droppedForName = null;
        Walk(stack, total, options, articleClasses: null, keepLinkBlocks, ref droppedForName);

        // Blocks of a class that proved to be the article's: judged again, and cleaned below as any
        // kept block. A verdict depends only on the block and the total, so the order is no matter.
        if (ArticleClasses(droppedForName, total) is { } articleClasses)
        {
            foreach (var name in articleClasses)
            {
                foreach (var node in droppedForName![name])
                {
                    stack.Push(node);
                }
            }

            droppedForName = null;
            Walk(stack, total, options, articleClasses, keepLinkBlocks, ref droppedForName);
        }
    }

    // Marks the blocks on the stack and below; the outermost blocks dropped for their class name
    // alone are gathered by class.
    private static void Walk(Stack<ContentNode> stack, int total, ExtractionOptions options, HashSet<string>? articleClasses,
        bool keepLinkBlocks, ref Dictionary<string, List<ContentNode>>? droppedForName)
    {
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            var verdict = Judge(node, total, options, articleClasses, keepLinkBlocks);
            node.Dropped = verdict != Verdict.Keep;
            if (verdict == Verdict.DropForName && node.ClassName is { } name)
            {
                droppedForName ??= new(StringComparer.Ordinal);
                if (!droppedForName.TryGetValue(name, out var blocks))
                {
                    droppedForName[name] = blocks = [];
                }

                blocks.Add(node);
            }
            else if (verdict == Verdict.Keep)
            {
                PushChildren(stack, node);
            }
        }
    }

    private static void PushChildren(Stack<ContentNode> stack, ContentNode node)
    {
        if (node.Children is null)
        {
            return;
        }

        foreach (var child in node.Children)
        {
            if (child.Tag is not null)
            {
                stack.Push(child);
            }
        }
    }

    private enum Verdict
    {
        Keep,
        Drop,

        /// <summary>Dropped for a boilerplate class or id name alone.</summary>
        DropForName,
    }

    /// <summary>
    /// Class names whose blocks, each dropped alone for a boilerplate name, together hold at least
    /// half the text: the article's own blocks under a misleading name (a blog that wraps every
    /// paragraph in its byline's class, a site whose paragraphs are all "teaser"), as one block
    /// holding half the text under such a name already is. Each class's outermost blocks count, as
    /// cleaning meets them; and they must hold what an article holds, at least the prose of a
    /// winner that is not weak (a page of a few words is left to the single-block rule).
    /// </summary>
    private static HashSet<string>? ArticleClasses(Dictionary<string, List<ContentNode>>? droppedForName, int total)
    {
        HashSet<string>? article = null;
        foreach (var (name, blocks) in droppedForName ?? [])
        {
            var sum = 0;
            foreach (var block in blocks)
            {
                sum += block.Chars;
            }

            if (sum * 2 >= total && sum >= ContentFinder.WeakProse)
            {
                (article ??= new(StringComparer.Ordinal)).Add(name);
            }
        }

        return article;
    }

    private static Verdict Judge(ContentNode node, int total, ExtractionOptions options, HashSet<string>? articleClasses, bool keepLinkBlocks)
    {
        if (node.IsComments)
        {
            return options.IncludeComments ? Verdict.Keep : Verdict.Drop;
        }

        if (node.Tag is "h1" or "figcaption" or "header")
        {
            return node.Tag != "header" || node.Paragraphs == 0 || node.Hint < 0 ? Verdict.Drop : Verdict.Keep;
        }

        if (node.Chars <= 16 && IsAdLabel(node) && !InRunningText(node))
        {
            return Verdict.Drop;
        }

        if (node.Hint < 0 && node.Chars * 2 < total && !(node.ClassName is { } name && articleClasses?.Contains(name) == true))
        {
            return Verdict.DropForName;
        }

        if (!keepLinkBlocks && (node.Tag is "div" or "section" or "ul" or "ol" or "table" or "figure" or "form" or "dl"
            || (node.Tag == "span" && !InRunningText(node))))
        {
            var density = node.LinkDensity;
            if (density > 0.5 && node.Chars < total * 0.5)
            {
                return Verdict.Drop;
            }

            if (density > 0.25 && node.Chars < 400 && node.Commas < 3 && node.Chars < total * 0.5 && !WrapsOneSentenceParagraph(node))
            {
                return Verdict.Drop;
            }
        }

        return Verdict.Keep;
    }

    // A block whose only content is one paragraph that ends a sentence (a card per paragraph, a
    // wrapper for styling) is running text with a link in it, as that paragraph alone would be,
    // not a line of links ("Filed under News, Travel"). A sentence ends as the line filters say.
    private static bool WrapsOneSentenceParagraph(ContentNode node) =>
        WrapsOneParagraph(node) && LastText(node) is { } last && Filters.LineMarks.EndsWithTerminal(last);

    // The last text run of node's subtree that is not whitespace, or null.
    private static string? LastText(ContentNode node)
    {
        var children = node.Children;
        for (var i = (children?.Count ?? 0) - 1; i >= 0; i--)
        {
            var child = children![i];
            if ((child.Tag is null ? child.Text : LastText(child)) is { } text && !string.IsNullOrWhiteSpace(text))
            {
                return text;
            }
        }

        return null;
    }

    // A block whose only content is one paragraph, directly or through wrappers of one child.
    private static bool WrapsOneParagraph(ContentNode node)
    {
        ContentNode? only = null;
        foreach (var child in node.Children ?? [])
        {
            if (child.Tag is null)
            {
                if (!string.IsNullOrWhiteSpace(child.Text))
                {
                    return false;
                }
            }
            else if (only is not null)
            {
                return false;
            }
            else
            {
                only = child;
            }
        }

        return only is not null && (only.Tag == "p" || (only.Tag is "div" && WrapsOneParagraph(only)));
    }

    // The label a site puts over an ad slot, in the languages of the pages we score and their
    // neighbours. A block that says only this, on a line of its own, is the slot's, not the article's.
    private static readonly HashSet<string> AdLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        "advert", "advertisement", "advertising", "ad", "ads", "sponsored", "anzeige", "werbung", "publicité",
        "publicidad", "pubblicità", "реклама", "advertentie", "reklame", "reklama", "mainos", "annons",
    };

    private static bool IsAdLabel(ContentNode node)
    {
        if (node.Children is not [{ Tag: null, Text: { } text }])
        {
            return false;
        }

        return AdLabels.Contains(text.Trim().TrimEnd(':'));
    }

    // A span with words right before or after it is part of that sentence, often a link wrapped
    // for styling: it is read, however much of it is link text. (A span on a line of its own, or
    // inside such a span, say a name's hover card of links, is judged as a block.)
    private static bool InRunningText(ContentNode node)
    {
        if (node.Parent is not { } parent)
        {
            return false;
        }

        var siblings = parent.Children!;
        var at = siblings.IndexOf(node);
        return IsWords(siblings, at - 1) || IsWords(siblings, at + 1);
    }

    private static bool IsWords(List<ContentNode> siblings, int i) =>
        i >= 0 && i < siblings.Count && siblings[i].Tag is null && !string.IsNullOrWhiteSpace(siblings[i].Text);
}
