using System.Buffers;
using System.Globalization;
using System.IO.Compression;

namespace Winnow.Warc;

/// <summary>
/// Undoes the chunked transfer coding (RFC 9112 section 7.1) and the gzip, deflate or brotli content
/// coding of an HTTP body, with the decoded size capped. Crawlers often store a body already
/// decoded under its original headers, so a coding that does not fit the bytes is not an error:
/// from where it fails, the body is kept as stored.
/// </summary>
internal static class HttpBodyDecoder
{
    /// <summary>The decoded body, or null when it would exceed <paramref name="max"/> bytes (a compression bomb).</summary>
    public static byte[]? Decode(ArraySegment<byte> body, bool chunked, string? contentEncoding, int max)
    {
        byte[]? dechunked = null;
        try
        {
            if (chunked)
            {
                dechunked = ArrayPool<byte>.Shared.Rent(Math.Max(1, body.Count));
                body = new ArraySegment<byte>(dechunked, 0, Dechunk(body, dechunked));
            }

            var encoding = contentEncoding switch
            {
                "gzip" or "x-gzip" => "gzip",
                "deflate" or "br" => contentEncoding,
                _ => null,
            };
            if (encoding is not null && body.Count > 0)
            {
                var decoded = Decompress(body, encoding, max, out var tooLarge);
                if (tooLarge)
                {
                    return null;
                }

                if (decoded is not null)
                {
                    return decoded;
                }
            }

            return body.Count > max ? null : body.AsSpan().ToArray();
        }
        finally
        {
            if (dechunked is not null)
            {
                ArrayPool<byte>.Shared.Return(dechunked);
            }
        }
    }

    /// <summary>
    /// Writes the chunks' data to <paramref name="output"/> (at least as long as the body) and returns
    /// its length. Where a chunk-size line is not one, the rest is kept as stored: all of the body when
    /// it is the first (a stale Transfer-Encoding over a de-chunked body). A chunk cut short keeps
    /// what it has.
    /// </summary>
    internal static int Dechunk(ReadOnlySpan<byte> body, Span<byte> output)
    {
        var at = 0;
        var written = 0;
        while (at < body.Length)
        {
            var rest = body[at..];
            var newline = rest.IndexOf((byte)'\n');
            if (newline < 0 || !TryParseChunkSize(rest[..newline], out var size))
            {
                rest.CopyTo(output[written..]);
                return written + rest.Length;
            }

            at += newline + 1;
            if (size == 0)
            {
                break;
            }

            var take = (int)Math.Min(size, body.Length - at);
            body.Slice(at, take).CopyTo(output[written..]);
            written += take;
            at += take;
            if (at < body.Length && body[at] == '\r')
            {
                at++;
            }

            if (at < body.Length && body[at] == '\n')
            {
                at++;
            }
        }

        return written;
    }

    /// <summary>"1a2f", "1a2f;name=value": hex digits, at most 15 of them (a chunk is never near 2^60 bytes).</summary>
    private static bool TryParseChunkSize(ReadOnlySpan<byte> line, out long size)
    {
        var semicolon = line.IndexOf((byte)';');
        var digits = (semicolon < 0 ? line : line[..semicolon]).Trim(" \t\r"u8);
        size = 0;
        return digits.Length is > 0 and <= 15
            && long.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out size);
    }

    /// <summary>
    /// The decoded bytes; those decoded before an error when there are any (a body cut short), or null
    /// when the bytes do not decode at all (a stale Content-Encoding).
    /// </summary>
    private static byte[]? Decompress(ArraySegment<byte> body, string encoding, int max, out bool tooLarge)
    {
        tooLarge = false;
        using var input = new MemoryStream(body.Array!, body.Offset, body.Count, writable: false);
        using Stream decoder = encoding switch
        {
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            "deflate" => HasZlibHeader(body) ? new ZLibStream(input, CompressionMode.Decompress) : new DeflateStream(input, CompressionMode.Decompress),
            _ => new GZipStream(input, CompressionMode.Decompress),
        };
        using var output = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            int read;
            while ((read = decoder.Read(chunk)) > 0)
            {
                if (output.Length + read > max)
                {
                    tooLarge = true;
                    return null;
                }

                output.Write(chunk, 0, read);
            }
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException)
        {
            // Falls through: what was decoded, if anything.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return output.Length == 0 ? null : output.ToArray();
    }

    /// <summary>RFC 1950 section 2.2: method 8 and a header that is a multiple of 31.</summary>
    private static bool HasZlibHeader(ReadOnlySpan<byte> body) =>
        body.Length > 1 && (body[0] & 0x0F) == 8 && ((body[0] << 8) | body[1]) % 31 == 0;
}
