using Winnow.Text;

namespace Winnow.Filters.DataTrove;

/// <summary>
/// Gopher's repetition rules measured as DataTrove's GopherRepetitionFilter measures them: paragraphs are
/// the stripped text split at runs of two or more '\n'; lines are the text split at runs of '\n' (so a
/// leading or trailing '\n' gives an empty line, and whitespace-only lines count); the top 2–4-gram is
/// the most frequent word n-gram, the earliest among equals, counted even when it occurs once; the
/// duplicated 5–10-grams are found scanning left to right, a repeat skipping its n words, with n-grams
/// compared as their words joined without separators. Characters are code points; every fraction
/// divides by the length of the whole text.
/// </summary>
internal static class DataTroveRepetition
{
    private static readonly string[] TopRules = [.. Enumerable.Range(2, 3).Select(n => $"top_{n}gram_char_fraction")];
    private static readonly string[] DuplicateRules = [.. Enumerable.Range(5, 6).Select(n => $"duplicate_{n}gram_char_fraction")];

    public static void Evaluate(string text, in GopherRepetitionOptions o, ref RuleCheck check)
    {
        var span = text.AsSpan();
        double length = Math.Max(PythonStrings.Length(span), 1);
        var paragraphs = Duplicates(PythonStrings.Strip(span), minBreak: 2);
        check.AtMost("duplicate_paragraph_fraction", paragraphs.Fraction, o.MaxDuplicateParagraphFraction);
        check.AtMost("duplicate_paragraph_char_fraction", paragraphs.Chars / length, o.MaxDuplicateParagraphCharFraction);
        var lines = Duplicates(span, minBreak: 1);
        check.AtMost("duplicate_line_fraction", lines.Fraction, o.MaxDuplicateLineFraction);
        check.AtMost("duplicate_line_char_fraction", lines.Chars / length, o.MaxDuplicateLineCharFraction);
        if (!check.Open)
        {
            return;
        }

        var words = DataTroveWords.For(text);
        var ngrams = new DataTroveNgrams(words);
        try
        {
            for (var n = 2; n <= 4 && check.Open; n++)
            {
                if (words.Count >= n)
                {
                    check.AtMost(TopRules[n - 2], ngrams.TopChars(n) / length, o.MaxTopNgramCharFraction[n - 2]);
                }
            }

            for (var n = 5; n <= 10 && check.Open; n++)
            {
                check.AtMost(DuplicateRules[n - 5], ngrams.DuplicateChars(n) / length, o.MaxDuplicateNgramCharFraction[n - 5]);
            }
        }
        finally
        {
            ngrams.Dispose();
        }
    }

    /// <summary>
    /// The pieces of <paramref name="text"/> between runs of at least <paramref name="minBreak"/> '\n'
    /// (Python's re.split), and how many repeat an earlier piece and their code points.
    /// </summary>
    private static (double Fraction, double Chars) Duplicates(ReadOnlySpan<char> text, int minBreak)
    {
        var counter = HashCounter.ForThread();
        counter.Reset(text.Count('\n') + 1);
        int pieces = 0, repeats = 0;
        long chars = 0;
        var start = 0;
        var i = 0;
        while (true)
        {
            var at = text[i..].IndexOf('\n');
            var end = at < 0 ? text.Length : i + at;
            var run = end;
            while (run < text.Length && text[run] == '\n')
            {
                run++;
            }

            if (at >= 0 && run - end < minBreak)
            {
                i = run;
                continue;
            }

            var piece = text[start..end];
            pieces++;
            if (counter.Add(TextHash.Of(piece)) > 1)
            {
                repeats++;
                chars += PythonStrings.Length(piece);
            }

            if (at < 0)
            {
                break;
            }

            start = i = run;
        }

        return ((double)repeats / pieces, chars);
    }
}
