namespace Winnow.Filters;

/// <summary>How lines start and end: bullets and terminal punctuation, shared by the filters.</summary>
internal static class LineMarks
{
    private const string Bullets = "•‣◦⁃∙●▪▫■□◆◇○►▸➢➤✓✔";

    /// <summary>Terminal punctuation of the major scripts, quotes closing a sentence included.</summary>
    private const string Terminal = ".!?\"'…。！？｡”’»؟۔।॥";

    /// <summary>
    /// A bullet character, or a Markdown list marker ("- ", "* ", "+ ") since Winnow reads Markdown
    /// and the paper's rule targets lists, whatever their marker.
    /// </summary>
    public static bool StartsWithBullet(ReadOnlySpan<char> trimmed) =>
        trimmed.Length > 0 && (Bullets.Contains(trimmed[0])
            || (trimmed.Length > 1 && trimmed[0] is '-' or '*' or '+' && trimmed[1] == ' '));

    /// <summary>True when the line, trailing whitespace ignored, ends with terminal punctuation.</summary>
    public static bool EndsWithTerminal(ReadOnlySpan<char> line)
    {
        line = line.TrimEnd();
        return line.Length > 0 && Terminal.Contains(line[^1]);
    }

    /// <summary>True when the line holds nothing but whitespace.</summary>
    public static bool IsBlank(ReadOnlySpan<char> line)
    {
        foreach (var c in line)
        {
            if (!TextStatistics.IsSpace(c))
            {
                return false;
            }
        }

        return true;
    }
}
