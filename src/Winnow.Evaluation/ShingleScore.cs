namespace Winnow.Evaluation;

/// <summary>
/// The article-extraction benchmark's score: word tokens, 4-token shingles compared as multisets,
/// per-page precision and recall averaged over pages, F1 from the two means.
/// </summary>
/// <remarks>Thread-safe: pure functions.</remarks>
public static class ShingleScore
{
    private const int ShingleSize = 4;

    /// <summary>The shingle counts (tp, fp, fn) of one page, as fractions of their sum.</summary>
    public static PageScore ScorePage(string expected, string predicted)
    {
        var truth = Shingles(expected);
        var guess = Shingles(predicted);
        double tp = 0, fp = 0, fn = 0;
        foreach (var (shingle, count) in guess)
        {
            truth.TryGetValue(shingle, out var t);
            tp += Math.Min(t, count);
            fp += Math.Max(0, count - t);
        }

        foreach (var (shingle, count) in truth)
        {
            guess.TryGetValue(shingle, out var g);
            fn += Math.Max(0, count - g);
        }

        var sum = tp + fp + fn;
        return sum == 0 ? new PageScore(0, 0, 0) : new PageScore(tp / sum, fp / sum, fn / sum);
    }

    /// <summary>Corpus precision, recall and F1 over pages scored by <see cref="ScorePage"/>.</summary>
    public static (double Precision, double Recall, double F1) Aggregate(IEnumerable<PageScore> pages)
    {
        double precisionSum = 0, recallSum = 0;
        int precisionPages = 0, recallPages = 0;
        foreach (var page in pages)
        {
            if (page.Tp + page.Fp > 0)
            {
                precisionSum += page.Precision;
                precisionPages++;
            }

            if (page.Tp + page.Fn > 0)
            {
                recallSum += page.Recall;
                recallPages++;
            }
        }

        var p = precisionPages == 0 ? 0 : precisionSum / precisionPages;
        var r = recallPages == 0 ? 0 : recallSum / recallPages;
        return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }

    /// <summary>Word tokens as Python's <c>re.findall(r'\w+')</c> finds them (letters, digits, underscore).</summary>
    public static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var word = i < text.Length && IsWordChar(text, i);
            if (word && start < 0)
            {
                start = i;
            }
            else if (!word && start >= 0)
            {
                tokens.Add(text[start..i]);
                start = -1;
            }

            if (word && char.IsHighSurrogate(text[i]))
            {
                i++;
            }
        }

        return tokens;
    }

    private static bool IsWordChar(string text, int i)
    {
        var c = text[i];
        if (c < 128)
        {
            return char.IsAsciiLetterOrDigit(c) || c == '_';
        }

        var category = char.IsHighSurrogate(c) && i + 1 < text.Length
            ? System.Globalization.CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, text[i + 1]))
            : System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c);
        return category is <= System.Globalization.UnicodeCategory.OtherLetter
            or System.Globalization.UnicodeCategory.DecimalDigitNumber
            or System.Globalization.UnicodeCategory.LetterNumber
            or System.Globalization.UnicodeCategory.OtherNumber;
    }

    private static Dictionary<string, int> Shingles(string text)
    {
        var tokens = Tokens(text);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tokens.Count == 0)
        {
            return counts;
        }

        ReadOnlySpan<string> words = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens);
        var n = Math.Max(1, tokens.Count - ShingleSize + 1);
        for (var i = 0; i < n; i++)
        {
            // A span of the words, not the list: string.Join(char, List, int, int) binds to the
            // params object[] overload and would key each shingle by its position.
            var key = string.Join('\u0001', words.Slice(i, Math.Min(ShingleSize, tokens.Count - i)));
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts;
    }
}
