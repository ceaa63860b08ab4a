namespace Winnow.Extraction;

/// <summary>
/// Finds the main-content container: paragraphs vote for their ancestors (more for longer,
/// comma-rich text), votes are weighted by tag and class/id hints and discounted by link
/// density (a weak winner gets a second vote in which list items vote too; the page's longest
/// prose block overrides a winner with far less prose); the winner is widened to the ancestors
/// whose added text is mostly prose, then takes in siblings that score close to it.
/// </summary>
internal static class ContentFinder
{
    private const int MinParagraphChars = 25;

    // A paragraph counts as prose when at most half of it is link text.
    private const double MaxProseLinkDensity = 0.5;

    // An ancestor joins when at least this share of the text it adds is prose.
    private const double MinAddedProse = 0.7;

    // The page's longest prose block is nearly always part of its article. When the winner of the
    // vote lies elsewhere with less than half that block's prose, the vote went wrong (running
    // text in a link-heavy column outvoted by a short footer or teaser): the block is taken
    // instead, and widened like any winner. Only for a block of at least this many characters.
    private const int LongProseChars = 400;

    // A winner with less prose than this is weak: the vote is run again with list items voting
    // (articles written as lists: release notes, how-tos), and its winner taken if it holds more
    // than twice the prose. List items vote only when at most this share of them is link text.
    internal const int WeakProse = 200;
    private const double ListItemMaxLinkDensity = 0.3;

    // A candidate scoring at least this share of the winner's is a near tie (RicherNearWinner).
    private const double NearWinnerScore = 0.9;

    /// <summary>The nodes that make up the main content, in document order; null when no paragraph voted.</summary>
    public static List<ContentNode>? Find(IReadOnlyList<ContentNode> elements, string? hintText, ExtractionOptions options)
    {
        var best = Elect(elements, options, listItemsVote: false);
        if (best is null || best.ProseChars < WeakProse)
        {
            var weakProse = best?.ProseChars ?? 0;
            Reset(elements);
            best = Elect(elements, options, listItemsVote: true);
            if (best is null || best.ProseChars <= 2 * weakProse)
            {
                Reset(elements);
                best = Elect(elements, options, listItemsVote: false);
            }
        }

        if (hintText is not null)
        {
            best = MatchHint(elements, hintText) ?? best;
        }

        if (best is null)
        {
            return null;
        }

        best = Widen(best, elements, options);
        return WithSiblings(best);
    }

    /// <summary>Prose characters in the chosen containers (0 for none).</summary>
    public static int Prose(List<ContentNode>? containers)
    {
        var prose = 0;
        foreach (var c in containers ?? [])
        {
            prose += c.ProseChars;
        }

        return prose;
    }

    /// <summary>The winner of the paragraphs' vote (prose totals set on every node), or null when nothing voted.</summary>
    private static ContentNode? Elect(IReadOnlyList<ContentNode> elements, ExtractionOptions options, bool listItemsVote)
    {
        var candidates = new List<ContentNode>();
        ContentNode? longest = null;
        foreach (var node in elements)
        {
            // Text that cleaning would drop (a comment section, unless comments are kept) cannot
            // elect the container: a long discussion would otherwise outvote a short post. Nor can
            // the teasers of a list of articles nested in an article.
            var votes = IsParagraph(node) || (listItemsVote && node.Tag is "li" or "dd" && node.LinkDensity <= ListItemMaxLinkDensity);
            if (!votes || node.Chars < MinParagraphChars || (node.InComments && !options.IncludeComments) || IsInsideParagraph(node)
                || InNestedArticleList(node))
            {
                continue;
            }

            if (node.LinkDensity <= MaxProseLinkDensity)
            {
                node.ProseChars = node.Chars - node.LinkChars;
                if (longest is null || node.ProseChars > longest.ProseChars)
                {
                    longest = node;
                }
            }

            var vote = 1 + node.Commas + Math.Min(node.Chars / 100, 3);
            var ancestor = node.Parent;
            for (var level = 0; ancestor is not null && level < 3; level++, ancestor = ancestor.Parent)
            {
                if (!ancestor.IsCandidate)
                {
                    ancestor.IsCandidate = true;
                    ancestor.Score = BaseScore(ancestor);
                    candidates.Add(ancestor);
                }

                ancestor.Score += level == 0 ? vote : vote / (level * 2.0);
            }
        }

        ContentNode? best = null;
        var bestScore = double.MinValue;
        foreach (var candidate in candidates)
        {
            candidate.Score *= 1 - candidate.LinkDensity;
            if (candidate.Score > bestScore)
            {
                best = candidate;
                bestScore = candidate.Score;
            }
        }

        if (best is null)
        {
            return null;
        }

        var longestProse = longest?.ProseChars ?? 0;
        SumProse(elements);
        if (longest is not null && longestProse >= LongProseChars && !Contains(best, longest) && longestProse > 2 * best.ProseChars)
        {
            best = longest;
        }

        return RicherNearWinner(candidates, best) ?? best;
    }

