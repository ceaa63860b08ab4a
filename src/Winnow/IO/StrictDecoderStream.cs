using K4os.Compression.LZ4.Streams;
using SharpCompress.Compressors;
using SharpCompress.Compressors.BZip2;
using SharpCompress.Compressors.Xz;
using ZstdSharp;

namespace Winnow.IO;

/// <summary>
/// A zstd, lz4, bzip2 or xz decoder that never mistakes damage for a clean end: input that stops inside a
/// frame, or bytes that do not decode, raise <see cref="InvalidDataException"/> naming the format
/// and the compressed offset, as <see cref="GzipReadStream"/> does for gzip. Concatenated frames
/// (zstd's skippable frames included) read as one stream.
/// </summary>
/// <remarks>Forward-only; not thread-safe.</remarks>
internal sealed class StrictDecoderStream : ForwardReadStream
{
    private const int ReadSize = 64 << 10;
    private readonly Func<Stream> _open;
    private readonly Stream _source;
    private readonly string _format;
    private Stream? _decoder;
    private long _position;
    private bool _failed;

    // The decoder is made at the first read, inside its error handling: bzip2's decodes its first
    // block as it is made, and damage there is damage like any other.
    private StrictDecoderStream(Func<Stream> open, Stream source, string format)
    {
        _open = open;
        _source = source;
        _format = format;
    }

    /// <summary>Compressed bytes consumed so far (as far as the decoder has read ahead).</summary>
    public long CompressedPosition => _source.Position;

    /// <summary>Decompressed bytes returned so far.</summary>
    protected override long ReadPosition => _position;

    /// <summary>
    /// The largest zstd window accepted: 2 GiB (log 31, the format's largest on 64-bit machines),
    /// not the library's default of 128 MiB. Large dumps are compressed with long windows (the Reddit
    /// dumps need <c>zstd --long=31</c> to decode), and a frame over the default was reported as
    /// corrupt. The decoder holds a window of the frame's own size, so memory grows only for such files.
    /// </summary>
    public const int MaxZstdWindowLog = 31;

    /// <summary>Decodes zstd data (RFC 8878): a file, or a pipe's bytes.</summary>
    public static StrictDecoderStream Zstd(Stream compressed)
    {
        var decompressor = new Decompressor();
        decompressor.SetParameter(ZstdSharp.Unsafe.ZSTD_dParameter.ZSTD_d_windowLogMax, MaxZstdWindowLog);
        return new(() => new DecompressionStream(compressed, decompressor, preserveDecompressor: false, leaveOpen: true), compressed, "zstd");
    }

    /// <summary>Decodes LZ4 frames: a file, or a pipe's bytes.</summary>
    public static StrictDecoderStream Lz4(Stream compressed) => new(() => LZ4Stream.Decode(compressed, leaveOpen: true), compressed, "lz4");

    /// <summary>Decodes bzip2 data, streams written one after another (pbzip2, lbzip2) included.</summary>
    public static StrictDecoderStream BZip2(Stream compressed) =>
        new(() => BZip2Stream.Create(compressed, CompressionMode.Decompress, decompressConcatenated: true, leaveOpen: true, tolerateTruncatedStream: false), compressed, "bzip2");

    /// <summary>Decodes xz data.</summary>
    public static StrictDecoderStream Xz(Stream compressed) => new(() => new XZStream(compressed), compressed, "xz");

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
            _decoder ??= _open();
            var n = _decoder.Read(buffer[..Math.Min(buffer.Length, ReadSize)]);
            _position += n;
            return n;
        }
        catch (EndOfStreamException)
        {
            _failed = true;
            throw new InvalidDataException(
                $"{_format} input ends inside a frame; the file is truncated (at compressed byte offset {_source.Position}, after {_position:N0} decompressed bytes)");
        }
        catch (Exception e) when (e is ZstdException or InvalidDataException or InvalidOperationException or ArgumentException or IndexOutOfRangeException
            || e.GetType().Namespace?.StartsWith("SharpCompress", StringComparison.Ordinal) == true)
        {
            // Corrupt frames surface as the decoders' own exceptions; all are one kind of damage here.
            _failed = true;
            throw new InvalidDataException(
                $"{_format} data is corrupt: {e.Message} (near compressed byte offset {_source.Position}, after {_position:N0} decompressed bytes)", e);
        }
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _decoder?.Dispose();
            _source.Dispose();
        }

        base.Dispose(disposing);
    }
}
