namespace Winnow.Warc;

/// <summary>What an HTTP/1.x response head says about its body.</summary>
/// <param name="Status">The status code.</param>
/// <param name="ContentType">Content-Type, or null.</param>
/// <param name="Chunked">Whether Transfer-Encoding names chunked.</param>
/// <param name="ContentEncoding">Content-Encoding, lower case, or null.</param>
/// <param name="BodyStart">Where the body starts in the block.</param>
internal readonly record struct HttpHead(int Status, string? ContentType, bool Chunked, string? ContentEncoding, int BodyStart);
