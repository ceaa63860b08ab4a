using System.Text;
using Winnow.Documents;
using Winnow.Text;
using Winnow.Warc;

namespace Winnow.Readers;

/// <summary>What a record read from a container (a WARC, ARC or WET record) carries besides its bytes.</summary>
/// <param name="Offset">The record's offset in its file (its gzip member's, for .warc.gz).</param>
/// <param name="OffsetInMember">Where it starts in its gzip member's decompressed bytes (0 but for a member of several records).</param>
/// <param name="Url">WARC-Target-URI.</param>
/// <param name="HttpContentType">The HTTP Content-Type header, for the charset.</param>
/// <param name="IsText">A WET conversion record: UTF-8 text, not a page to extract.</param>
internal sealed record ContainerRecord(long Offset, long OffsetInMember, string? Url, string? HttpContentType, bool IsText = false)
{
    public Document ToDocument(in RawRecord record, ReadOnlySpan<byte> bytes)
    {
        var source = new DocumentSource(record.File.Name, 0, Offset);
        var text = IsText ? Encoding.UTF8.GetString(bytes) : CharsetDecoder.Decode(bytes, HttpContentType);
        return new Document(WarcEntry.Locate(record.File.Name, Offset, OffsetInMember), text, source, record.Ordinal, bytes.Length)
        {
            Url = Url,
            ContentType = IsText ? ContentTypes.PlainText : ContentTypes.Html,
        };
    }
}
