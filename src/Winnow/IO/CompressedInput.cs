using System.Buffers.Binary;

namespace Winnow.IO;

/// <summary>Opens input files whether or not they are compressed (gzip, zstd, lz4, bzip2, xz), so readers need not care.</summary>
/// <remarks>Stateless and thread-safe; each returned stream belongs to its caller.</remarks>
public static class CompressedInput
{
    private const int FileBufferSize = 64 * 1024;

    /// <summary>
    /// Opens <paramref name="path"/> for forward reading, decompressing by the file's magic bytes
    /// whatever its name: a <see cref="GzipReadStream"/> for 1f 8b, a <see cref="StrictDecoderStream"/>
    /// for zstd, lz4, bzip2 and xz, else the file itself. A named pipe is read once, as
    /// <see cref="OpenForward(Stream)"/> reads it. Damaged compressed data (cut short, corrupt)
    /// raises <see cref="InvalidDataException"/> from the stream's reads, never a quiet end.
    /// </summary>
    /// <param name="path">The file to open.</param>
    /// <returns>A readable stream the caller must dispose.</returns>
    public static Stream Open(string path)
    {
        var file = FileSystemNode.OpenRead(path, FileBufferSize, FileOptions.SequentialScan);
        try
        {
            if (!file.CanSeek)
            {
                return OpenForward(file);
            }

            Span<byte> magic = stackalloc byte[4];
            var n = RandomAccess.Read(file.SafeFileHandle, magic, 0);
            return Decoding(Detect(magic[..n]), file);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>
    /// <paramref name="forward"/> (a pipe, standard input: read once, from its start), decompressed
    /// by its magic bytes as <see cref="Open"/> does: its first bytes are read, then handed out
    /// again ahead of the rest. Disposing the result disposes <paramref name="forward"/>.
    /// </summary>
    internal static Stream OpenForward(Stream forward) => OpenForward(forward, 0, out _);

    /// <summary>
    /// As <see cref="OpenForward(Stream)"/>, and the first <paramref name="count"/> bytes the result will give
    /// (fewer when it gives fewer), found without reading them from it: the start of the input is
    /// buffered (up to 64 KiB) and decoded on the side. The result is the decoder itself (a
    /// <see cref="GzipReadStream"/> for gzip), so a WARC reader still sees where gzip members start.
    /// </summary>
    internal static Stream OpenForward(Stream forward, int count, out byte[] head)
    {
        var start = new byte[Math.Max(SniffBytes, count)];
        var n = forward.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        var compression = Detect(start.AsSpan(0, Math.Min(n, 4)));
        head = [];
        if (count > 0)
        {
            try
            {
                using var side = Decoding(compression, new MemoryStream(start, 0, n, writable: false));
                var first = new byte[count];
                head = first[..side.ReadAtLeast(first, count, throwOnEndOfStream: false)];
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                // Damage this early is reported by the reader of the real stream.
            }
        }

        return Decoding(compression, new PrefixedStream(start, n, forward));
    }

    /// <summary>Bytes of the input buffered to decode its first ones on the side: a compressed header and a first block fit.</summary>
    private const int SniffBytes = 64 << 10;

    private static Stream Decoding(Compression compression, Stream source) => compression switch
    {
        Compression.Gzip => new GzipReadStream(source),
        Compression.Zstd => StrictDecoderStream.Zstd(source),
        Compression.Lz4 => StrictDecoderStream.Lz4(source),
        Compression.BZip2 => StrictDecoderStream.BZip2(source),
        Compression.Xz => StrictDecoderStream.Xz(source),
        _ => source,
    };

    /// <summary>Whether <paramref name="header"/> starts with the gzip magic bytes.</summary>
    /// <param name="header">The first bytes of a file.</param>
    /// <returns><see langword="true"/> for 1f 8b.</returns>
    public static bool IsGzip(ReadOnlySpan<byte> header) => header.Length >= 2 && header[0] == 0x1F && header[1] == 0x8B;

    /// <summary>The compression of a file that starts with <paramref name="header"/> (its first four bytes or fewer).</summary>
    public static Compression Detect(ReadOnlySpan<byte> header)
    {
        if (IsGzip(header))
        {
            return Compression.Gzip;
        }

        if (header.Length < 4)
        {
            return Compression.None;
        }

        // RFC 8878 section 3.1.1: the frame magic 0xFD2FB528, or a skippable frame 0x184D2A5?,
        // little-endian. The LZ4 frame format: 0x184D2204. bzip2: "BZh" and the block size, 1-9.
        // xz: FD 37 7A 58 5A 00, of which the first four are enough here.
        var magic = BinaryPrimitives.ReadUInt32LittleEndian(header);
        return magic == 0xFD2FB528 || (magic & 0xFFFFFFF0) == 0x184D2A50 ? Compression.Zstd
            : magic == 0x184D2204 ? Compression.Lz4
            : header.StartsWith("BZh"u8) && header[3] is >= (byte)'1' and <= (byte)'9' ? Compression.BZip2
            : header.StartsWith((ReadOnlySpan<byte>)[0xFD, (byte)'7', (byte)'z', (byte)'X']) ? Compression.Xz
            : Compression.None;
    }

    /// <summary>Whether the file at <paramref name="path"/> is compressed (so it cannot be cut at byte offsets).</summary>
    public static bool IsCompressed(string path)
    {
        using var file = FileSystemNode.OpenRead(path, 1);
        Span<byte> magic = stackalloc byte[4];
        int n = RandomAccess.Read(file.SafeFileHandle, magic, 0);
        return Detect(magic[..n]) != Compression.None;
    }
}
