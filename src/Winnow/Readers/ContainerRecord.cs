using Winnow.Documents;
using Winnow.Text;
using Winnow.Warc;

namespace Winnow.Readers;

/// <summary>What a record read from a container (a WARC response) carries besides its bytes.</summary>
/// <param name="Offset">The record's offset in its file (its gzip member's, for .warc.gz).</param>
/// <param name="OffsetInMember">Where it starts in its gzip member's decompressed bytes (0 but for a member of several records).</param>
/// <param name="Url">WARC-Target-URI.</param>
/// <param name="HttpContentType">The HTTP Content-Type header, for the charset.</param>
internal sealed record ContainerRecord(long Offset, long OffsetInMember, string? Url, string? HttpContentType)
{
    public Document ToDocument(in RawRecord record, ReadOnlySpan<byte> bytes)
    {
        var source = new DocumentSource(record.File.Name, 0, Offset);
        return new Document(WarcEntry.Locate(record.File.Name, Offset, OffsetInMember), CharsetDecoder.Decode(bytes, HttpContentType), source, record.Ordinal, bytes.Length)
        {
            Url = Url,
            ContentType = ContentTypes.Html,
        };
    }
}
