using System.Buffers;
using Winnow.Documents;
using Winnow.Filters.DataTrove;
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
        if (_options.Compat == FilterCompat.DataTrove)
        {
            DataTroveC4.Process(document, _options, ref check, Name);
            check.Apply();
            return;
        }

        var stats = TextStatistics.For(document.Text);
        var tally = new C4LineTally();
        var text = stats.Text.AsSpan();
        var presence = new C4Presence(text, _options);
        var lines = stats.Lines;
        var tokens = stats.LineTokens;
        var longest = stats.LineLongestToken;
        var rebuild = _options.Mode == FilterMode.Remove;
        char[]? kept = null;
        var length = 0;
        var sentences = 0;
        try
        {
            for (var i = 0; i < lines.Length; i++)
            {
                var raw = lines[i].Of(text);
                var line = raw.Trim();
                if (line.IsEmpty)
                {
                    // Blank lines carry paragraph structure that later stages read; C4 had none to keep.
                    if (raw.Length > 0 && rebuild)
                    {
                        kept ??= Start(text, lines, i, ref length);
                    }

                    if (kept is not null)
                    {
                        kept[length++] = '\n';
                    }

                    continue;
                }

                var verdict = C4Lines.Judge(line, tokens[i], longest[i], _options, presence, out var cleaned);
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
                    if (rebuild)
                    {
                        kept ??= Start(text, lines, i, ref length);
                    }

                    continue;
                }

                sentences += C4Lines.Sentences(cleaned);
                if (rebuild && cleaned.Length != raw.Length)
                {
                    kept ??= Start(text, lines, i, ref length);
                }

                if (kept is not null)
                {
                    cleaned.CopyTo(kept.AsSpan(length));
                    length += cleaned.Length;
                    kept[length++] = '\n';
                }
            }

            tally.Record(document, Name);
            check.Record("sentences", sentences);
            check.AtLeast("sentences", sentences, _options.MinSentences);
            if (check.Reason is null && kept is not null)
            {
                document.Text = new string(kept.AsSpan(0, length).Trim('\n'));
            }

            check.Apply();
        }
        finally
        {
            if (kept is not null)
            {
                ArrayPool<char>.Shared.Return(kept);
            }
        }
    }

    /// <summary>
    /// The kept text begins at the first line that changes: every line before it is kept as it
    /// was (or is empty), so the output so far is those lines, each ended by '\n'.
    /// </summary>
    private static char[] Start(ReadOnlySpan<char> text, ReadOnlySpan<Segment> lines, int changed, ref int length)
    {
        var kept = ArrayPool<char>.Shared.Rent(text.Length + 1);
        for (var j = 0; j < changed; j++)
        {
            lines[j].Of(text).CopyTo(kept.AsSpan(length));
            length += lines[j].Length;
            kept[length++] = '\n';
        }

        return kept;
    }

    private static string Excerpt(ReadOnlySpan<char> line) => line.Length <= 60 ? line.ToString() : string.Concat(line[..57], "...");
}
