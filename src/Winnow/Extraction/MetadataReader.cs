using Winnow.Extraction.Html;
using Winnow.Language;

namespace Winnow.Extraction;

/// <summary>
/// Page metadata. Title, byline and date follow the order reader views use (the primary JSON-LD
/// article, then Dublin Core / OpenGraph / author meta tags, then the &lt;title&gt; or the visible
/// byline); broader JSON-LD, other meta tags, microdata, &lt;time&gt; and URL patterns fill
/// what is still missing. Runs on the parsed document before content is cut out.
/// </summary>
internal static class MetadataReader
{
    public static PageMetadata Read(HtmlDocumentTree document, string? url)
    {
        var meta = MetaTagReader.Read(document);
        var blocks = JsonLdBlocks(document);
        string? htmlTitle = null;
        var htmlTitleRead = false;
        string? HtmlTitle()
        {
            if (!htmlTitleRead)
            {
                htmlTitle = TitleReader.FromDocument(document);
                htmlTitleRead = true;
            }

            return htmlTitle;
        }

        var primary = JsonLdPrimaryReader.Read(blocks, HtmlTitle);
        var jsonLd = JsonLdReader.Read(blocks);
        string? Get(params string[] keys)
        {
            foreach (var k in keys)
            {
                if (meta.TryGetValue(k, out var v))
                {
                    return Unescape(v);
                }
            }

            return null;
        }

        var title = Clean(primary?.Headline)
            ?? Get("dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title", "title", "twitter:title", "parsely-title")
            ?? HtmlTitle() ?? Clean(jsonLd?.Headline);
        var author = BylineCleaner.Clean(primary?.Author)
            ?? BylineCleaner.Clean(Get("dc:creator", "dcterm:creator", "author", "parsely-author"))
            ?? BylineCleaner.Clean(NotUrl(Get("article:author")))
            ?? BylineCleaner.Clean(BylineFinder.Find(document))
            ?? BylineCleaner.Clean(jsonLd?.Author)
            ?? BylineCleaner.Clean(Get("sailthru:author", "byl"))
            ?? BylineCleaner.Clean(NotUrl(Get("og:article:author")))
            ?? BylineCleaner.Clean(Microdata(document, "author"));
        var language = LanguageOf(document, meta, jsonLd);
        var date = DateFinder.Find(document, meta, primary, jsonLd, url, language);
        var site = Clean(primary?.Publisher) ?? Get("og:site_name") ?? Clean(jsonLd?.Publisher) ?? Get("application-name", "twitter:site")?.TrimStart('@');
        var description = Clean(primary?.Description) ?? Get("dc:description", "dcterm:description", "og:description", "description", "twitter:description")
            ?? Clean(jsonLd?.Description);
        var canonical = document.Find(n => n.Tag == "link" && n.GetAttribute("rel") == "canonical")?.GetAttribute("href");
        var finalUrl = url ?? (Uri.TryCreate(canonical, UriKind.Absolute, out _) ? canonical : null) ?? Get("og:url");
        return new PageMetadata(title, author, date, site, language, description, finalUrl, jsonLd?.ArticleBody);
    }

    /// <summary>Each date source's answer for a page, in the order they are tried (for the date benchmark).</summary>
    internal static IEnumerable<(string Source, string? Date)> DateCandidates(string html)
    {
        var document = FastHtmlParser.ForThread.Parse(html, 5000);
        var meta = MetaTagReader.Read(document);
        var blocks = JsonLdBlocks(document);
        var jsonLd = JsonLdReader.Read(blocks);
        return DateFinder.Candidates(document, meta, JsonLdPrimaryReader.Read(blocks, () => TitleReader.FromDocument(document)), jsonLd, null,
            LanguageOf(document, meta, jsonLd)).ToList();
    }

    // Meta values are often entity-escaped twice; the parser has undone one level.
    private static string? Unescape(string? s) =>
        s is not null && s.Contains('&', StringComparison.Ordinal) ? Clean(System.Net.WebUtility.HtmlDecode(s)) : s;

    private static List<string> JsonLdBlocks(HtmlDocumentTree document) =>
        document.Elements("script")
            .Where(s => HtmlTags.IsJsonLd(s.GetAttribute("type")))
            .Select(s => s.TextContent()).ToList();

    private static string? Microdata(HtmlDocumentTree document, string property)
    {
        var e = document.Find(n => n.HasToken("itemprop", property));
        if (e is null)
        {
            return null;
        }

        if (property == "author")
        {
            var name = e.Find(n => n.HasToken("itemprop", "name"));
            return Clean((name ?? e).GetAttribute("content") ?? (name ?? e).TextContent());
        }

        return Clean(e.GetAttribute("content") ?? e.GetAttribute("datetime") ?? e.TextContent());
    }

    internal static bool HasAncestor(HtmlNode node, string tag)
    {
        for (var p = node.Parent; p is not null; p = p.Parent)
        {
            if (p.Tag == tag)
            {
                return true;
            }
        }

        return false;
    }

    private static string? LanguageOf(HtmlDocumentTree document, Dictionary<string, string> meta, JsonLdArticle? jsonLd)
    {
        // Each source in turn, the first valid tag wins: a page may say lang="x" in one place and
        // og:locale="en_US" in another; Content-Language often lists several ("en, fr") or holds a charset.
        return LanguageTags.Normalize(document.Root.GetAttribute("lang"))
            ?? LanguageTags.Normalize(jsonLd?.Language)
            ?? LanguageTags.Normalize(meta.GetValueOrDefault("og:locale"))
            ?? LanguageTags.Normalize(FirstOfList(meta.GetValueOrDefault("language")))
            ?? LanguageTags.Normalize(FirstOfList(document.Find(n => n.Tag == "meta"
                && string.Equals(n.GetAttribute("http-equiv"), "content-language", StringComparison.OrdinalIgnoreCase))?.GetAttribute("content")));
    }

    private static string? FirstOfList(string? value) => value?.Split(',', ';')[0];

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
