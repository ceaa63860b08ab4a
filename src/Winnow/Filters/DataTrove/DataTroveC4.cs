using System.Text;
using Winnow.Documents;
using Winnow.Text;
using Winnow.Text.English;

namespace Winnow.Filters.DataTrove;

/// <summary>
/// C4's rules applied as DataTrove's C4QualityFilter applies them: lines are Python's splitlines,
/// stripped; words are whitespace-separated; citation marks ("[12]", "[]", "[edit]", "[citation needed]")
/// are cut before the end-punctuation test, which looks at the line as cut (a trailing space left by a
/// cut fails it); blank lines are dropped like any line under three words; sentences are counted by
/// spaCy's sentencizer rules (<see cref="EnglishSentencizer"/>) on each kept line; the kept lines are
/// joined by '\n' and the result stripped.
/// </summary>
internal static class DataTroveC4
{
    private static readonly string[] PolicyPhrases = ["terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies", "use cookies"];

    public static void Process(Document document, in C4Options o, ref RuleCheck check, string stage)
    {
        var text = document.Text.AsSpan();
        var rebuild = o.Mode == FilterMode.Remove;
        var kept = rebuild ? new StringBuilder(text.Length) : null;
        var tally = default(C4LineTally);
        var sentences = 0;
        var keptWords = 0;
        var lorem = o.RemoveLoremIpsum && MayContain(text, "lorem ipsum");
        var javascript = o.DropJavascriptLines && MayContain(text, "javascript");
        var policy = false;
        foreach (var phrase in PolicyPhrases)
        {
            policy |= o.DropPolicyLines && MayContain(text, phrase);
        }

        for (var start = 0; start < text.Length;)
        {
            var end = PythonStrings.LineEnd(text, start, out var next);
            var line = PythonStrings.Strip(text[start..end]);
            start = next;
            var (words, longest) = Words(line);
            if (o.MaxWordLength is { } maxWord && longest > maxWord)
            {
                tally.Count(C4LineVerdict.LongWord);
                continue;
            }

            var cleaned = o.RemoveCitations && line.Contains('[') ? C4Lines.RemoveCitations(line, anyDigit: true) : line;
            var cut = cleaned.Length != line.Length;
            if (o.DropLinesWithoutTerminalPunctuation && (cleaned.IsEmpty || cleaned[^1] is not ('.' or '?' or '!' or '"' or '\'') || cleaned.EndsWith("...")))
            {
                tally.Count(C4LineVerdict.NoTerminalPunctuation);
                continue;
            }

            if (o.MinWordsPerLine is { } minWords && words < minWords)
            {
                tally.Count(C4LineVerdict.TooFewWords);
                continue;
            }

            if (o.RemoveLoremIpsum && (lorem || cut) && ContainsLowered(cleaned, "lorem ipsum"))
            {
                check.Flag("lorem_ipsum", true, $"lorem_ipsum: line {tally.Total + 1} \"{Excerpt(cleaned)}\"");
                if (!check.Open)
                {
                    return;
                }
            }

            if (o.DropJavascriptLines && (javascript || cut) && ContainsLowered(cleaned, "javascript"))
            {
                tally.Count(C4LineVerdict.Javascript);
                continue;
            }

            if (o.RemoveCurlyBrace && cleaned.Contains('{'))
            {
                check.Flag("curly_brace", true, $"curly_brace: line {tally.Total + 1} \"{Excerpt(cleaned)}\"");
                if (!check.Open)
                {
                    return;
                }
            }

            if (o.DropPolicyLines && (policy || cut) && IsPolicy(cleaned))
            {
                tally.Count(C4LineVerdict.Policy);
                continue;
            }

            tally.Count(C4LineVerdict.Keep);
            sentences += EnglishSentencizer.Count(cleaned, out var lineWords);
            keptWords += lineWords;

            if (kept is not null)
            {
                kept.Append(cleaned).Append('\n');
            }
        }

        tally.Record(document, stage);
        check.Record("sentences", sentences);
        check.AtLeast("sentences", sentences, o.MinSentences);
        if (check.Reason is null && kept is not null)
        {
            var result = PythonStrings.Strip(kept.ToString()).ToString();
            if (result != document.Text)
            {
                // Lines joined by '\n' tokenize as they did one by one: FineWeb's word count is known already.
                document.Text = result;
                DataTroveWords.Remember(result, keptWords);
            }
        }
    }

    /// <summary>Python's <c>len(line.split())</c> and the longest word in code points.</summary>
    private static (int Words, int Longest) Words(ReadOnlySpan<char> line)
    {
        int words = 0, longest = 0, i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && PythonStrings.IsSpace(line[i]))
            {
                i++;
            }

            var start = i;
            while (i < line.Length && !PythonStrings.IsSpace(line[i]))
            {
                i++;
            }

            if (i > start)
            {
                words++;
                longest = Math.Max(longest, i - start > 1000 ? PythonStrings.Length(line[start..i]) : i - start);
            }
        }

        return (words, longest);
    }

    /// <summary>
    /// Whether <paramref name="text"/> could hold <paramref name="needle"/> as <see cref="ContainsLowered"/> finds
    /// it, searched once for the whole text; a line whose citations were cut is searched anyway, since a cut can join a phrase.
    /// </summary>
    private static bool MayContain(ReadOnlySpan<char> text, string needle) =>
        text.Contains(needle.AsSpan(0, Math.Min(5, needle.Length)), StringComparison.OrdinalIgnoreCase) || (needle.Contains('k') && text.Contains('\u212A'));

    private static bool IsPolicy(ReadOnlySpan<char> line)
    {
        foreach (var phrase in PolicyPhrases)
        {
            if (ContainsLowered(line, phrase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Python's <c>needle in line.lower()</c> for an ASCII lower-case needle: ASCII letters match either
    /// case, the Kelvin sign lowers to 'k', and 'İ' lowers to "i̇", which never matches.
    /// </summary>
    internal static bool ContainsLowered(ReadOnlySpan<char> line, string needle)
    {
        // Every match of Python's is also an ordinal case-insensitive match, bar the Kelvin sign: the
        // vectorized search rules most lines out; its own extra matches (ı for i, ſ for s) are checked below.
        if (!line.Contains(needle, StringComparison.OrdinalIgnoreCase) && !line.Contains('\u212A'))
        {
            return false;
        }

        for (var i = 0; i + needle.Length <= line.Length; i++)
        {
            var j = 0;
            while (j < needle.Length && Lowers(line[i + j], needle[j]))
            {
                j++;
            }

            if (j == needle.Length)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Lowers(char c, char lower) => c == lower || (char.IsAsciiLetterUpper(c) && (char)(c | 0x20) == lower) || (c == '\u212A' && lower == 'k');

    private static string Excerpt(ReadOnlySpan<char> line) => line.Length <= 60 ? line.ToString() : string.Concat(line[..57], "...");
}
