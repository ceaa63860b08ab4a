using Winnow.Documents;
using Winnow.Pipeline;

namespace Winnow.Filters;

/// <summary>
/// Gopher's repetition rules: repeated lines and paragraphs (by count and by characters), the
/// character share of the most frequent 2–4-gram, and the character share of repeated 5–10-grams.
/// </summary>
/// <remarks>
/// Word n-grams are compared by a rolling 64-bit hash of word hashes. A repeated n-gram (n ≥ 5)
/// always starts with a repeated 5-gram, so 6–10-grams are only hashed at positions whose 5-gram
/// occurs twice or more: on ordinary prose that is almost none, which keeps the filter linear
/// and cheap. Characters are counted once even where repeated n-grams overlap.
/// Thread-safe: per-thread scratch tables only.
/// </remarks>
public sealed class GopherRepetitionFilter : DocumentStage
{
    private readonly GopherRepetitionOptions _options;

    /// <summary>Creates the filter; null options mean the paper's values.</summary>
    public GopherRepetitionFilter(GopherRepetitionOptions? options = null)
    {
        _options = options ?? new GopherRepetitionOptions();
        if (_options.MaxTopNgramCharFraction.Count != 3 || _options.MaxDuplicateNgramCharFraction.Count != 6)
        {
            throw new ArgumentException("Gopher repetition needs 3 top n-gram thresholds (2..4) and 6 duplicate n-gram thresholds (5..10).", nameof(options));
        }
    }

    /// <inheritdoc />
    public override string Name => "gopher_repetition";

    /// <inheritdoc />
    public override void Process(Document document)
    {
        var check = new RuleCheck(document, Name, _options.Mode);
        Evaluate(TextStatistics.For(document.Text), ref check);
        check.Apply();
    }

    private void Evaluate(TextStatistics stats, ref RuleCheck check)
    {
        var o = _options;
        double length = Math.Max(stats.Text.Length, 1);
        var paragraphs = RepeatedBlocks.Paragraphs(stats);
        check.AtMost("duplicate_paragraph_fraction", paragraphs.Fraction, o.MaxDuplicateParagraphFraction);
        check.AtMost("duplicate_paragraph_char_fraction", paragraphs.Chars / length, o.MaxDuplicateParagraphCharFraction);
        var lines = RepeatedBlocks.Lines(stats);
        check.AtMost("duplicate_line_fraction", lines.Fraction, o.MaxDuplicateLineFraction);
        check.AtMost("duplicate_line_char_fraction", lines.Chars / length, o.MaxDuplicateLineCharFraction);
        if (!check.Open || stats.WordCount < 2)
        {
            return;
        }

        var ngrams = new WordNgrams(stats);
        try
        {
            for (var n = 2; n <= 4 && check.Open; n++)
            {
                check.AtMost($"top_{n}gram_char_fraction", ngrams.TopNgramChars(n) / length, o.MaxTopNgramCharFraction[n - 2]);
            }

            var anyRepeated = ngrams.MarkRepeatedFiveGrams();
            for (var n = 5; n <= 10 && check.Open; n++)
            {
                var chars = anyRepeated ? ngrams.RepeatedNgramChars(n) : 0;
                check.AtMost($"duplicate_{n}gram_char_fraction", Math.Min(1, chars / length), o.MaxDuplicateNgramCharFraction[n - 5]);
            }
        }
        finally
        {
            ngrams.Dispose();
        }
    }
}
