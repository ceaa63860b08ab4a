using System.Text.Json;

namespace Winnow.Extraction;

/// <summary>
/// Reads article metadata from JSON-LD blocks: the first object whose @type is an article kind
/// (looking into arrays and @graph) gives headline, authors, dates, publisher, description,
/// language and articleBody. Malformed blocks are ignored.
/// </summary>
internal static class JsonLdReader
{
    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
        "ReviewNewsArticle", "BackgroundNewsArticle", "TechArticle", "ScholarlyArticle", "SocialMediaPosting",
        "LiveBlogPosting", "MedicalScholarlyArticle", "Report", "WebPage", "AdvertiserContentArticle", "SatiricalArticle",
        "DiscussionForumPosting", "Recipe", "Review", "CreativeWork",
    };

    public static JsonLdArticle? Read(IEnumerable<string> blocks)
    {
        JsonLdArticle? webPage = null;
        foreach (var block in blocks)
        {
            try
            {
                using var doc = JsonDocument.Parse(block, new JsonDocumentOptions { MaxDepth = 64, AllowTrailingCommas = true });
                var found = Find(doc.RootElement, 0);
                if (found is not null && found.Type != "WebPage")
                {
                    return found;
                }

                webPage ??= found;
            }
            catch (JsonException)
            {
                // A broken block is common on real pages; the other sources still apply.
            }
        }

        return webPage;
    }

    private static JsonLdArticle? Find(JsonElement e, int depth)
    {
        if (depth > 8)
        {
            return null;
        }

        if (e.ValueKind == JsonValueKind.Array)
        {
            JsonLdArticle? page = null;
            foreach (var item in e.EnumerateArray())
            {
                var f = Find(item, depth + 1);
                if (f is not null && f.Type != "WebPage")
                {
                    return f;
                }

                page ??= f;
            }

            return page;
        }

        if (e.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (e.TryGetProperty("@graph", out var graph))
        {
            var f = Find(graph, depth + 1);
            if (f is not null)
            {
                return f;
            }
        }

        var type = TypeOf(e);
        if (type is null)
        {
            return null;
        }

        return new JsonLdArticle(
            type,
            Str(e, "headline") ?? Str(e, "name"),
            Names(e, "author") ?? Names(e, "creator"),
            Str(e, "datePublished"),
            e.TryGetProperty("publisher", out var pub) ? Name(pub) : null,
            Str(e, "description"),
            Str(e, "inLanguage"),
            Str(e, "articleBody"));
    }

    private static string? TypeOf(JsonElement e)
    {
        if (!e.TryGetProperty("@type", out var t))
        {
            return null;
        }

        if (t.ValueKind == JsonValueKind.String)
        {
            var s = t.GetString()!;
            return ArticleTypes.Contains(s) ? (s == "WebPage" ? "WebPage" : s) : null;
        }

        if (t.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in t.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && ArticleTypes.Contains(item.GetString()!))
                {
                    return item.GetString();
                }
            }
        }

        return null;
    }

    private static string? Str(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v))
        {
            return null;
        }

        var s = v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Array when v.GetArrayLength() > 0 && v[0].ValueKind == JsonValueKind.String => v[0].GetString(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(s) ? null : System.Net.WebUtility.HtmlDecode(s).Trim();
    }

    private static string? Name(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Object => Str(e, "name"),
        JsonValueKind.Array when e.GetArrayLength() > 0 => Name(e[0]),
        _ => null,
    };

    private static string? Names(JsonElement e, string property)
    {
        if (!e.TryGetProperty(property, out var v))
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            return Name(v)?.Trim();
        }

        var names = v.EnumerateArray().Select(Name).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()).ToList();
        return names.Count == 0 ? null : string.Join(", ", names);
    }
}
