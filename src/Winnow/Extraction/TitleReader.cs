using AngleSharp.Html.Dom;

namespace Winnow.Extraction;

/// <summary>
/// The article title from &lt;title&gt; when no metadata gives one: a site name joined by a
/// separator (" | ", " - ", " » ") is cut off unless that leaves too few words; an overlong or
/// very short title yields to the page's only &lt;h1&gt;.
/// </summary>
internal static class TitleReader
{
    private static readonly string[] Separators = [" | ", " - ", " – ", " — ", " \\ ", " / ", " > ", " » "];

    public static string? FromDocument(IHtmlDocument document)
    {
        var original = MetadataReader.Clean(document.Title);
        if (original is null)
        {
            return MetadataReader.Clean(document.QuerySelector("h1")?.TextContent);
        }

        var title = original;
        var hadSeparator = false;
        var last = Separators.Select(s => original.LastIndexOf(s, StringComparison.Ordinal)).Max();
        if (last > 0)
        {
            hadSeparator = true;
            title = original[..last].Trim();
            if (Words(title) < 3)
            {
                var first = Separators.Select(s => (Index: original.IndexOf(s, StringComparison.Ordinal), s.Length))
                    .Where(x => x.Index > 0).OrderBy(x => x.Index).First();
                title = original[(first.Index + first.Length)..].Trim();
            }
        }
        else if (original.Contains(": ", StringComparison.Ordinal))
        {
            var headings = document.QuerySelectorAll("h1, h2").Select(h => MetadataReader.Clean(h.TextContent));
            if (!headings.Contains(original))
            {
                title = original[(original.LastIndexOf(':') + 1)..].Trim();
                if (Words(title) < 3)
                {
                    title = original[(original.IndexOf(':') + 1)..].Trim();
                }
                else if (Words(original[..original.IndexOf(':')]) > 5)
                {
                    title = original;
                }
            }
        }
        else if (original.Length is > 150 or < 15)
        {
            var h1 = document.QuerySelectorAll("h1");
            if (h1.Length == 1)
            {
                title = MetadataReader.Clean(h1[0].TextContent) ?? original;
            }
        }

        var words = Words(title);
        if (words <= 4 && (!hadSeparator || words != Words(StripSeparators(original)) - 1))
        {
            title = original;
        }

        return title;
    }

    private static int Words(string s) => s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private static string StripSeparators(string s)
    {
        foreach (var sep in Separators)
        {
            s = s.Replace(sep, " ", StringComparison.Ordinal);
        }

        return s;
    }
}
