namespace Winnow.Extraction.Html;

/// <summary>
/// The attributes the extractor reads; the parsers keep only these, so that the many others on
/// real pages (data-*, src, srcset, onclick…) cost no strings. Names are interned.
/// </summary>
internal static class HtmlAttributeNames
{
    private static readonly HashSet<string> Kept = new(StringComparer.Ordinal)
    {
        "class", "id", "itemprop", "rel", "href", "role", "aria-hidden", "aria-modal", "hidden", "style", "datetime",
        "content", "property", "name", "type", "lang", "http-equiv", "pubdate", "title",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> KeptBySpan =
        Kept.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The interned name when <paramref name="lowerName"/> is kept, else null.</summary>
    public static string? Lookup(ReadOnlySpan<char> lowerName) =>
        KeptBySpan.TryGetValue(lowerName, out var name) ? name : null;
}
