using Winnow.Extraction.Html;

namespace Winnow.Extraction;

/// <summary>
/// The publication date of a page: the first of its sources, in order, that holds a date.
/// Machine-readable publication dates first — the primary JSON-LD article, the article meta tags
/// reader views read, the broader JSON-LD, the other publication meta tags, microdata, hAtom's
/// <c>abbr.published</c> and <c>time[pubdate]</c> — then the date in the page's URL or canonical
/// link, then a date shown in an element named for it (class or id: date, time, posted, byline,
/// meta…, outside comments, sidebars and lists of other articles), then any
/// <c>time[datetime]</c>. Update dates (modified, updated) are never taken.
/// </summary>
/// <remarks>Thread-safe: no state beyond the call.</remarks>
internal static class DateFinder
{
    // Publication meta keys (name, property or itemprop; lower-case, dots as colons), as pages
    // spell them: Dublin Core, OpenGraph variants, news-site and CMS conventions.
    private static readonly string[] PublicationMeta =
    [
        "pubdate", "publishdate", "publish-date", "publish_date", "published_date", "published-date", "publisheddate",
        "published_time", "published_at", "publication_date", "date_published", "datepublished", "isodatetime", "dc:date",
        "dc:date:issued", "dc:date:created", "dc:date:publication", "dc:created", "dcterm:created", "dcterm:issued", "dcterm:date",
        "sailthru:date", "article:published", "article:published_date", "article:publicationdate", "article:post_date",
        "article_date_original", "citation_publication_date", "citation_date", "originalpublicationdate", "displaydate",
        "pdate", "ptime", "dcsext:articlefirstpublished", "rnews:datepublished", "og:pubdate", "og:publish_date",
        "og:datepublished", "bt:pubdate", "rbpubdate", "shareaholic:article_published_time", "twt-published-at",
        "date_created", "datecreated", "dateposted", "content_create_date",
    ];


    public static string? Find(HtmlDocumentTree document, IReadOnlyDictionary<string, string> meta, JsonLdArticle? primary,
        JsonLdArticle? jsonLd, string? url, string? language)
    {
        foreach (var (_, date) in Candidates(document, meta, primary, jsonLd, url, language))
        {
            if (date is not null)
            {
                return date;
            }
        }

        return null;
    }

    /// <summary>Each source's date (or null), in the order they are tried; lazily.</summary>
    internal static IEnumerable<(string Source, string? Date)> Candidates(HtmlDocumentTree document, IReadOnlyDictionary<string, string> meta,
        JsonLdArticle? primary, JsonLdArticle? jsonLd, string? url, string? language)
    {
        bool? english = language is null ? null : language.StartsWith("en", StringComparison.Ordinal);
        string? Meta(params string[] keys) => keys.Select(meta.GetValueOrDefault).Select(DateNormalizer.Normalize).FirstOrDefault(d => d is not null);

        yield return ("json-ld primary", DateNormalizer.Normalize(primary?.DatePublished));
        yield return ("meta article", Meta("article:published_time", "parsely-pub-date"));
        yield return ("json-ld", DateNormalizer.Normalize(jsonLd?.DatePublished));
        yield return ("meta og", Meta("og:published_time", "og:article:published_time"));
        yield return ("meta", Meta(PublicationMeta));
        yield return ("microdata", DateNormalizer.Normalize(Microdata(document)));
        yield return ("hatom", DateNormalizer.Normalize(Published(document)));
        yield return ("url", DateNormalizer.FromUrl(url) ?? DateNormalizer.FromUrl(Canonical(document)) ?? DateNormalizer.FromUrl(meta.GetValueOrDefault("og:url")));
        yield return ("shown", ShownDates.InDateElement(document.Body, english));
        yield return ("line", ShownDates.OnDateLine(document.Body, english));
        yield return ("shown, year from copyright", ShownDates.WithoutYear(document.Body));
        yield return ("meta date", Meta("date"));
        yield return ("time", DateNormalizer.Normalize(AnyTime(document)));
    }

    private static string? Microdata(HtmlDocumentTree document)
    {
        var e = document.Find(n => n.HasToken("itemprop", "datePublished") || n.HasToken("itemprop", "dateCreated"));
        return e is null ? null : e.GetAttribute("content") ?? e.GetAttribute("datetime") ?? e.GetAttribute("title") ?? e.TextContent();
    }

    // hAtom's published date (abbr or time with class "published", the date in its title or
    // datetime attribute), HTML's time[pubdate], WordPress's time.entry-date.
    private static string? Published(HtmlDocumentTree document)
    {
        var e = document.Find(n =>
            (n.Tag is "abbr" or "time" or "span" && n.HasToken("class", "published") && (n.HasAttribute("title") || n.HasAttribute("datetime")))
            || (n.Tag == "time" && n.HasAttribute("pubdate"))
            || (n.Tag == "time" && n.HasAttribute("datetime") && n.HasToken("class", "entry-date")));
        return e is null ? null : e.GetAttribute("datetime") ?? e.GetAttribute("title") ?? e.TextContent();
    }

    private static string? AnyTime(HtmlDocumentTree document) =>
        (document.Find(n => n.Tag == "time" && n.HasAttribute("datetime") && MetadataReader.HasAncestor(n, "article"))
            ?? document.Find(n => n.Tag == "time" && n.HasAttribute("datetime")))?.GetAttribute("datetime");

    private static string? Canonical(HtmlDocumentTree document) =>
        document.Head.Find(n => n.Tag == "link" && n.HasToken("rel", "canonical"))?.GetAttribute("href");
}