    /// <summary>
    /// A candidate elsewhere on the page that came within <see cref="NearWinnerScore"/> of the
    /// winner and holds more than twice its prose (the best-scoring such one), or null. A class
    /// or id hint is worth as much as several paragraphs' votes, so a short teaser in a block
    /// named "content" can edge out an article whose paragraphs are short and whose own hint sits
    /// above the levels their votes reach; the near tie and the prose decide it for the article.
    /// </summary>
    private static ContentNode? RicherNearWinner(List<ContentNode> candidates, ContentNode best)
    {
        ContentNode? richer = null;
        foreach (var candidate in candidates)
        {
            if (candidate.ProseChars > 2 * best.ProseChars && candidate.Score >= NearWinnerScore * best.Score
                && !Contains(candidate, best) && !Contains(best, candidate) && (richer is null || candidate.Score > richer.Score))
            {
                richer = candidate;
            }
        }

        return richer;
    }

    private static void Reset(IReadOnlyList<ContentNode> elements)
    {
        foreach (var node in elements)
        {
            node.Score = 0;
            node.IsCandidate = false;
            node.ProseChars = 0;
        }
    }

    private static bool Contains(ContentNode ancestor, ContentNode node)
    {
        for (var a = node; a is not null; a = a.Parent)
        {
            if (a == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsParagraph(ContentNode node) => node.Tag switch
    {
        "p" or "pre" or "td" or "blockquote" => true,
        "div" or "section" or "span" or "font" => HasDirectText(node),
        _ => false,
    };

    private static bool HasDirectText(ContentNode node)
    {
        if (node.Children is null)
        {
            return false;
        }

        foreach (var child in node.Children)
        {
            if (child.Tag is null && !string.IsNullOrWhiteSpace(child.Text) && child.Text.Trim().Length > 20)
            {
                return true;
            }
        }

        return false;
    }

    // HTML standard, 4.3.2 (the article element): articles nested in an article are related to
    // it (its comments, other posts on the subject), not its own text. Several of them side by
    // side inside an article are a list of such posts, each with an excerpt ("you may also
    // like"): their paragraphs would elect the list, or one teaser, over the post.
    private static bool InNestedArticleList(ContentNode node)
    {
        ContentNode? inner = null;
        for (var a = node.Parent; a is not null; a = a.Parent)
        {
            if (a.Tag != "article")
            {
                continue;
            }

            if (inner is null)
            {
                inner = a;
                continue;
            }

            return HasSiblingArticle(inner);
        }

        return false;
    }

    private static bool HasSiblingArticle(ContentNode article)
    {
        foreach (var sibling in article.Parent!.Children!)
        {
            if (sibling != article && sibling.Tag == "article")
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsInsideParagraph(ContentNode node)
    {
        for (var a = node.Parent; a is not null; a = a.Parent)
        {
            if (a.Tag is "p" or "pre")
            {
                return true;
            }
        }

        return false;
    }

    private static double BaseScore(ContentNode node)
    {
        var score = node.Tag switch
        {
            "article" => 10,
            "main" => 5,
            "div" or "section" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" or "header" => -5,
            _ => 0,
        };
        return score + node.Hint;
    }

    // Bottom-up (every element comes after its parent, so from the end children come first):
    // a node's prose is its own paragraph's or its children's, whichever is more, so that a
    // text-bearing div holding paragraphs is not counted twice.
    private static void SumProse(IReadOnlyList<ContentNode> elements)
    {
        var children = new int[elements.Count];
        for (var i = elements.Count - 1; i >= 0; i--)
        {
            var node = elements[i];
            node.ProseChars = Math.Max(node.ProseChars, children[i]);
            if (node.Parent is { } parent)
            {
                children[parent.Index] += node.ProseChars;
            }
        }
    }

    /// <summary>
    /// Moves up to every ancestor whose added text (beyond the node chosen so far, comment
    /// sections aside) is mostly prose: the best node is often one section of an article split
    /// into sibling or cousin sections, or one wrapper too deep to hold the lead paragraph.
    /// </summary>
    private static ContentNode Widen(ContentNode best, IReadOnlyList<ContentNode> elements, ExtractionOptions options)
    {
        var articleProse = ArticleProse(elements);
        var current = best;
        for (var a = best.Parent; a is not null && a.Tag != "body"; a = a.Parent)
        {
            // Prose of other <article> elements (self-contained compositions: teasers of other
            // posts, each with its excerpt) is not this article's, however prose-like.
            var addedProse = a.ProseChars - current.ProseChars - OtherArticlesProse(a, current, articleProse);
            var addedChars = Visible(a, options) - Visible(current, options);
            if (a.Hint >= 0 && (addedChars <= 0 || addedProse >= MinAddedProse * addedChars))
            {
                current = a;
            }
        }

        return current;
    }

    // Bottom-up: the prose inside the outermost <article> elements of each subtree.
    private static int[] ArticleProse(IReadOnlyList<ContentNode> elements)
    {
        var prose = new int[elements.Count];
        for (var i = elements.Count - 1; i >= 0; i--)
        {
            var node = elements[i];
            if (node.Tag == "article")
            {
                prose[i] = node.ProseChars;
            }

            if (node.Parent is { } parent)
            {
                prose[parent.Index] += prose[i];
            }
        }

        return prose;
    }

    // The prose in <article> elements below ancestor but outside current's subtree.
    private static int OtherArticlesProse(ContentNode ancestor, ContentNode current, int[] articleProse)
    {
        var other = 0;
        for (var below = current; below != ancestor; below = below.Parent!)
        {
            foreach (var sibling in below.Parent!.Children!)
            {
                if (sibling != below && sibling.Tag is not null)
                {
                    other += articleProse[sibling.Index];
                }
            }
        }

        return other;
    }

    private static int Visible(ContentNode node, ExtractionOptions options) => node.Chars - (options.IncludeComments ? 0 : node.CommentChars);

    /// <summary>The characters of the containers that the output can hold (comment sections aside, unless kept).</summary>
    public static int Visible(List<ContentNode> containers, ExtractionOptions options)
    {
        var visible = 0;
        foreach (var c in containers)
        {
            visible += Visible(c, options);
        }

        return visible;
    }

    private static List<ContentNode> WithSiblings(ContentNode best)
    {
        if (best.Parent?.Children is not { } siblings)
        {
            return [best];
        }

        var threshold = Math.Max(10, best.Score * 0.2);
        var result = new List<ContentNode>();
        foreach (var sibling in siblings)
        {
            if (sibling == best)
            {
                result.Add(sibling);
            }
            else if (sibling.Tag is not null && sibling.Hint >= 0)
            {
                var bonus = sibling.Hint > 0 ? best.Score * 0.2 : 0;
                if ((sibling.IsCandidate && sibling.Score + bonus >= threshold)
                    || (sibling.Tag == "p" && sibling.Chars > 80 && sibling.LinkDensity < 0.25))
                {
                    result.Add(sibling);
                }
            }
        }

        return result;
    }

    /// <summary>The smallest element whose text holds the start and end of the page's own articleBody.</summary>
    private static ContentNode? MatchHint(IReadOnlyList<ContentNode> elements, string hintText)
    {
        _ = elements;
        _ = hintText;
        return null;
    }
}
