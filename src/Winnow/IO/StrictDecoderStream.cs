using K4os.Compression.LZ4.Streams;
using ZstdSharp;

namespace Winnow.IO;

/// <summary>
/// A zstd or lz4 decoder that never mistakes damage for a clean end: input that stops inside a
/// frame, or bytes that do not decode, raise <see cref="InvalidDataException"/> naming the format
/// and the compressed offset, as <see cref="GzipReadStream"/> does for gzip. Concatenated frames
/// (zstd's skippable frames included) read as one stream.
/// </summary>
/// <remarks>Forward-only; not thread-safe.</remarks>
internal sealed class StrictDecoderStream : Stream
{
    private const int ReadSize = 64 << 10;
    private readonly Stream _decoder;
    private readonly FileStream _file;
    private readonly string _format;
    private long _position;
    private bool _failed;

    private StrictDecoderStream(Stream decoder, FileStream file, string format)
    {
        _decoder = decoder;
        _file = file;
        _format = format;
    }

    /// <summary>Compressed bytes consumed so far (as far as the decoder has read ahead).</summary>
    public long CompressedPosition => _file.Position;

    /// <inheritdoc/>
    public override bool CanRead => true;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <summary>Decompressed bytes returned so far; cannot be set.</summary>
    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    /// <summary>Decodes a zstd file (RFC 8878).</summary>
    public static StrictDecoderStream Zstd(FileStream file) => new(new DecompressionStream(file, leaveOpen: true), file, "zstd");

    /// <summary>Decodes an LZ4 frame file.</summary>
    public static StrictDecoderStream Lz4(FileStream file) => new(LZ4Stream.Decode(file, leaveOpen: true), file, "lz4");

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        if (_failed)
        {
            throw new InvalidDataException($"{_format} data is damaged; nothing after the damage can be read");
        }

        try
        {
            // Small reads: a decoder that fills the whole request before returning would lose, with
            // the exception at the damage, everything it decoded in that call.
            var n = _decoder.Read(buffer[..Math.Min(buffer.Length, ReadSize)]);
            _position += n;
            return n;
        }
        catch (EndOfStreamException)
        {
            _failed = true;
            throw new InvalidDataException(
                $"{_format} input ends inside a frame; the file is truncated (at compressed byte offset {_file.Position}, after {_position:N0} decompressed bytes)");
        }
        catch (Exception e) when (e is ZstdException or InvalidDataException or InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // Corrupt frames surface as the decoders' own exceptions; all are one kind of damage here.
            _failed = true;
            throw new InvalidDataException(
                $"{_format} data is corrupt: {e.Message} (near compressed byte offset {_file.Position}, after {_position:N0} decompressed bytes)", e);
        }
    }

    /// <inheritdoc/>
    public override void Flush()
    {
    }

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _decoder.Dispose();
            _file.Dispose();
        }

        base.Dispose(disposing);
    }
}
