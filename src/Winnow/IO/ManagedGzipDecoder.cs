using System.Buffers.Binary;
using System.IO.Compression;
using Winnow.Hashing;

namespace Winnow.IO;

/// <summary>
/// Fallback for machines without a loadable zlib: GZipStream plus a check of the final trailer,
/// because GZipStream reports a truncated file as a normal end of stream.
/// </summary>
/// <remarks>
/// GZipStream hides member boundaries, so only the last trailer can be compared, and only against
/// the whole output: a match proves a clean end; a claimed length above the output, or the right
/// length with the wrong CRC, proves damage; a shorter claimed length is taken as a multi-member
/// file and accepted unverified. Member offsets are not tracked: the whole input counts as member 0.
/// </remarks>
internal sealed class ManagedGzipDecoder : IGzipDecoder
{
    // 10-byte header, 2-byte empty final block, 8-byte trailer.
    private const int SmallestMember = 20;

    private readonly TailTrackingStream _tracked;
    private readonly GZipStream _gzip;
    private uint _crc;
    private long _length;
    private bool _finished;

    public ManagedGzipDecoder(Stream input, int inputBufferSize)
    {
        _tracked = new TailTrackingStream(new BufferedStream(input, inputBufferSize));
        _gzip = new GZipStream(_tracked, CompressionMode.Decompress, leaveOpen: true);
    }

    public long MemberStartOffset => 0;

    public long MemberIndex => _tracked.Consumed > 0 ? 0 : -1;

    public long CompressedPosition => _tracked.Consumed;

    public Action<GzipMember>? MemberEnded { get; set; }

    public int Read(Span<byte> buffer)
    {
        if (_finished || buffer.IsEmpty)
        {
            return 0;
        }

        int n;
        try
        {
            n = _gzip.Read(buffer);
        }
        catch (InvalidDataException ex)
        {
            throw GzipErrors.Create($"corrupt gzip data: {ex.Message}", _tracked.Consumed, ex);
        }

        if (n > 0)
        {
            _crc = Crc32.Append(_crc, buffer[..n]);
            _length += n;
            return n;
        }

        _finished = true;
        VerifyTrailer();
        MemberEnded?.Invoke(new GzipMember(0, 0, _tracked.Consumed, _length));
        return 0;
    }

    public void Dispose() => _gzip.Dispose();

    private void VerifyTrailer()
    {
        long inputLength = _tracked.Consumed;
        if (inputLength == 0)
        {
            throw GzipErrors.Empty();
        }

        if (inputLength < SmallestMember)
        {
            throw GzipErrors.Truncated(inputLength, 0);
        }

        uint crc = BinaryPrimitives.ReadUInt32LittleEndian(_tracked.Tail);
        uint size = BinaryPrimitives.ReadUInt32LittleEndian(_tracked.Tail[4..]);
        bool lengthMatches = size == (uint)_length;
        if (lengthMatches && crc == _crc)
        {
            return;
        }

        if (lengthMatches || (_length <= uint.MaxValue && size > _length))
        {
            throw GzipErrors.Create(
                "gzip input does not end with a valid trailer for its data; the file is truncated or corrupt",
                inputLength);
        }
    }
}
