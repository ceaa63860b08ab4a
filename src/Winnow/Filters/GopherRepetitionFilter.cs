using Winnow.Documents;
using Winnow.Filters.DataTrove;
using Winnow.Pipeline;

namespace Winnow.Filters;

/// <summary>
/// Gopher's repetition rules: repeated lines and paragraphs (by count and by characters), the
/// character share of the most frequent 2–4-gram, and the character share of repeated 5–10-grams.
/// </summary>
/// <remarks>
/// Word n-grams are compared by a 64-bit polynomial hash of word hashes. A repeated n-gram always
/// holds two repeated (n−1)-grams, so each n is counted only where n−1 repeated (see
/// <see cref="WordNgrams"/>): on ordinary prose that is few positions, which keeps the filter
/// linear and cheap. Characters are counted once even where repeated n-grams overlap.
/// Thread-safe: per-thread scratch tables only.
/// </remarks>
public sealed class GopherRepetitionFilter : DocumentStage
{
    private static readonly string[] TopRules = [.. Enumerable.Range(2, 3).Select(n => $"top_{n}gram_char_fraction")];
    private static readonly string[] DuplicateRules = [.. Enumerable.Range(5, 6).Select(n => $"duplicate_{n}gram_char_fraction")];

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
        if (_options.Compat == FilterCompat.DataTrove)
        {
            DataTroveRepetition.Evaluate(document.Text, _options, ref check);
        }
        else
        {
            Evaluate(TextStatistics.For(document.Text), ref check);
        }

        check.Apply();
    }

    private void Evaluate(TextStatistics stats, ref RuleCheck check)
    {
        var o = _options;
        double length = Math.Max(stats.Text.Length, 1);
        var paragraphs = RepeatedBlocks.Paragraphs(stats);
        check.AtMost("duplicate_paragraph_fraction", paragraphs.Fraction, o.MaxDuplicateParagraphFraction);
        check.AtMost("duplicate_paragraph_char_fraction", paragraphs.Chars / length, o.MaxDuplicateParagraphCharFraction);
        var lines = stats.RepeatedLines();
        check.AtMost("duplicate_line_fraction", lines.Fraction, o.MaxDuplicateLineFraction);
        check.AtMost("duplicate_line_char_fraction", lines.Chars / length, o.MaxDuplicateLineCharFraction);
        if (!check.Open || stats.WordCount < 2)
        {
            return;
        }

        var ngrams = new WordNgrams(stats);
        for (var n = 2; n <= 4 && check.Open; n++)
        {
            check.AtMost(TopRules[n - 2], ngrams.Next(out _) / length, o.MaxTopNgramCharFraction[n - 2]);
        }

        for (var n = 5; n <= 10 && check.Open; n++)
        {
            ngrams.Next(out var chars);
            var fraction = Math.Min(1, chars / length);
            check.AtMost(DuplicateRules[n - 5], fraction, o.MaxDuplicateNgramCharFraction[n - 5]);
            if (o.Mode == FilterMode.Remove && NoneAbove(fraction, n + 1))
            {
                break;
            }
        }
    }

    /// <summary>
    /// True when no longer n-gram can fire: the words a repeated (n+1)-gram covers are covered by
    /// repeated n-grams too, so the fraction never grows with n.
    /// </summary>
    private bool NoneAbove(double fraction, int from)
    {
        for (var n = from; n <= 10; n++)
        {
            if (_options.MaxDuplicateNgramCharFraction[n - 5] is { } max && fraction > max)
            {
                return false;
            }
        }

        return true;
    }
}
