using Winnow.Extraction.Html;

namespace Winnow.Extraction;

/// <summary>
/// Collects &lt;meta&gt; values by key: each space-separated <c>property</c> token and the
/// <c>name</c>, lower-cased, without spaces, dots turned to colons
/// (<c>DC.creator</c> = <c>dc:creator</c>), <c>dcterms</c> spelled <c>dcterm</c>. A later tag
/// overrides an earlier one with the same key, as reader views do; an <c>itemprop</c> key keeps its first value.
/// </summary>
internal static class MetaTagReader
{
    public static Dictionary<string, string> Read(HtmlDocumentTree document)
    {
        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var m in document.Elements("meta"))
        {
            var content = MetadataReader.Clean(m.GetAttribute("content"));
            if (content is null)
            {
                continue;
            }

            Add(meta, m.GetAttribute("property"), content, overwrite: true);
            Add(meta, m.GetAttribute("name"), content, overwrite: true);

            // Microdata metas repeat through a page (comments, related items): the first one counts.
            Add(meta, m.GetAttribute("itemprop"), content, overwrite: false);
        }

        return meta;
    }

    private static void Add(Dictionary<string, string> meta, string? keys, string content, bool overwrite)
    {
        if (string.IsNullOrWhiteSpace(keys))
        {
            return;
        }

        foreach (var key in keys.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var k = key.ToLowerInvariant().Replace('.', ':');
            if (k.StartsWith("dcterms:", StringComparison.Ordinal))
            {
                k = "dcterm:" + k["dcterms:".Length..];
            }

            if (overwrite)
            {
                meta[k] = content;
            }
            else
            {
                meta.TryAdd(k, content);
            }
        }
    }
}
