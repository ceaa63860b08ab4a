namespace Winnow.Documents;

/// <summary>The content types readers assign.</summary>
public static class ContentTypes
{
    /// <summary>Plain text.</summary>
    public const string PlainText = "text/plain";

    /// <summary>Markdown.</summary>
    public const string Markdown = "text/markdown";

    /// <summary>An HTML page, to be extracted.</summary>
    public const string Html = "text/html";

    /// <summary>The content type for a file name, by its extension (a compression suffix looked through).</summary>
    public static string FromFileName(string name)
    {
        var n = name;
        foreach (var suffix in (ReadOnlySpan<string>)[".gz", ".zst", ".zstd", ".lz4"])
        {
            if (n.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                n = n[..^suffix.Length];
                break;
            }
        }

        return Path.GetExtension(n).ToLowerInvariant() switch
        {
            ".md" or ".markdown" => Markdown,
            ".html" or ".htm" or ".xhtml" => Html,
            _ => PlainText,
        };
    }
}
