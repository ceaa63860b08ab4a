namespace Winnow.Extraction;

/// <summary>
/// A linear pre-scan that finds where tag nesting first exceeds a limit. The HTML5 tree builder
/// checks scopes by walking the stack of open elements, so parsing is quadratic in depth: a page
/// of 100,000 nested divs would take minutes. Cutting the page there bounds the time.
/// </summary>
internal static class NestingGuard
{
    private static readonly HashSet<string> NotNesting = new(StringComparer.OrdinalIgnoreCase)
    {
        "br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed", "param", "source", "track", "wbr",
        "p", "li", "td", "th", "tr", "option", "dt", "dd", "!doctype",
    };

    // Looked up by span: a substring per tag would be most of the scan's cost.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NotNestingBySpan =
        NotNesting.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The character index where depth first exceeds <paramref name="limit"/>, or -1.</summary>
    public static int FindExcess(string html, int limit)
    {
        var depth = 0;
        var at = html.IndexOf('<', StringComparison.Ordinal);
        while (at >= 0 && at + 1 < html.Length)
        {
            var closing = html[at + 1] == '/';
            var nameStart = closing ? at + 2 : at + 1;
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] == '!'))
            {
                nameEnd++;
            }

            if (nameEnd > nameStart && !NotNestingBySpan.Contains(html.AsSpan(nameStart, nameEnd - nameStart)))
            {
                var end = html.IndexOf('>', nameEnd);
                var selfClosing = end > 0 && html[end - 1] == '/';
                if (closing)
                {
                    depth = Math.Max(0, depth - 1);
                }
                else if (!selfClosing && ++depth > limit)
                {
                    return at;
                }
            }

            at = html.IndexOf('<', nameEnd);
        }

        return -1;
    }
}
