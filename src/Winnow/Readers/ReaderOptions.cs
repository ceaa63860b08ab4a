namespace Winnow.Readers;

/// <summary>How records are read and which fields they carry.</summary>
public readonly record struct ReaderOptions
{
    /// <summary>Creates the defaults.</summary>
    public ReaderOptions()
    {
    }

    /// <summary>The JSON field that holds the text. Default "text".</summary>
    public string TextField { get; init; } = "text";

    /// <summary>The JSON field that holds the id. Default "id"; a record without one gets "file:line".</summary>
    public string IdField { get; init; } = "id";

    /// <summary>The JSON field that holds the URL. Default "url".</summary>
    public string UrlField { get; init; } = "url";

    /// <summary>
    /// A field that holds a record's raw HTML page (null: none). A record whose field is a string
    /// is an HTML document for the extract stage, its own text field kept as metadata; a record
    /// without it, or with null, is read by its text field.
    /// </summary>
    public string? HtmlField { get; init; }

    /// <summary>A field naming the charset of an HTML page stored as bytes (a Parquet binary column); null: the page's own declaration, else UTF-8.</summary>
    public string? CharsetField { get; init; }

    /// <summary>Keep the HTML field as metadata after extraction (default: dropped, as the page's text replaces it).</summary>
    public bool KeepHtml { get; init; }

    /// <summary>Records larger than this many bytes are rejected unread. Default 16 MiB.</summary>
    public int MaxDocumentBytes { get; init; } = 16 << 20;

    /// <summary>The largest <see cref="MaxDocumentBytes"/> allowed: a record is held in one buffer indexed by int.</summary>
    public const int MaxRecordBytes = 1 << 30;
}
