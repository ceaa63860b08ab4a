using System.Text;
using Winnow.Documents;
using Winnow.Pipeline;

namespace Winnow.Filters;

/// <summary>
/// C4's rules: line filters (terminal punctuation, words per line, long words, "javascript",
/// policy lines, citation marks) that edit the text, and page rules ("lorem ipsum", curly brace,
/// too few sentences) that remove it. Line counts per rule are recorded as attributes
/// ("c4" → "lines_dropped_javascript", ...) whenever a line is dropped.
/// </summary>
/// <remarks>Thread-safe: holds only immutable options.</remarks>
public sealed class C4Filter : DocumentStage
{
    private readonly C4Options _options;

    /// <summary>Creates the filter; null options mean C4's values.</summary>
    public C4Filter(C4Options? options = null) => _options = options ?? new C4Options();

    /// <inheritdoc />
    public override string Name => "c4";

    /// <inheritdoc />
    public override void Process(Document document)
    {
        var check = new RuleCheck(document, Name, _options.Mode);
        var stats = TextStatistics.For(document.Text);
        var tally = new C4LineTally();
        StringBuilder? kept = null;
        var text = stats.Text.AsSpan();
        var sentences = 0;
        var changed = false;
        foreach (var segment in stats.Lines)
        {
            var raw = segment.Of(text);
            var line = raw.Trim();
            if (line.IsEmpty)
            {
                // Blank lines carry paragraph structure that later stages read; C4 had none to keep.
                changed |= raw.Length > 0;
                kept?.Append('\n');
                continue;
            }

            var verdict = C4Lines.Judge(line, _options, out var cleaned);
            if (verdict is C4LineVerdict.LoremIpsum or C4LineVerdict.CurlyBrace)
            {
                var rule = verdict == C4LineVerdict.LoremIpsum ? "lorem_ipsum" : "curly_brace";
                check.Flag(rule, true, $"{rule}: line {tally.Total + 1} \"{Excerpt(line)}\"");
                if (!check.Open)
                {
                    check.Apply();
                    return;
                }

                verdict = C4LineVerdict.Keep;
            }

            tally.Count(verdict);
            if (verdict != C4LineVerdict.Keep)
            {
                changed = true;
                continue;
            }

            sentences += C4Lines.Sentences(cleaned);
            changed |= cleaned.Length != raw.Length;
            if (_options.Mode == FilterMode.Remove)
            {
                kept ??= new StringBuilder(text.Length);
                kept.Append(cleaned).Append('\n');
            }
        }

        tally.Record(document, Name);
        check.Record("sentences", sentences);
        check.AtLeast("sentences", sentences, _options.MinSentences);
        if (check.Reason is null && changed && _options.Mode == FilterMode.Remove)
        {
            document.Text = kept is null ? string.Empty : kept.ToString().Trim('\n');
        }

        check.Apply();
    }

    private static string Excerpt(ReadOnlySpan<char> line) => line.Length <= 60 ? line.ToString() : string.Concat(line[..57], "...");
}
