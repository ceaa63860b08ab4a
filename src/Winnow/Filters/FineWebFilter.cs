using Winnow.Documents;
using Winnow.Filters.DataTrove;
using Winnow.Pipeline;

namespace Winnow.Filters;

/// <summary>
/// FineWeb's own rules: share of lines ending in punctuation, share of short lines, share of
/// characters in repeated lines, and newlines per word.
/// </summary>
/// <remarks>Thread-safe: holds only immutable options.</remarks>
public sealed class FineWebFilter : DocumentStage
{
    private readonly FineWebOptions _options;

    /// <summary>Creates the filter; null options mean FineWeb's values.</summary>
    public FineWebFilter(FineWebOptions? options = null) => _options = options ?? new FineWebOptions();

    /// <inheritdoc />
    public override string Name => "fineweb";

    /// <inheritdoc />
    public override void Process(Document document)
    {
        var check = new RuleCheck(document, Name, _options.Mode);
        if (_options.Compat == FilterCompat.DataTrove)
        {
            DataTroveFineWeb.Evaluate(document.Text, _options, ref check);
            check.Apply();
            return;
        }

        var stats = TextStatistics.For(document.Text);
        var text = stats.Text.AsSpan();
        int lines = 0, punctuated = 0, shortLines = 0;
        foreach (var segment in stats.Lines)
        {
            var line = segment.Of(text);
            if (LineMarks.IsBlank(line))
            {
                continue;
            }

            lines++;
            if (LineMarks.EndsWithTerminal(line))
            {
                punctuated++;
            }

            if (line.Length <= _options.ShortLineLength)
            {
                shortLines++;
            }
        }

        if (lines == 0)
        {
            check.Flag("empty", true, "empty: no non-blank line");
            check.Apply();
            return;
        }

        check.AtLeast("line_punctuation_ratio", (double)punctuated / lines, _options.MinLinePunctuationRatio);
        check.AtMost("short_line_ratio", (double)shortLines / lines, _options.MaxShortLineRatio);
        if (check.Open)
        {
            var newlines = text.Count('\n');
            var repeated = stats.RepeatedLines();
            check.AtMost("duplicate_line_char_ratio", repeated.Chars / Math.Max(text.Length - newlines, 1), _options.MaxDuplicateLineCharRatio);
            check.AtMost("newline_word_ratio", (double)newlines / Math.Max(stats.WordCount, 1), _options.MaxNewlineWordRatio);
        }

        check.Apply();
    }
}
