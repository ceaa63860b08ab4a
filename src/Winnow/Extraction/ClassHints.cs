using System.Buffers;

namespace Winnow.Extraction;

/// <summary>
/// Reads intent from class and id names: page chrome (navigation, share widgets, related posts,
/// bios, cookie and subscription prompts, footers) versus the article itself.
/// </summary>
/// <remarks>Thread-safe: immutable lookup tables.</remarks>
internal static class ClassHints
{
    public const int Negative = -25;
    public const int Positive = 25;

    // An id of five or more hyphenated words is a slug of a heading's text ("sharing-with-a-single-
    // developer", the anchor of a section), not a name for the block's role.
    private const int SlugHyphens = 4;

    private static readonly string[] ChromeNames =
    [
        "nav", "menu", "footer", "sidebar", "side-bar", "aside", "share", "sharing", "social", "related",
        "recommend", "promo", "advert", "banner", "cookie", "consent", "gdpr", "subscribe", "subscription",
        "newsletter", "signup", "sign-up", "popup", "modal", "breadcrumb", "byline", "author-bio",
        "authorbio", "bio-", "-bio", "tagcloud", "tag-list", "taglist", "widget", "sponsor", "outbrain",
        "taboola", "disclaimer", "copyright", "masthead", "toolbar", "pagination", "pager", "skip",
        "more-stories", "read-more", "readmore", "trending", "popular", "most-read", "mostread",
        "also-read", "next-post", "prev-post", "post-nav", "postnav", "paywall", "login",
        "disqus", "respond", "reply", "shoutbox", "hidden", "print-only", "rating", "follow", "author-info",
        "about-author", "about-the-author", "post-author", "author-box", "authorbox", "author-card", "user-info", "teaser", "dateline", "timestamp", "metadata",
        "post-meta", "entry-meta", "article-meta", "caption", "credit", "tools", "jump", "inline-ad",
        "ad-container", "adcontainer", "ad-slot", "adslot", "ad-wrapper", "dfp",
    ];

    // Names that are never part of the article even inside a content name; an article's header
    // ("article-header", "entry-header") holds its title, byline and lead: "header" alone is
    // negative, checked only when none of these is in the name.
    private static readonly SearchValues<string> ChromeOnlyNames = SearchValues.Create(ChromeNames, StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> PositiveNames = SearchValues.Create(
    [
        "article", "main", "content", "post", "entry", "story", "body", "text", "blog", "hentry", "prose",
        "instapaper_body",
    ], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> CommentNames = SearchValues.Create(
        ["disqus", "respond", "discussion"], StringComparison.OrdinalIgnoreCase);

    /// <summary>The hint of a class and id pair: names are matched as substrings, case-insensitively.</summary>
    public static int Of(string? className, string? id, out bool comments)
    {
        comments = false;
        var hint = 0;
        if (!string.IsNullOrEmpty(className))
        {
            hint += WeighClass(className, ref comments);
        }

        if (!string.IsNullOrEmpty(id))
        {
            hint += Weigh(id, isId: true, ref comments);
        }

        return hint;
    }

    // Class attributes repeat through a page (every item of a menu, every paragraph of a post
    // carries the same one): each distinct value is weighed once per thread. Ids are mostly unique
    // and are weighed each time. The table is emptied when full, so it stays small.
    private const int CachedClasses = 4096;

    [ThreadStatic]
    private static Dictionary<string, (int Weight, bool Comments)>? _classWeights;

    private static int WeighClass(string className, ref bool comments)
    {
        var cache = _classWeights ??= new Dictionary<string, (int, bool)>(StringComparer.Ordinal);
        if (!cache.TryGetValue(className, out var known))
        {
            var named = false;
            known = (Weigh(className, isId: false, ref named), named);
            if (cache.Count == CachedClasses)
            {
                cache.Clear();
            }

            cache[className] = known;
        }

        comments |= known.Comments;
        return known.Weight;
    }

    // At most one negative and one positive weight per attribute, whatever the number of names in it.
    private static int Weigh(string name, bool isId, ref bool comments)
    {
        bool negative = false, positive = false, commentSection = false;
        var span = name.AsSpan();
        foreach (var range in span.SplitAny(" \t\n\f\r"))
        {
            var token = span[range];
            if (token.IsEmpty || IsTaxonomy(token) || (isId && token.Count('-') >= SlugHyphens))
            {
                continue;
            }

            var names = NamesComments(token);
            commentSection |= names;
            var chrome = names || token.IndexOfAny(ChromeOnlyNames) >= 0 || NamesAnAd(token) || NamesSecondaryColumn(token);
            negative |= chrome || token.Contains("header", StringComparison.OrdinalIgnoreCase);

            // Within one compound name the chrome word says what the block is: "post-meta",
            // "entry-meta", "post-most-popular-list" are a post's furniture, not the post.
            positive |= !chrome && token.IndexOfAny(PositiveNames) >= 0;
        }

        comments |= commentSection;
        return (negative ? Negative : 0) + (positive ? Positive : 0);
    }

    // "ad" as a name or the last word of one ("ad", "ads", "mobile-ad", "top_ads"), not as letters
    // inside a word ("head", "load") nor as a first word that a later one qualifies ("ad-item",
    // a slide that carries an ad beside its own text).
    private static bool NamesAnAd(ReadOnlySpan<char> token)
    {
        foreach (var word in (ReadOnlySpan<string>)["ad", "ads"])
        {
            if (token.Equals(word, StringComparison.OrdinalIgnoreCase)
                || (token.EndsWith(word, StringComparison.OrdinalIgnoreCase) && token.Length > word.Length && token[^(word.Length + 1)] is '-' or '_'))
            {
                return true;
            }
        }

        return false;
    }

    // "secondary" as the first word of a name is the page's second column (WordPress themes'
    // #secondary sidebar, "secondary-content"); later in a name it qualifies a style
    // ("title-secondary", Bootstrap's "text-secondary", "btn-secondary"), which says nothing.
    private static bool NamesSecondaryColumn(ReadOnlySpan<char> token) =>
        token.StartsWith("secondary", StringComparison.OrdinalIgnoreCase);

    // CMS classes that name the post's categories and tags ("category-for-discussion",
    // "tag-social-media") say what the post is about, not what the block is.
    private static bool IsTaxonomy(ReadOnlySpan<char> token) =>
        token.StartsWith("category-", StringComparison.OrdinalIgnoreCase) || token.StartsWith("tag-", StringComparison.OrdinalIgnoreCase);


    // "comment" as a section's name (comments, commentlist, comment-body, post-comments), not as a
    // word that only mentions them: a post "commented" on, an opinion "commentary", a "commentator".
    private static bool NamesComments(ReadOnlySpan<char> name)
    {
        for (var at = name.IndexOf("comment", StringComparison.OrdinalIgnoreCase); at >= 0;)
        {
            var rest = name[(at + "comment".Length)..];
            if (!(rest.StartsWith("ed", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("ar", StringComparison.OrdinalIgnoreCase)
                || rest.StartsWith("at", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }

            var next = rest.IndexOf("comment", StringComparison.OrdinalIgnoreCase);
            at = next < 0 ? -1 : at + "comment".Length + next;
        }

        return name.IndexOfAny(CommentNames) >= 0;
    }
}
