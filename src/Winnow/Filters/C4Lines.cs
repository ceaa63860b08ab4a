using System.Buffers;
using System.Text;

namespace Winnow.Filters;

/// <summary>C4's line rules, on one trimmed line, in the order of the C4 code.</summary>
internal static class C4Lines
{
    private const int MaxLineForCitations = 1 << 20;

    private static readonly SearchValues<char> SentenceEnds = SearchValues.Create(".!?");

    /// <summary>
    /// Judges one trimmed line holding <paramref name="words"/> whitespace-separated tokens, the longest
    /// <paramref name="longest"/> characters long. <paramref name="presence"/> says which marks the
    /// whole text holds; a line whose citations were cut is searched in full, since cutting can join a mark.
    /// </summary>
    public static C4LineVerdict Judge(ReadOnlySpan<char> line, int words, int longest, in C4Options options, in C4Presence presence, out ReadOnlySpan<char> cleaned)
    {
        cleaned = line;
        if (options.MaxWordLength is { } maxWord && longest > maxWord)
        {
            return C4LineVerdict.LongWord;
        }

        var cut = false;
        if (presence.Bracket && line.Length < MaxLineForCitations && line.Contains('['))
        {
            cleaned = RemoveCitations(line);
            cut = true;
        }

        if (options.DropLinesWithoutTerminalPunctuation && !EndsSentence(cleaned))
        {
            return C4LineVerdict.NoTerminalPunctuation;
        }

        if (options.MinWordsPerLine is { } minWords && words < minWords)
        {
            return C4LineVerdict.TooFewWords;
        }

        if ((presence.Lorem || (cut && options.RemoveLoremIpsum)) && cleaned.Contains("lorem ipsum", StringComparison.OrdinalIgnoreCase))
        {
            return C4LineVerdict.LoremIpsum;
        }

        if ((presence.Javascript || (cut && options.DropJavascriptLines)) && cleaned.Contains("javascript", StringComparison.OrdinalIgnoreCase))
        {
            return C4LineVerdict.Javascript;
        }

        if (presence.Brace && cleaned.Contains('{'))
        {
            return C4LineVerdict.CurlyBrace;
        }

        return (presence.Policy || (cut && options.DropPolicyLines)) && IsPolicy(cleaned) ? C4LineVerdict.Policy : C4LineVerdict.Keep;
    }

    /// <summary>Sentence ends: runs of . ! ? followed by whitespace or the end; at least one per kept line.</summary>
    public static int Sentences(ReadOnlySpan<char> line)
    {
        var count = 0;
        var i = 0;
        int at;
        while ((at = line[i..].IndexOfAny(SentenceEnds)) >= 0)
        {
            i += at + 1;
            if (i == line.Length || TextStatistics.IsSpace(line[i]))
            {
                count++;
            }
        }

        return Math.Max(count, 1);
    }

    private static bool EndsSentence(ReadOnlySpan<char> line) =>
        line.Length > 0 && line[^1] is '.' or '?' or '!' or '"' or '\'' && !line.EndsWith("...");

    private static bool IsPolicy(ReadOnlySpan<char> line)
    {
        if (line.Contains("cookie", StringComparison.OrdinalIgnoreCase))
        {
            return line.Contains("cookie policy", StringComparison.OrdinalIgnoreCase)
                || line.Contains("uses cookies", StringComparison.OrdinalIgnoreCase)
                || line.Contains("use of cookies", StringComparison.OrdinalIgnoreCase)
                || line.Contains("use cookies", StringComparison.OrdinalIgnoreCase);
        }

        return line.Contains("terms of use", StringComparison.OrdinalIgnoreCase)
            || line.Contains("privacy policy", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Drops "[digits]", "[edit]" and "[citation needed]" marks (a hand-written scan, linear); digits are
    /// ASCII, or with <paramref name="anyDigit"/> any Unicode decimal digit (Python's \d, as DataTrove's pattern).
    /// </summary>
    internal static string RemoveCitations(ReadOnlySpan<char> line, bool anyDigit = false)
    {
        var result = new System.Text.StringBuilder(line.Length);
        var i = 0;
        while (i < line.Length)
        {
            var open = line[i..].IndexOf('[');
            if (open < 0)
            {
                result.Append(line[i..]);
                break;
            }

            result.Append(line.Slice(i, open));
            i += open;
            var mark = CitationLength(line[i..], anyDigit);
            if (mark == 0)
            {
                result.Append('[');
                i++;
            }
            else
            {
                i += mark;
            }
        }

        return result.ToString();
    }

    private static int CitationLength(ReadOnlySpan<char> s, bool anyDigit)
    {
        if (s.StartsWith("[edit]", StringComparison.Ordinal))
        {
            return 6;
        }

        if (s.StartsWith("[citation needed]", StringComparison.Ordinal))
        {
            return 17;
        }

        var j = 1;
        while (j < s.Length)
        {
            if (char.IsAsciiDigit(s[j]))
            {
                j++;
            }
            else if (anyDigit && s[j] >= 128 && Rune.DecodeFromUtf16(s[j..], out var rune, out var width) == OperationStatus.Done && Rune.IsDigit(rune))
            {
                j += width;
            }
            else
            {
                break;
            }
        }

        return j < s.Length && s[j] == ']' ? j + 1 : 0;
    }
}
