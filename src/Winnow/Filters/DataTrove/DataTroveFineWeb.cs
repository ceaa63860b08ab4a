using Winnow.Text;

namespace Winnow.Filters.DataTrove;

/// <summary>
/// FineWeb's rules measured as DataTrove's FineWebQualityFilter measures them: lines are the text split
/// at '\n' and kept when not blank; a line is punctuated when its last character, as is (a trailing
/// space or '\r' counts), is in TERMINAL_PUNCTUATION; lengths are code points; repeated lines' characters
/// are divided by the text's characters other than '\n'; newlines are divided by the English tokens.
/// </summary>
internal static class DataTroveFineWeb
{
    public static void Evaluate(string text, in FineWebOptions o, ref RuleCheck check)
    {
        var span = text.AsSpan();
        var counter = HashCounter.ForThread();
        var newlines = span.Count('\n');
        counter.Reset(newlines + 1);
        int lines = 0, punctuated = 0, shortLines = 0;
        long repeatedChars = 0;
        for (var start = 0; start <= span.Length;)
        {
            var at = span[start..].IndexOf('\n');
            var end = at < 0 ? span.Length : start + at;
            var line = span[start..end];
            start = end + 1;
            if (PythonStrings.IsBlank(line))
            {
                continue;
            }

            lines++;
            var length = PythonStrings.Length(line);
            if (DataTrovePunctuation.EndsWithTerminal(line))
            {
                punctuated++;
            }

            if (length <= o.ShortLineLength)
            {
                shortLines++;
            }

            if (counter.Add(TextHash.Of(line)) > 1)
            {
                repeatedChars += length;
            }
        }

        if (lines == 0)
        {
            check.Flag("empty", true, "empty: no non-blank line");
            return;
        }

        check.AtLeast("line_punctuation_ratio", (double)punctuated / lines, o.MinLinePunctuationRatio);
        check.AtMost("short_line_ratio", (double)shortLines / lines, o.MaxShortLineRatio);
        if (check.Open)
        {
            var chars = Math.Max(PythonStrings.Length(span) - newlines, 1);
            check.AtMost("duplicate_line_char_ratio", (double)repeatedChars / chars, o.MaxDuplicateLineCharRatio);
            check.AtMost("newline_word_ratio", (double)newlines / Math.Max(DataTroveWords.CountFor(text), 1), o.MaxNewlineWordRatio);
        }
    }
}
