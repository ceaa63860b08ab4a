using System.Buffers;
using System.Buffers.Text;
using System.Text;
using Winnow.Documents;

namespace Winnow.Warc;

/// <summary>
/// ARC files, the Internet Archive's format before WARC (ARC file format 1.0 and its version 2):
/// a "filedesc://" record that describes the file, then records of one header line
/// (<c>URL IP-address Archive-date Content-type Archive-length</c>; version 2 has ten fields:
/// URL IP-address Archive-date Content-type Result-code Checksum Location Offset Filename
/// Archive-length) and Archive-length bytes of content: for http(s) URLs the HTTP response, read
/// as a WARC response record's block is.
/// </summary>
public sealed partial class WarcReader
{
    /// <summary>The records of an ARC file, from its "filedesc://" line to the end.</summary>
    private IEnumerable<WarcEntry> ReadArc()
    {
        var version = 1;
        var first = true;
        while (SkipBlanks())
        {
            var start = _position;
            var lineLength = BufferLine();
            if (lineLength < 0)
            {
                var skipped = Skip(_options.MaxHeaderBytes);
                yield return new WarcEntry(null, Damage(start, RejectionReasons.WarcBadHeader,
                    $"ARC record header line longer than {_options.MaxHeaderBytes} bytes; {skipped} bytes skipped", skipped));
                continue;
            }

            var line = Buffered[..lineLength].TrimEnd("\r\n"u8);
            var fields = first && line.StartsWith("filedesc://"u8) ? 5 : version == 2 ? 10 : 5;
            if (!TryParseArcHeader(line, fields, out var header))
            {
                yield return new WarcEntry(null, Damage(start, RejectionReasons.WarcBadHeader,
                    $"ARC record header without a valid length (the line '{Excerpt(line)}'); reading goes on at the next line", lineLength));
                Consume(lineLength);
                first = false;
                continue;
            }

            Consume(lineLength);
            if (header.Length > _options.MaxRecordBytes || (first && header.Length > _options.MaxHeaderBytes))
            {
                var skipped = Skip(header.Length);
                if (skipped < header.Length)
                {
                    yield return new WarcEntry(null, Cut(start, $"its Archive-length is {header.Length} bytes but the input ends after {skipped}"));
                }
                else
                {
                    Count(first ? WarcSkipReasons.NotResponse : WarcSkipReasons.TooLarge);
                }

                first = false;
                continue;
            }

            var length = (int)header.Length;
            var block = ArrayPool<byte>.Shared.Rent(Math.Max(1, length));
            try
            {
                var read = ReadBlock(block.AsSpan(0, length));
                if (read < length)
                {
                    yield return new WarcEntry(null, Cut(start, $"its Archive-length is {length} bytes but the input ends after {read}"));
                    continue;
                }

                if (first)
                {
                    // The file's description: its first line's first field is the ARC version.
                    first = false;
                    version = block.AsSpan(0, length).StartsWith("2 "u8) ? 2 : 1;
                    Count(WarcSkipReasons.NotResponse);
                    continue;
                }

                var head = new WarcHead(RecordKind.Response, length, header.Url, header.Date, header.ContentType);
                if (ReadPage(start, head, new ArraySegment<byte>(block, 0, length)) is { } entry)
                {
                    yield return entry;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(block);
            }
        }
    }

    /// <summary>The fields of an ARC record header that the reader uses.</summary>
    private readonly record struct ArcHeader(string Url, string Date, string ContentType, long Length);

    /// <summary>
    /// Parses a header line of <paramref name="count"/> fields. The URL may hold spaces (some
    /// crawlers wrote them unescaped), so fields are counted from the end of the line.
    /// </summary>
    private static bool TryParseArcHeader(ReadOnlySpan<byte> line, int count, out ArcHeader header)
    {
        header = default;
        Span<Range> ranges = stackalloc Range[64];
        var found = 0;
        for (var i = 0; i < line.Length && found < ranges.Length;)
        {
            var at = line[i..].IndexOfAnyExcept((byte)' ');
            if (at < 0)
            {
                break;
            }

            var from = i + at;
            var space = line[from..].IndexOf((byte)' ');
            var to = space < 0 ? line.Length : from + space;
            ranges[found++] = new Range(from, to);
            i = to;
        }

        if (found < count || found == ranges.Length)
        {
            return false;
        }

        var length = line[ranges[found - 1]];
        if (!Utf8Parser.TryParse(length, out long n, out var used) || used != length.Length || n < 0)
        {
            return false;
        }

        var urlEnd = ranges[found - count + 1].Start.Value;
        var url = line[..urlEnd].TrimEnd((byte)' ');
        header = new ArcHeader(
            Encoding.Latin1.GetString(url),
            Encoding.Latin1.GetString(line[ranges[found - count + 2]]),
            Encoding.Latin1.GetString(line[ranges[found - count + 3]]),
            n);
        return true;
    }

    /// <summary>The length of the line at the window's start, its line end included, or -1 when none ends within the header limit.</summary>
    private int BufferLine()
    {
        while (true)
        {
            var newline = Buffered[..Math.Min(Buffered.Length, _options.MaxHeaderBytes)].IndexOf((byte)'\n');
            if (newline >= 0)
            {
                return newline + 1;
            }

            if (_end - _start >= _options.MaxHeaderBytes)
            {
                return -1;
            }

            if (!Fill())
            {
                // The last line of the input, without its line end.
                return _end - _start;
            }
        }
    }
}
