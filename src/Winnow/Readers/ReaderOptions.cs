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

    /// <summary>Records larger than this many bytes are rejected unread. Default 16 MiB.</summary>
    public int MaxDocumentBytes { get; init; } = 16 << 20;

    /// <summary>The largest <see cref="MaxDocumentBytes"/> allowed: a record is held in one buffer indexed by int.</summary>
    public const int MaxRecordBytes = 1 << 30;
}
