using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Winnow.Synth.FromTexts;

/// <summary>
/// A text-reuse development set from real article bodies: some articles carry 1–3 passages of
/// 20–300 words cut at sentence boundaries from other articles of the set, each edited as quoting
/// authors do — at random another quote style or the passage put in quotes, ~1% typing errors, a
/// sentence dropped from the middle of a long passage, a Markdown link laid over a phrase, lines
/// re-wrapped, a Markdown block quote. Half of the further passages of an article come from the
/// source of the one before, at any place of it, so quotes of one source need not keep its order.
/// </summary>
/// <remarks>
/// 60% of the articles are quoting articles; passages are cut only from the others, so a source's
/// offsets are those of its unedited text. Documents are shuffled. Deterministic for the sources
/// and the seed; stateless and thread-safe.
/// </remarks>
internal static class QuotedCorpus
{
    private const double QuotingRate = 0.6;
    private const int MinPassageWords = 20;
    private const int MaxPassageWords = 300;

    public static FromTextsSummary Write(IReadOnlyList<SourceText> sources, FromTextsOptions options, string outputPath)
    {
        options.Validate();
        var clock = Stopwatch.StartNew();
        var quoting = new bool[sources.Count];
        for (var s = 0; s < sources.Count; s++)
        {
            var rng = new SynthRng(options.Seed, s, SynthStream.FromTexts);
            quoting[s] = rng.Chance(QuotingRate);
        }

        var quotable = Enumerable.Range(0, sources.Count).Where(s => !quoting[s]).ToArray();
        var texts = sources.Select(s => s.Text).ToArray();
        var passages = new List<Passage>();
        for (var s = 0; s < sources.Count && quotable.Length > 0; s++)
        {
            if (!quoting[s])
            {
                continue;
            }

            var rng = new SynthRng(options.Seed, s, SynthStream.Edits);
            var paragraphs = sources[s].Paragraphs.ToList();
            var count = Math.Min(rng.Chance(0.5) ? 1 : rng.Chance(0.6) ? 2 : 3, paragraphs.Count);
            var slots = Enumerable.Range(1, paragraphs.Count).OrderBy(_ => rng.Next()).Take(count).OrderDescending().ToArray();
            var inserted = new List<(int Slot, Passage Passage)>();
            var from = -1;
            foreach (var slot in slots)
            {
                // Half the time a further passage comes from the same source: quotes of one article, in any order.
                from = from >= 0 && rng.Chance(0.5) ? from : quotable[rng.NextInt(quotable.Length)];
                var passage = Cut(sources[from], from, s, ref rng);
                for (var attempt = 0; attempt < 8 && inserted.Any(x => x.Passage.Source == from && Overlaps(x.Passage.SourceRange, passage.SourceRange)); attempt++)
                {
                    passage = Cut(sources[from], from, s, ref rng);
                }

                if (inserted.Any(x => x.Passage.Source == from && Overlaps(x.Passage.SourceRange, passage.SourceRange)))
                {
                    continue;
                }

                paragraphs.Insert(slot, passage.Text);
                inserted.Add((slot, passage));
            }

            // Slots were taken from the last to the first, so each passage's index moves by the passages inserted before it.
            texts[s] = string.Join("\n\n", paragraphs);
            var starts = ParagraphStarts(paragraphs);
            foreach (var (slot, passage) in inserted)
            {
                var index = slot + inserted.Count(x => x.Slot < slot);
                var (start, end) = passage.TargetRange;
                passages.Add(passage with { TargetRange = (starts[index] + start, starts[index] + end) });
            }
        }

        var order = Enumerable.Range(0, sources.Count).ToList();
        var shuffle = new SynthRng(options.Seed, -1, SynthStream.FromTexts);
        for (var i = order.Count - 1; i > 0; i--)
        {
            var j = shuffle.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        var ids = new string[sources.Count];
        for (var i = 0; i < order.Count; i++)
        {
            ids[order[i]] = string.Create(CultureInfo.InvariantCulture, $"q{i:D5}");
        }

        var paths = SynthPaths.For(outputPath);
        using (var writer = new TextDocWriter(paths.Docs, paths.Passages))
        {
            foreach (var s in order)
            {
                writer.WriteDoc(ids[s], texts[s], $"site{s % 40:D2}.example");
            }

            var n = 0;
            foreach (var p in passages.OrderBy(p => ids[p.Target], StringComparer.Ordinal).ThenBy(p => p.TargetRange.Start))
            {
                var w = writer.BeginTruth();
                w.WriteString("id"u8, string.Create(CultureInfo.InvariantCulture, $"p{n++:D5}"));
                w.WriteString("source"u8, ids[p.Source]);
                w.WriteNumber("source_start"u8, p.SourceRange.Start);
                w.WriteNumber("source_end"u8, p.SourceRange.End);
                w.WriteString("target"u8, ids[p.Target]);
                w.WriteNumber("target_start"u8, p.TargetRange.Start);
                w.WriteNumber("target_end"u8, p.TargetRange.End);
                w.WriteNumber("words"u8, ShingleJaccard.CountWords(texts[p.Target].AsSpan(p.TargetRange.Start, p.TargetRange.End - p.TargetRange.Start)));
                w.WriteNumber("source_words"u8, ShingleJaccard.CountWords(texts[p.Source].AsSpan(p.SourceRange.Start, p.SourceRange.End - p.SourceRange.Start)));
                w.WriteBoolean("sentence_dropped"u8, p.Dropped);
                w.WriteNumber("typos"u8, p.Typos);
                w.WriteBoolean("link"u8, p.Link);
                w.WriteString("quotes"u8, p.Quotes);
                w.WriteNumber("rewrap_width"u8, p.Width);
                w.WriteBoolean("block_quote"u8, p.BlockQuote);
                writer.EndTruth();
            }
        }

        return new FromTextsSummary(sources.Count, sources.Count, 0, 0, passages.Count, paths.Docs, paths.Passages, clock.Elapsed);
    }

    // Whole sentences of the source, then the quoting author's edits.
    private static Passage Cut(SourceText source, int sourceIndex, int target, ref SynthRng rng)
    {
        var starts = ParagraphStarts(source.Paragraphs);
        var sentences = new List<(int Start, int End, string Text)>();
        for (var p = 0; p < source.Paragraphs.Length; p++)
        {
            foreach (var (from, to) in Sentences.Split(source.Paragraphs[p]))
            {
                sentences.Add((starts[p] + from, starts[p] + to, source.Paragraphs[p][from..to]));
            }
        }

        var wanted = (int)Math.Exp(rng.Uniform(Math.Log(MinPassageWords), Math.Log(MaxPassageWords)));
        var first = rng.NextInt(sentences.Count);
        var last = first;
        var words = ShingleJaccard.CountWords(sentences[first].Text);
        while (words < wanted && last + 1 < sentences.Count && words + ShingleJaccard.CountWords(sentences[last + 1].Text) <= MaxPassageWords)
        {
            words += ShingleJaccard.CountWords(sentences[++last].Text);
        }

        while (words < wanted && first > 0 && words + ShingleJaccard.CountWords(sentences[first - 1].Text) <= MaxPassageWords)
        {
            words += ShingleJaccard.CountWords(sentences[--first].Text);
        }

        var kept = sentences.GetRange(first, last - first + 1).Select(x => x.Text).ToList();
        var dropped = false;
        if (kept.Count >= 4 && words >= 60 && rng.Chance(0.5))
        {
            kept.RemoveAt(rng.Between(1, kept.Count - 2));
            dropped = true;
        }

        var text = string.Join(' ', kept);
        var quotes = "kept";
        if (rng.Chance(0.5))
        {
            var style = (TypographicEdits.QuoteStyle)rng.NextInt(3);
            text = TypographicEdits.ChangeQuotes(text, style);
            quotes = style.ToString().ToLowerInvariant();
        }

        var typos = 0;
        if (rng.Chance(0.8))
        {
            text = TypographicEdits.Typos(text, rng.Uniform(0.005, 0.015), ref rng, out typos);
        }

        var link = rng.Chance(0.4);
        if (link)
        {
            text = TypographicEdits.LinkPhrase(text, "www.example.org", ref rng);
        }

        var width = rng.Chance(0.4) ? rng.Between(60, 80) : 0;
        if (width > 0)
        {
            text = TypographicEdits.Rewrap(text, width);
        }

        // The target span is the quoted text: wrapping quotes and block-quote markers lie outside it or between its lines.
        var blockQuote = rng.Chance(0.2);
        var (open, close) = rng.Chance(0.3) ? ("“", "”") : (string.Empty, string.Empty);
        var paragraph = new StringBuilder();
        paragraph.Append(blockQuote ? "> " : string.Empty).Append(open);
        var start = paragraph.Length;
        paragraph.Append(blockQuote ? text.Replace("\n", "\n> ", StringComparison.Ordinal) : text);
        var end = paragraph.Length;
        paragraph.Append(close);
        return new Passage(sourceIndex, target, (sentences[first].Start, sentences[last].End), (start, end), paragraph.ToString(), dropped, typos, link, open.Length > 0 ? "wrapped" : quotes, width, blockQuote);
    }

    private static bool Overlaps((int Start, int End) x, (int Start, int End) y) => x.Start < y.End && y.Start < x.End;

    private static int[] ParagraphStarts(IReadOnlyList<string> paragraphs)
    {
        var starts = new int[paragraphs.Count];
        for (int p = 1; p < paragraphs.Count; p++)
        {
            starts[p] = starts[p - 1] + paragraphs[p - 1].Length + 2;
        }

        return starts;
    }

    private sealed record Passage(
        int Source, int Target, (int Start, int End) SourceRange, (int Start, int End) TargetRange, string Text,
        bool Dropped, int Typos, bool Link, string Quotes, int Width, bool BlockQuote);
}
