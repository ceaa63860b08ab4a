namespace Winnow.Warc;

/// <summary>One HTML response read from a WARC file.</summary>
/// <param name="Offset">Byte offset of the record: in the file for .warc, of its gzip member for .warc.gz.</param>
/// <param name="TargetUri">WARC-Target-URI.</param>
/// <param name="Date">WARC-Date as written.</param>
/// <param name="Status">HTTP status code.</param>
/// <param name="ContentType">The HTTP Content-Type header, if any.</param>
/// <param name="Body">The payload after transfer and content decoding.</param>
public sealed record WarcRecord(long Offset, string? TargetUri, string? Date, int Status, string? ContentType, byte[] Body);
