namespace Winnow.Extraction;

/// <summary>The fields the extractor takes from a JSON-LD article object.</summary>
internal sealed record JsonLdArticle(
    string Type,
    string? Headline,
    string? Author,
    string? DatePublished,
    string? Publisher,
    string? Description,
    string? Language,
    string? ArticleBody);
