using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Winnow.IO;

namespace Winnow.Text;

/// <summary>
/// Decodes page bytes to text. The charset comes from, in order: a byte-order mark, the HTTP
/// Content-Type header, a &lt;meta&gt; declaration in the first 4 KiB, else detection (valid
/// UTF-8 is UTF-8, anything else windows-1252). Undecodable bytes become U+FFFD, so the result
/// is always valid text.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public static partial class CharsetDecoder
{
    private const int PrescanBytes = 4096;

    static CharsetDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes <paramref name="bytes"/>; <paramref name="contentType"/> is the HTTP header value, if any.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string? contentType = null) =>
        Decode(bytes, contentType, out _);

    /// <summary>Decodes and reports the charset used and where it came from ("bom", "http", "meta", "detected").</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string? contentType, out string charset)
    {
        var (encoding, bomLength, how) = Choose(bytes, contentType);
        charset = $"{encoding.WebName} ({how})";
        return encoding.GetString(bytes[bomLength..]);
    }

    /// <summary>
    /// Decodes <paramref name="bytes"/> as <see cref="Decode(ReadOnlySpan{byte}, string?)"/> does, the
    /// same characters, into <paramref name="buffer"/> (grown as needed) instead of a new string;
    /// returns how many characters it holds.
    /// </summary>
    internal static int DecodeInto(ReadOnlySpan<byte> bytes, string? contentType, PageBuffer<char> buffer)
    {
        var (encoding, bomLength, _) = Choose(bytes, contentType);
        var body = bytes[bomLength..];
        var most = encoding.GetMaxCharCount(body.Length);
        if (buffer.Length < most)
        {
            // Exactly what this page needs: the buffer goes back to its kept size before the next page.
            buffer.Grow(0, most);
        }

        return encoding.GetChars(body, buffer.Span);
    }

    private static (Encoding Encoding, int BomLength, string How) Choose(ReadOnlySpan<byte> bytes, string? contentType)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (Encoding.UTF8, 3, "bom");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode, 2, "bom");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Encoding.BigEndianUnicode, 2, "bom");
        }

        if (FromName(CharsetParameter(contentType)) is { } http)
        {
            return (http, 0, "http");
        }

        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, PrescanBytes)]);
        var meta = MetaCharset().Match(head);
        if (meta.Success && FromName(meta.Groups[1].Value) is { } declared)
        {
            // A page that declares an ASCII-compatible charset but is valid UTF-8 (not ASCII) is UTF-8:
            // a common mistake of CMSs that re-encode without updating the tag.
            return declared.CodePage != 65001 && !Ascii.IsValid(bytes) && Utf8.IsValid(bytes)
                ? (Encoding.UTF8, 0, "detected")
                : (declared, 0, "meta");
        }

        return Utf8.IsValid(bytes) ? (Encoding.UTF8, 0, "detected") : (Encoding.GetEncoding(1252), 0, "detected");
    }

    private static string? CharsetParameter(string? contentType)
    {
        if (contentType is null)
        {
            return null;
        }

        var m = HeaderCharset().Match(contentType);
        return m.Success ? m.Groups[1].Value : null;
    }

    private static Encoding? FromName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var n = name.Trim().Trim('"', '\'').ToLowerInvariant();

        // WHATWG: these labels all mean windows-1252; UTF-16 labels in a byte-level declaration mean UTF-8.
        if (n is "iso-8859-1" or "latin1" or "us-ascii" or "ascii" or "iso8859-1" or "l1")
        {
            return Encoding.GetEncoding(1252);
        }

        if (n.StartsWith("utf-16", StringComparison.Ordinal) || n is "utf8" or "unicode")
        {
            return Encoding.UTF8;
        }

        try
        {
            return Encoding.GetEncoding(n);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"charset\s*=\s*[""']?([A-Za-z0-9_:.\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderCharset();

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?\s*([A-Za-z0-9_:.\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();
}
