using System.Buffers;
using System.Buffers.Text;
using System.Text;
using Winnow.Documents;

namespace Winnow.Warc;

/// <summary>One record: its header (ISO 28500 section 5), then its block read, skipped or reported.</summary>
public sealed partial class WarcReader
{
    private const int HeadTooLong = -1;
    private const int HeadCut = -2;

    private enum RecordKind
    {
        Other,
        Response,
        Resource,
    }

    /// <summary>The named fields of a WARC header that the reader uses; <see cref="Length"/> is -1 when missing or invalid.</summary>
    private readonly record struct WarcHead(RecordKind Kind, long Length, string? Uri, string? Date, string? ContentType);

    /// <summary>Reads the record at <paramref name="start"/> (a "WARC/" line): a page, damage, or null when skipped and counted.</summary>
    private WarcEntry? ReadRecord(long start)
    {
        var headLength = BufferHead();
        if (headLength == HeadCut)
        {
            Skip(long.MaxValue);
            return new WarcEntry(null, Cut(start, "the input ends inside its WARC header"));
        }

        if (headLength == HeadTooLong)
        {
            var skipped = SkipToRecordLine();
            return new WarcEntry(null, Damage(start, RejectionReasons.WarcBadHeader,
                $"WARC header longer than {_options.MaxHeaderBytes} bytes; {skipped} bytes skipped up to the next 'WARC/' line", skipped));
        }

        var head = ParseHead(Buffered[..headLength]);
        Consume(headLength);
        if (head.Length < 0)
        {
            var skipped = SkipToRecordLine();
            return new WarcEntry(null, Damage(start, RejectionReasons.WarcBadHeader,
                $"WARC header without a valid Content-Length; {headLength + skipped} bytes skipped up to the next 'WARC/' line", headLength + skipped));
        }

        if (head.Kind == RecordKind.Other || head.Length > _options.MaxRecordBytes)
        {
            var skipped = Skip(head.Length);
            if (skipped < head.Length)
            {
                return new WarcEntry(null, Cut(start, $"its Content-Length is {head.Length} bytes but the input ends after {skipped}"));
            }

            Count(head.Kind == RecordKind.Other ? WarcSkipReasons.NotResponse : WarcSkipReasons.TooLarge);
            return null;
        }

        var length = (int)head.Length;
        var block = ArrayPool<byte>.Shared.Rent(Math.Max(1, length));
        try
        {
            var read = ReadBlock(block.AsSpan(0, length));
            if (read < length)
            {
                return new WarcEntry(null, Cut(start, $"its Content-Length is {length} bytes but the input ends after {read}"));
            }

            return ReadPage(start, head, new ArraySegment<byte>(block, 0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(block);
        }
    }

    /// <summary>A response or resource block made into a page, a skip, or damage.</summary>
    private WarcEntry? ReadPage(long start, WarcHead head, ArraySegment<byte> block)
    {
        var (offset, inMember) = Locate(start);
        string? contentType;
        byte[]? body;
        var status = 0;
        if (head.Kind == RecordKind.Resource || !IsHttp(head.Uri, block))
        {
            // The block is the payload, typed by the record's own Content-Type.
            contentType = head.ContentType;
            body = HttpResponseParser.IsHtml(contentType, block) ? block.AsSpan().ToArray() : null;
        }
        else
        {
            if (!HttpResponseParser.TryParseHead(block, _options.MaxHeaderBytes, out var http))
            {
                return new WarcEntry(null, Damage(start, RejectionReasons.WarcBadHttp,
                    $"response record without a readable HTTP status line and head (it starts '{Excerpt(block)}')", block.Count));
            }

            status = http.Status;
            if (_options.OnlyOk && status != 200)
            {
                Count(WarcSkipReasons.NotOk);
                return null;
            }

            contentType = http.ContentType;
            var payload = block[http.BodyStart..];
            if (!HttpResponseParser.IsHtml(contentType, payload))
            {
                Count(WarcSkipReasons.NotHtml);
                return null;
            }

            body = HttpBodyDecoder.Decode(payload, http.Chunked, http.ContentEncoding, _options.MaxRecordBytes);
            if (body is null)
            {
                Count(WarcSkipReasons.TooLarge);
                return null;
            }
        }

        if (body is null)
        {
            Count(WarcSkipReasons.NotHtml);
            return null;
        }

        var page = new WarcRecord(offset, head.Uri, head.Date, status, contentType, body) { OffsetInMember = inMember };
        return new WarcEntry(page, null);
    }

    /// <summary>
    /// The length of the WARC header at the window's start, its empty line included, reading as
    /// needed; <see cref="HeadTooLong"/> or <see cref="HeadCut"/> when there is none within the limit.
    /// </summary>
    private int BufferHead()
    {
        var scanned = 0;
        while (true)
        {
            var length = WarcLines.HeadLength(Buffered, scanned, out scanned);
            if (length >= 0)
            {
                return length <= _options.MaxHeaderBytes ? length : HeadTooLong;
            }

            if (_end - _start >= _options.MaxHeaderBytes)
            {
                return HeadTooLong;
            }

            if (!Fill())
            {
                return HeadCut;
            }
        }
    }

    /// <summary>
    /// The fields of a header. Two passes, the second only for records that may be pages, so that
    /// the many other records cost no string.
    /// </summary>
    private static WarcHead ParseHead(ReadOnlySpan<byte> head)
    {
        var kind = RecordKind.Other;
        long length = -1;
        bool sawType = false, sawLength = false;
        foreach (var (name, value) in WarcLines.Fields(head))
        {
            // The first of a repeated field counts, here and below.
            if (!sawType && Ascii.EqualsIgnoreCase(name, "WARC-Type"u8))
            {
                sawType = true;
                kind = Ascii.EqualsIgnoreCase(value, "response"u8) ? RecordKind.Response
                    : Ascii.EqualsIgnoreCase(value, "resource"u8) ? RecordKind.Resource
                    : RecordKind.Other;
            }
            else if (!sawLength && Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                sawLength = true;
                length = Utf8Parser.TryParse(value, out long n, out var used) && used == value.Length && n >= 0 ? n : -1;
            }
        }

        if (kind == RecordKind.Other || length < 0)
        {
            return new WarcHead(kind, length, null, null, null);
        }

        string? uri = null, date = null, contentType = null;
        foreach (var (name, value) in WarcLines.Fields(head))
        {
            if (uri is null && Ascii.EqualsIgnoreCase(name, "WARC-Target-URI"u8))
            {
                // GNU Wget 1.19 writes "<http://...>", as the WARC 1.0 grammar once read.
                var bare = value.Length > 1 && value[0] == '<' && value[^1] == '>' ? value[1..^1] : value;
                uri = Encoding.Latin1.GetString(bare);
            }
            else if (date is null && Ascii.EqualsIgnoreCase(name, "WARC-Date"u8))
            {
                date = Encoding.Latin1.GetString(value);
            }
            else if (contentType is null && Ascii.EqualsIgnoreCase(name, "Content-Type"u8))
            {
                contentType = Encoding.Latin1.GetString(value);
            }
        }

        return new WarcHead(kind, length, uri, date, contentType);
    }

    /// <summary>Whether a response block holds an HTTP message: an http(s) target (as warcio decides), or a block that starts like one.</summary>
    private static bool IsHttp(string? uri, ReadOnlySpan<byte> block) =>
        uri is not null && (uri.StartsWith("http:", StringComparison.OrdinalIgnoreCase) || uri.StartsWith("https:", StringComparison.OrdinalIgnoreCase))
            ? !block.IsEmpty
            : block.StartsWith("HTTP"u8);

    /// <summary>The block's first bytes, printable ASCII only, for a one-line message.</summary>
    private static string Excerpt(ReadOnlySpan<byte> block)
    {
        var excerpt = block[..Math.Min(block.Length, 40)];
        var chars = new char[excerpt.Length];
        for (var i = 0; i < excerpt.Length; i++)
        {
            chars[i] = excerpt[i] is >= 0x20 and < 0x7F and not (byte)'\'' ? (char)excerpt[i] : '.';
        }

        return new string(chars);
    }
}
