namespace Winnow.Extraction;

/// <summary>Metadata found on a page, before content extraction.</summary>
internal sealed record PageMetadata(
    string? Title,
    string? Author,
    string? Date,
    string? SiteName,
    string? Language,
    string? Description,
    string? Url,
    string? ArticleBody);
