namespace Winnow.Writers;

/// <summary>Which fields a document record has, and where: ours, or one another tool reads as its own.</summary>
public enum OutputLayout
{
    /// <summary>Winnow's own: id, text, url, source, content_type, metadata, attributes, removed.</summary>
    Winnow,

    /// <summary>
    /// Dolma's document format (id, text, source as a string, added, created, metadata), with the
    /// run's numeric annotations as Dolma attribute files in attributes/winnow/ beside documents/.
    /// </summary>
    Dolma,

    /// <summary>DataTrove's: text, id and one metadata object that holds everything else.</summary>
    DataTrove,
}
