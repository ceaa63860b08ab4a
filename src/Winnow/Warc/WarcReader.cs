using System.Text;
using Winnow.IO;

namespace Winnow.Warc;

/// <summary>
/// Reads HTML responses from a WARC/1.0 or WARC/1.1 file, plain or gzipped (one member per record
/// or not). Records are delimited by Content-Length; other record types, non-200 and non-HTML
/// responses, oversized or undecodable ones are skipped and counted by reason.
/// </summary>
/// <remarks>
/// Memory is bounded by <see cref="WarcReaderOptions.MaxRecordBytes"/>: larger blocks are skipped
/// unread, and decoding stops at that size. Not thread-safe: one reader per file and thread.
/// </remarks>
public sealed class WarcReader : IDisposable
{
    private readonly Stream _stream;
    private readonly GzipReadStream? _gzip;
    private readonly WarcReaderOptions _options;
    private readonly byte[] _buffer = new byte[64 << 10];
    private readonly List<(long Start, long Member)> _members = [];
    private readonly Dictionary<string, long> _skipped = new(StringComparer.Ordinal);
    private int _start;
    private int _end;
    private long _position;

    /// <summary>Reads from <paramref name="stream"/>: raw WARC bytes, or a <see cref="GzipReadStream"/> for record offsets of .warc.gz.</summary>
    public WarcReader(Stream stream, WarcReaderOptions options = default)
    {
        _stream = stream;
        _gzip = stream as GzipReadStream;
        _options = options == default ? new WarcReaderOptions() : options;
    }

    /// <summary>Opens a .warc or .warc.gz file (gzip is recognised by its magic bytes).</summary>
    public static WarcReader Open(string path, WarcReaderOptions options = default) => new(CompressedInput.Open(path), options);

    /// <summary>Records skipped so far, by reason (see <see cref="WarcSkipReasons"/>).</summary>
    public IReadOnlyDictionary<string, long> Skipped => _skipped;

    /// <summary>The HTML responses, in file order.</summary>
    /// <exception cref="InvalidDataException">Corrupt or truncated gzip data.</exception>
    public IEnumerable<WarcRecord> ReadRecords()
    {
        while (true)
        {
            var line = ReadLine(out var lineStart);
            while (line is not null && line.Length == 0)
            {
                line = ReadLine(out lineStart);
            }

            if (line is null)
            {
                yield break;
            }

            if (!line.StartsWith("WARC/", StringComparison.Ordinal))
            {
                // Not at a record: count once and look for the next one.
                Count(WarcSkipReasons.BadRecord);
                continue;
            }

            var headers = ReadHeaders();
            if (headers is null || !long.TryParse(headers.GetValueOrDefault("content-length"), out var length) || length < 0)
            {
                Count(WarcSkipReasons.BadRecord);
                continue;
            }

            var offset = OffsetOf(lineStart);
            if (!string.Equals(headers.GetValueOrDefault("warc-type"), "response", StringComparison.OrdinalIgnoreCase))
            {
                Count(WarcSkipReasons.NotResponse);
                Skip(length);
                continue;
            }

            if (length > _options.MaxRecordBytes)
            {
                Count(WarcSkipReasons.TooLarge);
                Skip(length);
                continue;
            }

            var block = ReadBlock((int)length);
            var (record, reason) = HttpResponseParser.Parse(block, offset, headers.GetValueOrDefault("warc-target-uri"),
                headers.GetValueOrDefault("warc-date"), _options);
            if (record is null)
            {
                Count(reason!);
                continue;
            }

            yield return record;
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _stream.Dispose();

    private void Count(string reason) => _skipped[reason] = _skipped.GetValueOrDefault(reason) + 1;

    private Dictionary<string, string>? ReadHeaders()
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var total = 0;
        while (ReadLine(out _) is { } line)
        {
            if (line.Length == 0)
            {
                return headers;
            }

            total += line.Length;
            if (total > _options.MaxHeaderBytes)
            {
                return null;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers.TryAdd(line[..colon].Trim().ToLowerInvariant(), line[(colon + 1)..].Trim());
            }
        }

        return null;
    }

    /// <summary>The record offset for an uncompressed position: the start of its gzip member when gzipped.</summary>
    private long OffsetOf(long position)
    {
        if (_gzip is null)
        {
            return position;
        }

        var member = 0L;
        foreach (var (start, m) in _members)
        {
            if (start > position)
            {
                break;
            }

            member = m;
        }

        // Older segments can no longer be asked for: records are read forward.
        var keep = _members.FindLastIndex(s => s.Start <= position);
        if (keep > 0)
        {
            _members.RemoveRange(0, keep);
        }

        return member;
    }

    private bool Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            return true;
        }

        var at = _position + _end;
        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read <= 0)
        {
            return false;
        }

        if (_gzip is not null && (_members.Count == 0 || _members[^1].Member != _gzip.MemberStartOffset))
        {
            _members.Add((at, _gzip.MemberStartOffset));
        }

        _end += read;
        return true;
    }

    /// <summary>One line without its CR LF (Latin-1 decoded: WARC headers are ASCII), or null at the end.</summary>
    private string? ReadLine(out long lineStart)
    {
        lineStart = _position;
        var scanned = 0;
        while (true)
        {
            var newline = _buffer.AsSpan(_start + scanned, _end - _start - scanned).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var length = scanned + newline;
                var text = Encoding.Latin1.GetString(_buffer, _start, length).TrimEnd('\r');
                Consume(length + 1);
                return text;
            }

            scanned = _end - _start;
            if (scanned >= _options.MaxHeaderBytes || !Fill())
            {
                if (_end == _start)
                {
                    return null;
                }

                var rest = Encoding.Latin1.GetString(_buffer, _start, _end - _start);
                Consume(_end - _start);
                return rest;
            }

            lineStart = _position;
        }
    }

    private void Consume(int count)
    {
        _start += count;
        _position += count;
    }

    private void Skip(long count)
    {
        while (count > 0)
        {
            if (_start == _end && !Fill())
            {
                return;
            }

            var take = (int)Math.Min(count, _end - _start);
            Consume(take);
            count -= take;
        }
    }

    private byte[] ReadBlock(int length)
    {
        var block = new byte[length];
        var done = 0;
        while (done < length)
        {
            if (_start == _end && !Fill())
            {
                return block[..done];
            }

            var take = Math.Min(length - done, _end - _start);
            _buffer.AsSpan(_start, take).CopyTo(block.AsSpan(done));
            Consume(take);
            done += take;
        }

        return block;
    }
}
