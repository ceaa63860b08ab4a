using System.Text.Json;
using System.Text.RegularExpressions;

namespace Winnow.Extraction;

/// <summary>
/// The strict JSON-LD pick that reader views use (and that the Readability test pages expect):
/// the first <c>application/ld+json</c> block whose object — the block itself, the first
/// article-typed item of a top-level array, or the first article-typed item of <c>@graph</c> —
/// is a schema.org article kind. Only that object gives title, byline, date and site name;
/// <see cref="JsonLdReader"/> stays the broader fallback (nested objects, string authors).
/// </summary>
internal static partial class JsonLdPrimaryReader
{
    /// <summary>Reads the primary article object; <paramref name="htmlTitle"/> settles name vs headline.</summary>
    public static JsonLdArticle? Read(IEnumerable<string> blocks, Func<string?> htmlTitle)
    {
        foreach (var block in blocks)
        {
            try
            {
                using var doc = JsonDocument.Parse(CData().Replace(block, ""), new JsonDocumentOptions { MaxDepth = 64, AllowTrailingCommas = true });
                var found = Pick(doc.RootElement, htmlTitle, out var decided);
                if (decided)
                {
                    return found;
                }
            }
            catch (JsonException)
            {
                // Broken blocks are skipped; the next block may hold the article.
            }
        }

        return null;
    }

    private static JsonLdArticle? Pick(JsonElement root, Func<string?> htmlTitle, out bool decided)
    {
        decided = false;
        var e = root;
        if (e.ValueKind == JsonValueKind.Array)
        {
            e = e.EnumerateArray().FirstOrDefault(IsArticle);
            if (e.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
        }

        if (e.ValueKind != JsonValueKind.Object || !IsSchemaOrg(e))
        {
            return null;
        }

        if (!e.TryGetProperty("@type", out _) && e.TryGetProperty("@graph", out var graph) && graph.ValueKind == JsonValueKind.Array)
        {
            e = graph.EnumerateArray().FirstOrDefault(IsArticle);
        }

        if (!IsArticle(e))
        {
            return null;
        }

        decided = true;
        var name = StringOf(e, "name");
        var headline = StringOf(e, "headline");
        string? title;
        if (name is not null && headline is not null && name != headline)
        {
            // Some sites put their own name in "name": keep the one that resembles the <title>.
            var html = htmlTitle() ?? "";
            title = Similarity(headline, html) > 0.75 && !(Similarity(name, html) > 0.75) ? headline : name;
        }
        else
        {
            title = name?.Trim() ?? headline?.Trim();
        }

        return new JsonLdArticle(
            e.GetProperty("@type").GetString()!,
            title,
            Authors(e),
            StringOf(e, "datePublished")?.Trim(),
            e.TryGetProperty("publisher", out var pub) && pub.ValueKind == JsonValueKind.Object ? StringOf(pub, "name")?.Trim() : null,
            StringOf(e, "description")?.Trim(),
            null,
            null);
    }

    private static string? Authors(JsonElement e)
    {
        if (!e.TryGetProperty("author", out var a))
        {
            return null;
        }

        if (a.ValueKind == JsonValueKind.Object)
        {
            return StringOf(a, "name")?.Trim();
        }

        if (a.ValueKind != JsonValueKind.Array || a.GetArrayLength() == 0 || a[0].ValueKind != JsonValueKind.Object || StringOf(a[0], "name") is null)
        {
            return null;
        }

        return string.Join(", ", a.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Object)
            .Select(x => StringOf(x, "name")).OfType<string>().Select(n => n.Trim()));
    }

    private static bool IsArticle(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty("@type", out var t) && t.ValueKind == JsonValueKind.String
        && ArticleType().IsMatch(t.GetString()!);

    private static bool IsSchemaOrg(JsonElement e)
    {
        if (!e.TryGetProperty("@context", out var c))
        {
            return false;
        }

        return c.ValueKind switch
        {
            JsonValueKind.String => SchemaOrg().IsMatch(c.GetString()!),
            JsonValueKind.Object => c.TryGetProperty("@vocab", out var v) && v.ValueKind == JsonValueKind.String && SchemaOrg().IsMatch(v.GetString()!),
            _ => false,
        };
    }

    private static string? StringOf(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>Share of <paramref name="b"/>'s tokens (by characters) that also occur in <paramref name="a"/>.</summary>
    internal static double Similarity(string a, string b)
    {
        var tokensA = Tokens(a);
        var tokensB = Tokens(b);
        if (tokensA.Length == 0 || tokensB.Length == 0)
        {
            return 0;
        }

        var unique = string.Join(' ', tokensB.Where(t => !tokensA.Contains(t)));
        return 1 - ((double)unique.Length / string.Join(' ', tokensB).Length);
    }

    private static string[] Tokens(string s) =>
        NonWord().Split(s.ToLowerInvariant()).Where(t => t.Length > 0).ToArray();

    [GeneratedRegex(@"^\s*<!\[CDATA\[|\]\]>\s*$")]
    private static partial Regex CData();

    [GeneratedRegex(@"^https?://schema\.org/?$")]
    private static partial Regex SchemaOrg();

    // ASCII word characters, as in the reader views whose expectations the benchmark holds.
    [GeneratedRegex("[^A-Za-z0-9_]+")]
    private static partial Regex NonWord();

    // Anchored only at its ends, as schema.org article names are matched by reader views.
    [GeneratedRegex("^Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|BlogPosting|LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference$")]
    private static partial Regex ArticleType();
}
