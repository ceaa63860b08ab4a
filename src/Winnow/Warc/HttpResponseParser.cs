using System.Buffers.Text;
using System.Text;

namespace Winnow.Warc;

/// <summary>
/// Reads the head of the HTTP/1.x response in a WARC response block (RFC 9112 section 2: status
/// line, fields, an empty line), as leniently as crawlers write it: the head ends at the first
/// empty line whatever its line ends (CRLF, bare LF, CR CR LF), the protocol token is not checked,
/// and a head without its empty line is the whole block.
/// </summary>
internal static class HttpResponseParser
{
    /// <summary>False when the block does not start with a status line that has a code, or its head is over <paramref name="maxHeaderBytes"/>.</summary>
    public static bool TryParseHead(ReadOnlySpan<byte> block, int maxHeaderBytes, out HttpHead head)
    {
        head = default;
        var limit = block[..Math.Min(block.Length, maxHeaderBytes)];
        var headLength = WarcLines.HeadLength(limit);
        if (headLength < 0)
        {
            if (block.Length > maxHeaderBytes)
            {
                return false;
            }

            // A head with no empty line after it (a response without a body, cut after its fields).
            headLength = block.Length;
        }

        var statusLine = block[..headLength];
        if (!TryReadStatus(WarcLines.NextLine(ref statusLine), out var status))
        {
            return false;
        }

        string? contentType = null, contentEncoding = null;
        var chunked = false;
        foreach (var (name, value) in WarcLines.Fields(block[..headLength]))
        {
            // The first of a repeated field counts; every Transfer-Encoding is looked at.
            if (contentType is null && Ascii.EqualsIgnoreCase(name, "Content-Type"u8))
            {
                contentType = Encoding.Latin1.GetString(value);
            }
            else if (contentEncoding is null && Ascii.EqualsIgnoreCase(name, "Content-Encoding"u8))
            {
                contentEncoding = Encoding.Latin1.GetString(value).ToLowerInvariant();
            }
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
            {
                chunked |= ContainsIgnoreCase(value, "chunked"u8);
            }
        }

        head = new HttpHead(status, contentType, chunked, contentEncoding, headLength);
        return true;
    }

    /// <summary>Whether a content type, or for want of one the start of the body, says HTML.</summary>
    public static bool IsHtml(string? contentType, ReadOnlySpan<byte> body)
    {
        if (!string.IsNullOrWhiteSpace(contentType))
        {
            return contentType.Contains("html", StringComparison.OrdinalIgnoreCase);
        }

        var start = body[..Math.Min(body.Length, 512)].TrimStart(" \t\r\n"u8);
        return StartsWithIgnoreCase(start, "<!doctype html"u8) || StartsWithIgnoreCase(start, "<html"u8);
    }

    /// <summary>"HTTP/1.1 200 OK", "HTTP/1.0 302 " or "HTTPX/1.1 200": any protocol token, then a three-digit code.</summary>
    private static bool TryReadStatus(ReadOnlySpan<byte> line, out int status)
    {
        status = 0;
        var space = line.IndexOf((byte)' ');
        if (space <= 0)
        {
            return false;
        }

        var code = line[(space + 1)..].TrimStart((byte)' ');
        var end = code.IndexOfAnyExcept("0123456789"u8);
        var digits = end < 0 ? code : code[..end];
        return digits.Length == 3 && Utf8Parser.TryParse(digits, out status, out _);
    }

    private static bool ContainsIgnoreCase(ReadOnlySpan<byte> value, ReadOnlySpan<byte> word)
    {
        for (var i = 0; i + word.Length <= value.Length; i++)
        {
            if (Ascii.EqualsIgnoreCase(value.Slice(i, word.Length), word))
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsWithIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> prefix) =>
        text.Length >= prefix.Length && Ascii.EqualsIgnoreCase(text[..prefix.Length], prefix);
}
