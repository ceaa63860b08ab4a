using System.Diagnostics;
using System.Globalization;

namespace Winnow.Synth.FromTexts;

/// <summary>
/// A near-duplicate development set from real article bodies: each article as published, 0–5
/// copies republished on other sites (site header and footer, and each at random: another quote
/// style, typing errors, one or two paragraphs dropped, paragraphs cut short at a sentence, the
/// article's end cut, lines re-wrapped), and, as traps, short unrelated posts of one site sharing
/// a long footer.
/// </summary>
/// <remarks>
/// Every seventh usable text becomes a trap post (an excerpt of 25–110 words); the others are
/// articles. Documents are shuffled, so a copy may come before its original. Deterministic for
/// the sources and the seed; stateless and thread-safe.
/// </remarks>
internal static class RepublishedCorpus
{
    private const int TrapEvery = 7;
    private static readonly double[] CopyWeights = [0.15, 0.25, 0.25, 0.15, 0.1, 0.1];

    public static FromTextsSummary Write(IReadOnlyList<SourceText> sources, FromTextsOptions options, string outputPath)
    {
        options.Validate();
        var clock = Stopwatch.StartNew();
        var docs = new List<Doc>();
        int articles = 0, traps = 0;
        for (var s = 0; s < sources.Count; s++)
        {
            var rng = new SynthRng(options.Seed, s, SynthStream.FromTexts);
            var source = sources[s];
            if (s % TrapEvery == TrapEvery - 1)
            {
                var site = RepublishingSite.LongFooters[traps % RepublishingSite.LongFooters.Length];
                docs.Add(new Doc($"t{traps:D4}", "trap", source.Id, Dress(site, Excerpt(source, rng.Between(25, 110), ref rng)), site.Host, Edits.None));
                traps++;
                continue;
            }

            var article = $"a{articles++:D4}";
            var original = source.Text;
            docs.Add(new Doc(article, "original", source.Id, original, "articles.example", Edits.None));
            var sites = Enumerable.Range(0, RepublishingSite.Syndicators.Length).ToArray();
            var copies = Pick(CopyWeights, ref rng);
            for (var c = 0; c < copies; c++)
            {
                // Each copy on a site of its own.
                var k = c + rng.NextInt(sites.Length - c);
                (sites[c], sites[k]) = (sites[k], sites[c]);
                var site = RepublishingSite.Syndicators[sites[c]];
                var (body, edits) = Republish(source, ref rng);
                docs.Add(new Doc(article, "copy", source.Id, Dress(site, body), site.Host, edits));
            }
        }

        var order = new SynthRng(options.Seed, -1, SynthStream.FromTexts);
        Shuffle(docs, ref order);
        var paths = SynthPaths.For(outputPath);
        var originals = docs.Where(d => d.Kind == "original").ToDictionary(d => d.Article, d => d.Text);
        var table = new ShingleTable();
        using (var writer = new TextDocWriter(paths.Docs, paths.Truth))
        {
            for (var i = 0; i < docs.Count; i++)
            {
                var d = docs[i];
                var id = string.Create(CultureInfo.InvariantCulture, $"n{i:D5}");
                writer.WriteDoc(id, d.Text, d.Host);
                var w = writer.BeginTruth();
                w.WriteString("id"u8, id);
                w.WriteString("article"u8, d.Article);
                w.WriteString("kind"u8, d.Kind);
                w.WriteString("source"u8, d.Source);
                w.WriteString("site"u8, d.Host);
                w.WriteString("quotes"u8, d.Edits.Quotes);
                w.WriteNumber("typos"u8, d.Edits.Typos);
                w.WriteNumber("paragraphs_dropped"u8, d.Edits.Dropped);
                w.WriteNumber("paragraphs_shortened"u8, d.Edits.Shortened);
                w.WriteBoolean("end_cut"u8, d.Edits.EndCut);
                w.WriteNumber("words_cut"u8, Math.Round(d.Edits.WordsCut, 4));
                w.WriteNumber("rewrap_width"u8, d.Edits.Width);
                w.WriteNumber("jaccard"u8, d.Kind == "trap" ? 1 : Math.Round(ShingleJaccard.Jaccard(d.Text, originals[d.Article], table), 6));
                writer.EndTruth();
            }
        }

        return new FromTextsSummary(sources.Count, docs.Count, docs.Count(d => d.Kind == "copy"), traps, 0, paths.Docs, paths.Truth, clock.Elapsed);
    }

