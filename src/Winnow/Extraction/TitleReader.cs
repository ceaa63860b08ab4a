using System.Text.RegularExpressions;
using Winnow.Extraction.Html;

namespace Winnow.Extraction;

/// <summary>
/// The article title from &lt;title&gt; when no metadata gives one, by the rules reader views
/// use: a site name joined by a separator (<c>|</c>, <c>-</c>, <c>–</c>, <c>—</c>, <c>\</c>,
/// <c>/</c>, <c>&gt;</c>, <c>»</c> between spaces) is cut from the end, or from the start when
/// that leaves under three words; a "Site: Title" prefix is cut unless a heading repeats the
/// whole; an overlong or very short title yields to the page's only &lt;h1&gt;; a cut that leaves
/// four words or fewer is undone unless it only dropped one hierarchical part.
/// </summary>
internal static partial class TitleReader
{
    public static string? FromDocument(HtmlDocumentTree document)
    {
        var original = document.Title()?.Trim();
        if (string.IsNullOrEmpty(original))
        {
            return MetadataReader.Clean(document.Find(n => n.Tag == "h1")?.TextContent());
        }

        var title = original;
        var hierarchical = false;
        var separators = Separator().Matches(original);
        if (separators.Count > 0)
        {
            hierarchical = Hierarchical().IsMatch(original);
            title = original[..separators[^1].Index];
            if (WordCount(title) < 3)
            {
                title = LeadingPart().Replace(original, "", 1);
            }
        }
        else if (original.Contains(": ", StringComparison.Ordinal))
        {
            var repeated = document.Find(h => h.Tag is "h1" or "h2" && h.TextContent().Trim() == original) is not null;
            if (!repeated)
            {
                title = original[(original.LastIndexOf(':') + 1)..];
                if (WordCount(title) < 3)
                {
                    title = original[(original.IndexOf(':') + 1)..];
                }
                else if (WordCount(original[..original.IndexOf(':')]) > 5)
                {
                    title = original;
                }
            }
        }
        else if (original.Length is > 150 or < 15)
        {
            var h1 = document.Elements("h1").Take(2).ToList();
            if (h1.Count == 1)
            {
                title = Spaces().Replace(h1[0].TextContent().Trim(), " ");
            }
        }

        title = Spaces().Replace(title.Trim(), " ");
        var words = WordCount(title);
        if (words <= 4 && (!hierarchical || words != WordCount(Separator().Replace(original, "")) - 1))
        {
            title = original;
        }

        return MetadataReader.Clean(title);
    }

    // Words as a whitespace split counts them, empty ends included: " a b" has three.
    private static int WordCount(string s) => Whitespace().Split(s).Length;

    [GeneratedRegex(@"\s[|\-–—\\/>»]\s")]
    private static partial Regex Separator();

    [GeneratedRegex(@"\s[\\/>»]\s")]
    private static partial Regex Hierarchical();

    [GeneratedRegex(@"^[^|\-–—\\/>»]*[|\-–—\\/>»]")]
    private static partial Regex LeadingPart();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
