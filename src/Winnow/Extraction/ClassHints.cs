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

    private static readonly SearchValues<string> NegativeNames = SearchValues.Create(
    [
        "nav", "menu", "footer", "sidebar", "side-bar", "aside", "share", "sharing", "social", "related",
        "recommend", "promo", "advert", "banner", "cookie", "consent", "gdpr", "subscribe", "subscription",
        "newsletter", "signup", "sign-up", "popup", "modal", "breadcrumb", "byline", "author-bio",
        "authorbio", "bio-", "-bio", "tagcloud", "tag-list", "taglist", "widget", "sponsor", "outbrain",
        "taboola", "disclaimer", "copyright", "masthead", "toolbar", "pagination", "pager", "skip",
        "more-stories", "read-more", "readmore", "trending", "popular", "most-read", "mostread",
        "also-read", "next-post", "prev-post", "post-nav", "postnav", "paywall", "login", "comment",
        "disqus", "respond", "reply", "shoutbox", "hidden", "print-only", "rating", "follow", "author-info",
        "about-author", "about-the-author", "user-info", "teaser", "dateline", "timestamp", "metadata",
        "post-meta", "entry-meta", "article-meta", "caption", "credit", "tools", "jump", "inline-ad",
        "ad-container", "adcontainer", "ad-slot", "adslot", "ad-wrapper", "dfp", "header",
    ], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> PositiveNames = SearchValues.Create(
    [
        "article", "main", "content", "post", "entry", "story", "body", "text", "blog", "hentry", "prose",
        "instapaper_body",
    ], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> CommentNames = SearchValues.Create(
        ["comment", "disqus", "respond", "discussion"], StringComparison.OrdinalIgnoreCase);

    /// <summary>The hint of a class and id pair: names are matched as substrings, case-insensitively.</summary>
    public static int Of(string? className, string? id, out bool comments)
    {
        comments = false;
        var hint = 0;
        if (!string.IsNullOrEmpty(className))
        {
            hint += Weigh(className, ref comments);
        }

        if (!string.IsNullOrEmpty(id))
        {
            hint += Weigh(id, ref comments);
        }

        return hint;
    }

    private static int Weigh(string name, ref bool comments)
    {
        var span = name.AsSpan();
        var weight = 0;
        if (span.IndexOfAny(NegativeNames) >= 0)
        {
            weight += Negative;
            comments |= span.IndexOfAny(CommentNames) >= 0;
        }

        if (span.IndexOfAny(PositiveNames) >= 0)
        {
            weight += Positive;
        }

        return weight;
    }
}
