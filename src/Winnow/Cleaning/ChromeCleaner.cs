using System.Text;
using System.Text.RegularExpressions;
using Winnow.Extraction;

namespace Winnow.Cleaning;

/// <summary>
/// Removes page chrome that an earlier extraction left in plain text. Only whole lines go, and
/// only on strong evidence:
/// <list type="bullet">
/// <item>at the head of the text (before the first line of 80+ characters, within 30 lines), a
/// run of two or more "title line, then a line that is only a date" pairs: the previous/next
/// post links a blog shows above the article;</item>
/// <item>when such a run was found, a first line that the head repeats later (the title shown
/// twice): the earlier copy;</item>
/// <item>at the head, short "previous/next/older/newer post" navigation lines;</item>
/// <item>anywhere, lines that are nothing but a share prompt ("Share this:", "Share on
/// Facebook", "Tweet", "Print this article").</item>
/// <item>anywhere, a contact stub left dangling at the end of a line after a sentence ends,
/// once the address behind it was stripped ("… my site. Contact at"): only the stub goes.</item>
/// </list>
/// Everything else is kept byte for byte; blank lines left at the start by a removal are dropped.
/// </summary>
/// <remarks>Thread-safe: stateless.</remarks>
internal static partial class ChromeCleaner
{
    private const int HeadLines = 30;
    private const int ProseLength = 80;

    private static readonly string[] ContactStubs =
    [
        "contact at", "contact me at", "contact us at", "contact:", "email me at", "e-mail me at", "email:", "e-mail:",
        "write to me at", "reach me at",
    ];

    public static string Clean(string text, out int removedLines) => Clean(text, out removedLines, out _);

    public static string Clean(string text, out int removedLines, out int removedStubs)
    {
        removedLines = 0;
        removedStubs = 0;
        var lines = text.Split('\n');
        var remove = new bool[lines.Length];
        var head = HeadEnd(lines);

        var pairs = PostLinkRun(lines, head, remove);
        if (pairs >= 2)
        {
            RemoveRepeatedTitle(lines, head, remove);
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (SharePrompt().IsMatch(line) || (i < head && line.Length <= 100 && PostNavigation().IsMatch(line)))
            {
                remove[i] = true;
            }
        }

        var output = new StringBuilder(text.Length);
        var started = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (remove[i])
            {
                removedLines++;
                continue;
            }

            if (!started && removedLines > 0 && lines[i].Trim().Length == 0)
            {
                continue;
            }

            if (started)
            {
                output.Append('\n');
            }

            started = true;
            var kept = WithoutContactStub(lines[i]);
            if (kept.Length != lines[i].Length)
            {
                removedStubs++;
            }

            output.Append(kept);
        }

        return removedLines == 0 && removedStubs == 0 ? text : output.ToString();
    }

    /// <summary>The line without a trailing contact cue whose address is gone.</summary>
    private static ReadOnlySpan<char> WithoutContactStub(string line)
    {
        var trimmed = line.AsSpan().TrimEnd();
        foreach (var stub in ContactStubs)
        {
            if (!trimmed.EndsWith(stub, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // Only after a finished sentence (or alone on the line): "… site). Contact at".
            var before = trimmed[..^stub.Length];
            var head = before.TrimEnd();
            if (head.Length == before.Length && head.Length > 0)
            {
                continue;
            }

            if (head.IsEmpty || head[^1] is '.' or '!' or '?' or ')')
            {
                return head;
            }
        }

        return line;
    }

    private static int HeadEnd(string[] lines)
    {
        var end = Math.Min(lines.Length, HeadLines);
        for (var i = 0; i < end; i++)
        {
            if (lines[i].Trim().Length >= ProseLength)
            {
                return i;
            }
        }

        return end;
    }

    // Pairs of a title-like line directly followed by a date-only line, next to each other
    // (blank lines between pairs allowed); the longest run is removed when it has two or more.
    private static int PostLinkRun(string[] lines, int head, bool[] remove)
    {
        int bestStart = -1, bestEnd = -1, bestPairs = 0;
        var i = 0;
        while (i + 1 < head)
        {
            var start = i;
            var pairs = 0;
            var j = i;
            while (j + 1 < head && IsTitleLike(lines[j]) && IsDateLine(lines[j + 1]))
            {
                pairs++;
                j += 2;
                while (j < head && lines[j].Trim().Length == 0 && pairs > 0 && j + 2 < head && IsTitleLike(lines[j + 1]))
                {
                    j++;
                }
            }

            if (pairs > bestPairs)
            {
                (bestStart, bestEnd, bestPairs) = (start, j, pairs);
            }

            i = pairs > 0 ? j : i + 1;
        }

        if (bestPairs >= 2)
        {
            for (var k = bestStart; k < bestEnd; k++)
            {
                remove[k] = lines[k].Trim().Length > 0;
            }
        }

        return bestPairs;
    }

    private static void RemoveRepeatedTitle(string[] lines, int head, bool[] remove)
    {
        var first = Array.FindIndex(lines, 0, head, l => l.Trim().Length > 0);
        if (first < 0 || remove[first] || !IsTitleLike(lines[first]))
        {
            return;
        }

        var title = lines[first].Trim();
        for (var i = first + 1; i < head; i++)
        {
            if (!remove[i] && lines[i].Trim() == title)
            {
                remove[first] = true;
                return;
            }
        }
    }

    private static bool IsTitleLike(string line)
    {
        var s = line.Trim();
        if (s.Length is < 10 or > 150 || s.EndsWith('.') || s.EndsWith(',') || s.EndsWith(';') || s.EndsWith(':')
            || s.StartsWith("by ", StringComparison.OrdinalIgnoreCase) || IsDateLine(s))
        {
            return false;
        }

        var words = s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return words is >= 2 and <= 20;
    }

    private static bool IsDateLine(string line)
    {
        var s = line.Trim();
        return s.Length is >= 6 and <= 40 && Year().IsMatch(s) && DateNormalizer.Normalize(s) is not null;
    }

    [GeneratedRegex(@"\b(1[89]|20)\d\d\b")]
    private static partial Regex Year();

    [GeneratedRegex(@"^(share|share this( (article|post|story|page))?|share on (facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|email)|tweet( this)?|pin it|print( this( article| post| page)?)?|email this( article| post| story)?)\s*[:!]?$", RegexOptions.IgnoreCase)]
    private static partial Regex SharePrompt();

    [GeneratedRegex(@"^[«‹<←]*\s*(previous|prev|next|older|newer)\s+(post|article|story|entry)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PostNavigation();
}
