namespace Winnow.Extraction;

/// <summary>The main content of one HTML page and the metadata found for it.</summary>
/// <param name="Text">Main content as plain text or Markdown; empty when none was found.</param>
/// <param name="Title">The article's title.</param>
/// <param name="Author">Author name(s), comma-separated.</param>
/// <param name="Date">Publication date, ISO 8601 (date, or date and time with offset when given).</param>
/// <param name="SiteName">The publishing site's name.</param>
/// <param name="Language">Language tag, e.g. "en" or "pt-BR".</param>
/// <param name="Description">The page's summary as its metadata gives it.</param>
/// <param name="Url">The canonical or given URL.</param>
public sealed record ExtractedPage(
    string Text,
    string? Title,
    string? Author,
    string? Date,
    string? SiteName,
    string? Language,
    string? Description,
    string? Url)
{
    /// <summary>Why extraction gave up early (input too deep, too large), or null.</summary>
    public string? Warning { get; init; }
}
