using AngleSharp.Html.Dom;

namespace Winnow.Extraction;

/// <summary>
/// Page metadata in order of trust: JSON-LD, OpenGraph, other meta tags, microdata, &lt;time&gt;,
/// visible bylines, URL patterns. Runs on the parsed document before content is cut out.
/// </summary>
internal static class MetadataReader
{
    public static PageMetadata Read(IHtmlDocument document, string? url)
    {
        var meta = MetaTags(document);
        var jsonLd = JsonLdReader.Read(document.QuerySelectorAll("script[type='application/ld+json']").Select(s => s.TextContent));
        string? Get(params string[] keys)
        {
            foreach (var k in keys)
            {
                if (meta.TryGetValue(k, out var v))
                {
                    return v;
                }
            }

            return null;
        }

        var title = Clean(jsonLd?.Headline) ?? Get("dc.title", "dcterm:title", "og:title", "twitter:title", "parsely-title", "title")
            ?? TitleReader.FromDocument(document);
        var author = Clean(jsonLd?.Author)
            ?? Get("dc.creator", "dcterm:creator", "author", "parsely-author", "sailthru.author", "byl")
            ?? NotUrl(Get("article:author", "og:article:author"))
            ?? Microdata(document, "author") ?? Byline(document);
        var date = DateNormalizer.Normalize(jsonLd?.DatePublished)
            ?? DateNormalizer.Normalize(Get("article:published_time", "og:published_time", "og:article:published_time"))
            ?? DateNormalizer.Normalize(Get("date", "pubdate", "publishdate", "publish-date", "publish_date", "dc.date",
                "dc.date.issued", "dcterm:created", "parsely-pub-date", "sailthru.date", "article.published", "datepublished", "citation_publication_date"))
            ?? DateNormalizer.Normalize(Microdata(document, "datePublished"))
            ?? DateNormalizer.Normalize(TimeElement(document))
            ?? DateNormalizer.FromUrl(url);
        var site = Get("og:site_name") ?? Clean(jsonLd?.Publisher) ?? Get("application-name", "twitter:site")?.TrimStart('@');
        var language = LanguageOf(document, meta, jsonLd);
        var description = Get("og:description", "description", "dc.description", "twitter:description") ?? Clean(jsonLd?.Description);
        var canonical = document.QuerySelector("link[rel='canonical']")?.GetAttribute("href");
        var finalUrl = url ?? (Uri.TryCreate(canonical, UriKind.Absolute, out _) ? canonical : null) ?? Get("og:url");
        return new PageMetadata(title, author, date, site, language, description, finalUrl, jsonLd?.ArticleBody);
    }

    private static Dictionary<string, string> MetaTags(IHtmlDocument document)
    {
        var meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in document.QuerySelectorAll("meta"))
        {
            var content = Clean(m.GetAttribute("content"));
            if (content is null)
            {
                continue;
            }

            // "property" may hold several space-separated names.
            foreach (var key in $"{m.GetAttribute("property")} {m.GetAttribute("name")} {m.GetAttribute("itemprop")}"
                .Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                meta.TryAdd(key.Replace("dcterms", "dcterm", StringComparison.OrdinalIgnoreCase).Replace(':', ':').Trim(), content);
            }
        }

        return meta;
    }

    private static string? Microdata(IHtmlDocument document, string property)
    {
        var e = document.QuerySelector($"[itemprop~='{property}']");
        if (e is null)
        {
            return null;
        }

        if (property == "author")
        {
            var name = e.QuerySelector("[itemprop~='name']");
            return Clean((name ?? e).GetAttribute("content") ?? (name ?? e).TextContent);
        }

        return Clean(e.GetAttribute("content") ?? e.GetAttribute("datetime") ?? e.TextContent);
    }

    private static string? TimeElement(IHtmlDocument document)
    {
        var time = document.QuerySelector("time[pubdate]") ?? document.QuerySelector("article time[datetime]")
            ?? document.QuerySelector("time[datetime]");
        return time?.GetAttribute("datetime");
    }

    private static string? Byline(IHtmlDocument document)
    {
        var e = document.QuerySelector("[rel='author']") ?? document.QuerySelector(".byline .author, .byline, .author-name, .author");
        var text = Clean(e?.TextContent);
        if (text is null || text.Length > 100)
        {
            return null;
        }

        return text;
    }

    private static string? LanguageOf(IHtmlDocument document, Dictionary<string, string> meta, JsonLdArticle? jsonLd)
    {
        var lang = Clean(document.DocumentElement.GetAttribute("lang"))
            ?? Clean(jsonLd?.Language)
            ?? (meta.TryGetValue("og:locale", out var locale) ? locale : null)
            ?? (meta.TryGetValue("language", out var l) ? l : null)
            ?? document.QuerySelector("meta[http-equiv='content-language' i]")?.GetAttribute("content");
        return lang?.Replace('_', '-').Split(',')[0].Trim();
    }

    private static string? NotUrl(string? s) =>
        s is null || s.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? null : s;

    internal static string? Clean(string? s)
    {
        if (string.IsNullOrWhiteSpace(s))
        {
            return null;
        }

        var collapsed = string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length == 0 ? null : collapsed;
    }
}
