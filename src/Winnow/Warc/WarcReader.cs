using Winnow.Documents;
using Winnow.IO;

namespace Winnow.Warc;

/// <summary>
/// Reads the HTML pages of a WARC file (ISO 28500; WARC/1.1, 1.0 and the older 0.17 and 0.18), plain
/// or gzipped, one member per record or not: response records with an HTML HTTP Content-Type and
/// resource records with an HTML record Content-Type. Other records are skipped and counted by
/// reason (<see cref="Skipped"/>); damage (records cut short, broken headers, bytes between records,
/// a file that is empty or not WARC) is yielded as <see cref="WarcDamage"/>, so every byte is either
/// read, skipped by count, or reported.
/// </summary>
/// <remarks>
/// <para>As lenient as the files crawlers write: records are delimited by Content-Length, and after a
/// wrong one reading resumes at the next line that starts with "WARC/"; HTTP heads end at the first
/// empty line whatever the line ends; a Transfer-Encoding or Content-Encoding that does not fit the
/// stored body leaves it as stored.</para>
/// <para>Memory is bounded by <see cref="WarcReaderOptions.MaxRecordBytes"/>: larger blocks are
/// skipped unread, and decoding stops at that size. Every loop consumes input, so any bytes end.
/// Not thread-safe: one reader per file and thread.</para>
/// </remarks>
public sealed partial class WarcReader : IDisposable
{
    private readonly Stream _stream;
    private readonly GzipReadStream? _gzip;
    private readonly WarcReaderOptions _options;
    private readonly byte[] _buffer;
    private readonly List<(long Start, long Member)> _members = [];
    private readonly Dictionary<string, long> _skipped = new(StringComparer.Ordinal);
    private int _start;
    private int _end;
    private long _position;
    private bool _inputEnded;
    private string? _inputError;
    private bool _inputErrorReported;

    /// <summary>Reads from <paramref name="stream"/>: raw WARC bytes, or a <see cref="GzipReadStream"/> for record offsets of .warc.gz.</summary>
    public WarcReader(Stream stream, WarcReaderOptions options = default)
    {
        _stream = stream;
        _gzip = stream as GzipReadStream;
        _options = options == default ? new WarcReaderOptions() : options;
        _buffer = new byte[Math.Max(64 << 10, _options.MaxHeaderBytes + 1)];
    }

    /// <summary>Opens a .warc or .warc.gz file (gzip is recognised by its magic bytes).</summary>
    public static WarcReader Open(string path, WarcReaderOptions options = default) => new(CompressedInput.Open(path), options);

    /// <summary>Records skipped so far, by reason (see <see cref="WarcSkipReasons"/>).</summary>
    public IReadOnlyDictionary<string, long> Skipped => _skipped;

    /// <summary>The HTML pages and the damage, in file order.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public IEnumerable<WarcEntry> Read()
    {
        var records = 0L;
        var damaged = false;
        while (SkipBlanks())
        {
            var start = _position;
            if (!StartsWith("WARC/"u8))
            {
                if (records == 0 && !damaged && StartsWith("filedesc://"u8))
                {
                    // A later issue adds ARC; until then it is said, not read as garbage.
                    yield return new WarcEntry(null, Damage(start, RejectionReasons.UnsupportedFormat,
                        "an ARC file (it starts with 'filedesc://'): Winnow reads WARC only; convert it to WARC first", Skip(long.MaxValue)));
                    damaged = true;
                    continue;
                }

                var stray = SkipToRecordLine();
                yield return new WarcEntry(null, Damage(start, RejectionReasons.WarcStrayBytes, StrayMessage(stray, records), stray));
                damaged = true;
                continue;
            }

            records++;
            if (ReadRecord(start) is { } entry)
            {
                damaged |= entry.Damage is not null;
                yield return entry;
            }
        }

        if (_inputError is not null && !_inputErrorReported)
        {
            _inputErrorReported = true;
            yield return new WarcEntry(null, Damage(_position, RejectionReasons.CorruptCompression,
                $"corrupt or truncated compressed data ({_inputError}); the rest of the file is skipped", 0));
        }
        else if (records == 0 && !damaged)
        {
            var what = _position == 0 ? "empty file: no WARC records" : "no WARC records: the file holds only blank lines";
            yield return new WarcEntry(null, Damage(0, RejectionReasons.EmptyFile, what, _position));
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _stream.Dispose();

    private bool StartsWith(ReadOnlySpan<byte> prefix)
    {
        Ensure(prefix.Length);
        return Buffered.StartsWith(prefix);
    }

    private void Count(string reason) => _skipped[reason] = _skipped.GetValueOrDefault(reason) + 1;

    private WarcDamage Damage(long position, string reason, string message, long bytes)
    {
        var (offset, inMember) = Locate(position);
        return new WarcDamage(offset, reason, message, bytes) { OffsetInMember = inMember };
    }

    /// <summary>Damage for a record that ends early, at the end of the input or at damaged gzip data.</summary>
    private WarcDamage Cut(long start, string what)
    {
        if (_inputError is null)
        {
            return Damage(start, RejectionReasons.WarcTruncatedRecord, $"record cut short: {what} (a truncated file)", _position - start);
        }

        _inputErrorReported = true;
        return Damage(start, RejectionReasons.CorruptCompression,
            $"record cut short by corrupt or truncated compressed data ({_inputError}); the rest of the file is skipped", _position - start);
    }

    private static string StrayMessage(long bytes, long records) => records > 0
        ? $"{bytes} bytes that belong to no WARC record skipped up to the next 'WARC/' line (the Content-Length of the record before is likely wrong)"
        : $"{bytes} bytes before the first WARC record skipped: not a WARC file, or its start is damaged";
}
