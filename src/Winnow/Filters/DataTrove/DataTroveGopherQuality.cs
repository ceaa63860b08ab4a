using Winnow.Text;

namespace Winnow.Filters.DataTrove;

/// <summary>
/// Gopher's quality rules counted as DataTrove's GopherQualityFilter counts them: words are its English
/// tokens; the word count and mean length use the tokens that are not all punctuation, every ratio
/// divides by all tokens (punctuation included); lines are Python's splitlines; a bullet line starts
/// with '•' or '-' after leading whitespace; stop words are the distinct ones present, matched with case.
/// </summary>
internal static class DataTroveGopherQuality
{
    public static void Evaluate(string text, in GopherQualityOptions o, ref RuleCheck check)
    {
        var words = DataTroveWords.For(text);
        var tokens = words.Count;
        var lengths = words.CodePoints;
        int real = 0, alphabetic = 0;
        long letters = 0;
        ulong stopWordsSeen = 0;
        // An array, not the options' list: the loop below asks it for every short word.
        var stopWords = o.StopWords.Take(64).ToArray();
        var longestStopWord = 0;
        foreach (var stop in stopWords)
        {
            longestStopWord = Math.Max(longestStopWord, stop.Length);
        }

        for (var i = 0; i < tokens; i++)
        {
            var word = words.Word(i);
            if (DataTrovePunctuation.HasNonPunctuation(word))
            {
                real++;
                letters += lengths[i];
            }

            if (HasAlpha(word))
            {
                alphabetic++;
            }

            if (word.Length <= longestStopWord)
            {
                for (var s = 0; s < stopWords.Length; s++)
                {
                    if (word.Length == stopWords[s].Length && word.SequenceEqual(stopWords[s]))
                    {
                        stopWordsSeen |= 1UL << s;
                    }
                }
            }
        }

        check.AtLeast("word_count", real, o.MinWords);
        check.AtMost("word_count", real, o.MaxWords);
        if (!check.Open)
        {
            return;
        }

        // numpy's mean of no words is NaN, which passes every comparison.
        var mean = real == 0 ? double.NaN : (double)letters / real;
        // Divisions, not products with a reciprocal: a ratio exactly at a threshold must compare as Python's does.
        double tokensOrOne = Math.Max(tokens, 1);
        check.AtLeast("mean_word_length", mean, o.MinMeanWordLength);
        check.AtMost("mean_word_length", mean, o.MaxMeanWordLength);
        var span = text.AsSpan();
        check.AtMost("hash_word_ratio", span.Count('#') / tokensOrOne, o.MaxSymbolWordRatio);
        check.AtMost("ellipsis_word_ratio", (GopherQualityFilter.CountOf(span, "...") + span.Count('…')) / tokensOrOne, o.MaxSymbolWordRatio);
        if (!check.Open)
        {
            return;
        }

        int lines = 0, bullets = 0, ellipses = 0;
        for (var start = 0; start < span.Length;)
        {
            var end = PythonStrings.LineEnd(span, start, out var next);
            var line = span[start..end];
            var left = PythonStrings.TrimStart(line);
            if (left.Length > 0 && left[0] is '•' or '-')
            {
                bullets++;
            }

            var right = PythonStrings.TrimEnd(line);
            if (right.EndsWith("...") || right.EndsWith('…'))
            {
                ellipses++;
            }

            lines++;
            start = next;
        }

        double linesOrOne = Math.Max(lines, 1);
        check.AtMost("bullet_line_ratio", bullets / linesOrOne, o.MaxBulletLineRatio);
        check.AtMost("ellipsis_line_ratio", ellipses / linesOrOne, o.MaxEllipsisLineRatio);
        check.AtLeast("alphabetic_word_ratio", alphabetic / tokensOrOne, o.MinAlphabeticWordRatio);
        check.AtLeast("stop_words", System.Numerics.BitOperations.PopCount(stopWordsSeen), o.MinStopWords);
    }

    private static bool HasAlpha(ReadOnlySpan<char> word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            if (PythonStrings.IsAlphaAt(word, i))
            {
                return true;
            }
        }

        return false;
    }
}
