namespace Winnow.Warc;

/// <summary>One HTML page read from a WARC file: a response or resource record.</summary>
/// <param name="Offset">Byte offset of the record: in the file for .warc, of its gzip member for .warc.gz.</param>
/// <param name="TargetUri">WARC-Target-URI, without the angle brackets some writers put around it.</param>
/// <param name="Date">WARC-Date as written.</param>
/// <param name="Status">HTTP status code; 0 for a resource record, which has no HTTP head.</param>
/// <param name="ContentType">The HTTP Content-Type header, or the record's own for a resource record; null when absent.</param>
/// <param name="Body">The payload after transfer and content decoding.</param>
public sealed record WarcRecord(long Offset, string? TargetUri, string? Date, int Status, string? ContentType, byte[] Body)
{
    /// <summary>
    /// Where the record starts inside its gzip member's decompressed bytes: 0 when each record has a
    /// member of its own (as the WARC standard recommends), more for the later records of a member
    /// that holds several. With <see cref="Offset"/> it tells records apart.
    /// </summary>
    public long OffsetInMember { get; init; }
}
