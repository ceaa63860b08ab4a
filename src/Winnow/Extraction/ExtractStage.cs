using System.Text.Json.Nodes;
using Winnow.Documents;
using Winnow.Pipeline;

namespace Winnow.Extraction;

/// <summary>
/// The "extract" stage: replaces the text of HTML documents by their main content and records
/// title, author, date, site name, language and description as attributes under "extract".
/// Other documents pass through. A page with no content left is removed with reason "no_content".
/// </summary>
/// <remarks>Thread-safe: the extractor keeps no state between pages.</remarks>
public sealed class ExtractStage : DocumentStage
{
    private readonly HtmlExtractor _extractor;
    private readonly ExtractionOptions _options;

    /// <summary>Creates the stage.</summary>
    public ExtractStage(ExtractionOptions options = default)
    {
        _options = options == default ? new ExtractionOptions() : options;
        _extractor = new HtmlExtractor(_options);
    }

    /// <inheritdoc/>
    public override string Name => "extract";

    /// <inheritdoc/>
    public override void Process(Document document)
    {
        if (document.ContentType != ContentTypes.Html)
        {
            return;
        }

        var page = _extractor.Extract(document.Text, document.Url);
        document.Text = page.Text;
        document.ContentType = _options.Format == ExtractionFormat.Markdown ? ContentTypes.Markdown : ContentTypes.PlainText;
        document.Url ??= page.Url;
        Set(document, "title", page.Title);
        Set(document, "author", page.Author);
        Set(document, "date", page.Date);
        Set(document, "sitename", page.SiteName);
        Set(document, "language", page.Language);
        Set(document, "description", page.Description);
        Set(document, "warning", page.Warning);
        if (page.Text.Length == 0)
        {
            document.Remove(new Removal(Name, RemovalReasons.NoContent, null, null));
        }
    }

    private void Set(Document document, string name, string? value)
    {
        if (value is not null)
        {
            document.SetAttribute(Name, name, JsonValue.Create(value));
        }
    }
}