    // A copy's body: structural edits first (drop, truncate), then typography.
    private static (string Body, Edits Edits) Republish(SourceText source, ref SynthRng rng)
    {
        var paragraphs = source.Paragraphs.ToList();
        var before = ShingleJaccard.CountWords(source.Text);
        var edits = Edits.None;
        if (paragraphs.Count >= 4 && rng.Chance(0.3))
        {
            var drop = rng.Between(1, 2);
            for (var d = 0; d < drop; d++)
            {
                paragraphs.RemoveAt(rng.Between(1, paragraphs.Count - 1));
            }

            edits = edits with { Dropped = drop };
        }

        if (rng.Chance(0.3))
        {
            // Paragraphs cut short: each keeps its first sentences.
            var cut = rng.Between(1, 3);
            for (var c = 0; c < cut; c++)
            {
                var p = rng.NextInt(paragraphs.Count);
                var sentences = Sentences.Split(paragraphs[p]);
                if (sentences.Count >= 2)
                {
                    paragraphs[p] = paragraphs[p][..sentences[rng.Between(0, sentences.Count - 2)].End];
                    edits = edits with { Shortened = edits.Shortened + 1 };
                }
            }
        }

        if (rng.Chance(0.1))
        {
            paragraphs = Truncate(paragraphs, rng.Uniform(0.4, 0.9));
            edits = edits with { EndCut = true };
        }

        edits = edits with { WordsCut = 1 - ((double)ShingleJaccard.CountWords(string.Join(' ', paragraphs)) / before) };

        var body = string.Join("\n\n", paragraphs);
        if (rng.Chance(0.5))
        {
            var style = (TypographicEdits.QuoteStyle)rng.NextInt(3);
            body = TypographicEdits.ChangeQuotes(body, style);
            edits = edits with { Quotes = style.ToString().ToLowerInvariant() };
        }

        if (rng.Chance(0.6))
        {
            body = TypographicEdits.Typos(body, rng.Uniform(0.002, 0.015), ref rng, out var made);
            edits = edits with { Typos = made };
        }

        if (rng.Chance(0.35))
        {
            var width = rng.Between(60, 80);
            body = string.Join("\n\n", body.Split("\n\n").Select(p => TypographicEdits.Rewrap(p, width)));
            edits = edits with { Width = width };
        }

        return (body, edits);
    }

    /// <summary>The paragraphs up to the sentence where <paramref name="keep"/> of the words are reached.</summary>
    private static List<string> Truncate(List<string> paragraphs, double keep)
    {
        var total = ShingleJaccard.CountWords(string.Join(' ', paragraphs));
        var target = (int)(keep * total);
        var kept = new List<string>();
        var words = 0;
        foreach (var paragraph in paragraphs)
        {
            var count = ShingleJaccard.CountWords(paragraph);
            if (words + count <= target)
            {
                kept.Add(paragraph);
                words += count;
                continue;
            }

            foreach (var (_, end) in Sentences.Split(paragraph))
            {
                if (words + ShingleJaccard.CountWords(paragraph.AsSpan(0, end)) >= target)
                {
                    kept.Add(paragraph[..end]);
                    break;
                }
            }

            break;
        }

        return kept.Count > 0 ? kept : [paragraphs[0]];
    }

    /// <summary>Whole sentences from a random point of the text, about <paramref name="words"/> words.</summary>
    private static string Excerpt(SourceText source, int words, ref SynthRng rng)
    {
        var sentences = source.Paragraphs.SelectMany(p => Sentences.Split(p).Select(r => p[r.Start..r.End])).ToList();
        var first = rng.NextInt(sentences.Count);
        var taken = new List<string>();
        var count = 0;
        for (var i = first; i < sentences.Count && count < words; i++)
        {
            taken.Add(sentences[i]);
            count += ShingleJaccard.CountWords(sentences[i]);
        }

        for (var i = first - 1; i >= 0 && count < words; i--)
        {
            taken.Insert(0, sentences[i]);
            count += ShingleJaccard.CountWords(sentences[i]);
        }

        return string.Join(' ', taken);
    }

    private static string Dress(RepublishingSite site, string body) => string.Join("\n\n", [.. site.Header, body, .. site.Footer]);

    private static int Pick(double[] weights, ref SynthRng rng)
    {
        var x = rng.NextDouble();
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private static void Shuffle<T>(List<T> items, ref SynthRng rng)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = rng.NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private sealed record Doc(string Article, string Kind, string Source, string Text, string Host, Edits Edits);

    private readonly record struct Edits(string Quotes, int Typos, int Dropped, int Shortened, bool EndCut, double WordsCut, int Width)
    {
        public static Edits None => new("kept", 0, 0, 0, false, 0, 0);
    }
}
