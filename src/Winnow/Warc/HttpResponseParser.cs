using System.IO.Compression;
using System.Text;

namespace Winnow.Warc;

/// <summary>
/// Parses the HTTP/1.x response in a WARC response block: status line, headers, chunked
/// transfer coding, and gzip, deflate or brotli content coding, with the decoded size capped.
/// </summary>
internal static class HttpResponseParser
{
    public static (WarcRecord? Record, string? Reason) Parse(byte[] block, long offset, string? uri, string? date, WarcReaderOptions options)
    {
        var span = block.AsSpan();
        var headEnd = span[..Math.Min(span.Length, options.MaxHeaderBytes)].IndexOf("\r\n\r\n"u8);
        var separator = 4;
        if (headEnd < 0)
        {
            headEnd = span[..Math.Min(span.Length, options.MaxHeaderBytes)].IndexOf("\n\n"u8);
            separator = 2;
        }

        if (headEnd < 0 || !span.StartsWith("HTTP/"u8))
        {
            return (null, WarcSkipReasons.BadHttp);
        }

        var lines = Encoding.Latin1.GetString(span[..headEnd]).Split('\n');
        var status = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (status.Length < 2 || !int.TryParse(status[1], out var code))
        {
            return (null, WarcSkipReasons.BadHttp);
        }

        if (options.OnlyOk && code != 200)
        {
            return (null, WarcSkipReasons.NotOk);
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers.TryAdd(line[..colon].Trim(), line[(colon + 1)..].Trim());
            }
        }

        var body = block.AsSpan(headEnd + separator).ToArray();
        var contentType = headers.GetValueOrDefault("Content-Type");
        if (!IsHtml(contentType, body))
        {
            return (null, WarcSkipReasons.NotHtml);
        }

        if (headers.GetValueOrDefault("Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true)
        {
            body = Dechunk(body);
            if (body.Length == 0)
            {
                return (null, WarcSkipReasons.BadHttp);
            }
        }

        var encoding = headers.GetValueOrDefault("Content-Encoding")?.Trim().ToLowerInvariant();
        if (encoding is "gzip" or "x-gzip" or "deflate" or "br")
        {
            try
            {
                var decoded = Decompress(body, encoding, options.MaxRecordBytes);
                if (decoded is null)
                {
                    return (null, WarcSkipReasons.TooLarge);
                }

                body = decoded;
            }
            catch (InvalidDataException)
            {
                return (null, WarcSkipReasons.BadHttp);
            }
        }

        return (new WarcRecord(offset, uri, date, code, contentType, body), null);
    }

    private static bool IsHtml(string? contentType, byte[] body)
    {
        if (contentType is not null)
        {
            return contentType.Contains("html", StringComparison.OrdinalIgnoreCase);
        }

        var head = Encoding.Latin1.GetString(body, 0, Math.Min(body.Length, 512)).TrimStart();
        return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The body with chunked framing removed, or empty when the framing is broken.</summary>
    private static byte[] Dechunk(byte[] body)
    {
        using var output = new MemoryStream();
        var at = 0;
        while (at < body.Length)
        {
            var eol = body.AsSpan(at).IndexOf((byte)'\n');
            if (eol < 0)
            {
                return [];
            }

            var sizeText = Encoding.Latin1.GetString(body, at, eol).Split(';')[0].Trim();
            if (!int.TryParse(sizeText, System.Globalization.NumberStyles.HexNumber, null, out var size) || size < 0)
            {
                return [];
            }

            at += eol + 1;
            if (size == 0)
            {
                return output.ToArray();
            }

            if (size > body.Length - at)
            {
                return [];
            }

            output.Write(body, at, size);
            at += size;
            while (at < body.Length && body[at] is (byte)'\r' or (byte)'\n')
            {
                at++;
            }
        }

        return output.ToArray();
    }

    /// <summary>Decoded bytes, or null when they would exceed <paramref name="max"/> (a compression bomb).</summary>
    private static byte[]? Decompress(byte[] body, string encoding, int max)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = encoding switch
        {
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            "deflate" => body.Length > 1 && (body[0] & 0x0F) == 8 ? new ZLibStream(input, CompressionMode.Decompress) : new DeflateStream(input, CompressionMode.Decompress),
            _ => new GZipStream(input, CompressionMode.Decompress),
        };
        using var output = new MemoryStream();
        var chunk = new byte[1 << 16];
        int read;
        while ((read = decoder.Read(chunk)) > 0)
        {
            if (output.Length + read > max)
            {
                return null;
            }

            output.Write(chunk, 0, read);
        }

        return output.ToArray();
    }
}
