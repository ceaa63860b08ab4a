using System.Text.Json;
using Winnow.Synth;

namespace Winnow.Evaluation;

/// <summary>
/// Scores reuse.jsonl against a quoted development set (docs/synth.md). Recall: passages of 40
/// words or more with a reported passage between their two documents overlapping both spans (the
/// one overlapping most is the passage's hit). Boundaries: hits whose four boundaries are within
/// one sentence of the truth (no sentence end between the true and the reported offset).
/// Precision: reported passages whose two sides really share text — at least half of the words
/// of each side lie in a word 4-gram found on the other side; <see cref="Scores.TruthCorrect"/>
/// counts those explained by the truth instead (overlapping one injected passage on both sides,
/// or two quotes of overlapping source text).
/// </summary>
/// <remarks>Thread-safe: stateless.</remarks>
internal static class QuotedScoring
{
    public const int MinWords = 40;
    private const int SharedGram = 4;

    public readonly record struct Scores(int Eligible, int Found, int GoodBounds, int Reported, int SharedText, int TruthCorrect)
    {
        public double Recall => Eligible == 0 ? 1 : (double)Found / Eligible;

        public double Boundaries => Found == 0 ? 1 : (double)GoodBounds / Found;

        public double Precision => Reported == 0 ? 1 : (double)SharedText / Reported;

        public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"recall (>= {MinWords} words) {Recall:F4} ({Found}/{Eligible}); boundaries within one sentence {Boundaries:F4} ({GoodBounds}/{Found}); " +
            $"precision (sides share text) {Precision:F4} ({SharedText}/{Reported}); explained by the truth {(Reported == 0 ? 1 : (double)TruthCorrect / Reported):F4}");
    }

    public readonly record struct Truth(string Source, int SourceStart, int SourceEnd, string Target, int TargetStart, int TargetEnd, int Words);

    public readonly record struct Reported(string A, int AStart, int AEnd, string B, int BStart, int BEnd);

    public static Scores Score(IReadOnlyDictionary<string, string> texts, IReadOnlyList<Truth> truths, IReadOnlyList<Reported> reported)
    {
        var byPair = reported.ToLookup(r => Key(r.A, r.B));
        int eligible = 0, found = 0, good = 0;
        foreach (var t in truths.Where(t => t.Words >= MinWords))
        {
            eligible++;
            Reported? best = null;
            var bestOverlap = 0;
            foreach (var r in byPair[Key(t.Source, t.Target)])
            {
                var (s, e) = Oriented(r, t.Source);
                var overlap = Overlap(s, t.SourceStart, t.SourceEnd) + Overlap(e, t.TargetStart, t.TargetEnd);
                if (Overlap(s, t.SourceStart, t.SourceEnd) > 0 && Overlap(e, t.TargetStart, t.TargetEnd) > 0 && overlap > bestOverlap)
                {
                    (best, bestOverlap) = (r, overlap);
                }
            }

            if (best is not { } hit)
            {
                continue;
            }

            found++;
            var (src, tgt) = Oriented(hit, t.Source);
            var (st, tt) = (texts[t.Source], texts[t.Target]);
            good += WithinSentence(st, t.SourceStart, src.Start) && WithinSentence(st, t.SourceEnd, src.End)
                && WithinSentence(tt, t.TargetStart, tgt.Start) && WithinSentence(tt, t.TargetEnd, tgt.End) ? 1 : 0;
        }

        int shared = 0, explained = 0;
        foreach (var r in reported)
        {
            shared += SharesText(texts[r.A].AsSpan(r.AStart, r.AEnd - r.AStart), texts[r.B].AsSpan(r.BStart, r.BEnd - r.BStart)) ? 1 : 0;
            explained += Explained(r, truths) ? 1 : 0;
        }

        return new Scores(eligible, found, good, reported.Count, shared, explained);
    }

    public static Scores Score(string docsPath, string passagesPath, string reusePath)
    {
        var texts = Lines(docsPath).ToDictionary(d => d.GetProperty("id").GetString()!, d => d.GetProperty("text").GetString() ?? string.Empty);
        var truths = Lines(passagesPath).Select(p => new Truth(
            p.GetProperty("source").GetString()!, p.GetProperty("source_start").GetInt32(), p.GetProperty("source_end").GetInt32(),
            p.GetProperty("target").GetString()!, p.GetProperty("target_start").GetInt32(), p.GetProperty("target_end").GetInt32(),
            p.GetProperty("words").GetInt32())).ToList();
        var reported = Lines(reusePath).Select(r => new Reported(
            r.GetProperty("a").GetString()!, r.GetProperty("a_start").GetInt32(), r.GetProperty("a_end").GetInt32(),
            r.GetProperty("b").GetString()!, r.GetProperty("b_start").GetInt32(), r.GetProperty("b_end").GetInt32())).ToList();
        return Score(texts, truths, reported);
    }

    private static (string, string) Key(string x, string y) => string.CompareOrdinal(x, y) < 0 ? (x, y) : (y, x);

    // The reported sides as (side in the source document, side in the target document).
    private static ((int Start, int End) Source, (int Start, int End) Target) Oriented(Reported r, string source) =>
        r.A == source ? ((r.AStart, r.AEnd), (r.BStart, r.BEnd)) : ((r.BStart, r.BEnd), (r.AStart, r.AEnd));

    private static int Overlap((int Start, int End) side, int start, int end) => Math.Max(0, Math.Min(side.End, end) - Math.Max(side.Start, start));

    private static bool Explained(Reported r, IReadOnlyList<Truth> truths)
    {
        bool Covers(string doc, int start, int end, Truth t, bool targetSide) => targetSide
            ? doc == t.Target && Overlap((start, end), t.TargetStart, t.TargetEnd) > 0
            : doc == t.Source && Overlap((start, end), t.SourceStart, t.SourceEnd) > 0;

        foreach (var t in truths)
        {
            if ((Covers(r.A, r.AStart, r.AEnd, t, false) && Covers(r.B, r.BStart, r.BEnd, t, true))
                || (Covers(r.B, r.BStart, r.BEnd, t, false) && Covers(r.A, r.AStart, r.AEnd, t, true)))
            {
                return true;
            }
        }

        // Two quotes of overlapping text of one source.
        foreach (var x in truths.Where(t => Covers(r.A, r.AStart, r.AEnd, t, true)))
        {
            if (truths.Any(y => y.Source == x.Source && Covers(r.B, r.BStart, r.BEnd, y, true) && Overlap((x.SourceStart, x.SourceEnd), y.SourceStart, y.SourceEnd) > 0))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>At least half of the words of each side lie in a word 4-gram that the other side has too.</summary>
    internal static bool SharesText(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var (wa, wb) = (Words(a), Words(b));
        return Covered(wa, Grams(wb)) * 2 >= wa.Count && Covered(wb, Grams(wa)) * 2 >= wb.Count;
    }

    private static List<ulong> Words(ReadOnlySpan<char> text)
    {
        var words = new List<ulong>();
        var i = 0;
        while (ShingleJaccard.NextToken(text, ref i, out var h))
        {
            words.Add(h);
        }

        return words;
    }

    private static HashSet<(ulong, ulong, ulong, ulong)> Grams(List<ulong> w) =>
        [.. Enumerable.Range(0, Math.Max(0, w.Count - SharedGram + 1)).Select(i => (w[i], w[i + 1], w[i + 2], w[i + 3]))];

    private static int Covered(List<ulong> w, HashSet<(ulong, ulong, ulong, ulong)> other)
    {
        var covered = new bool[w.Count];
        for (var i = 0; i + SharedGram <= w.Count; i++)
        {
            if (other.Contains((w[i], w[i + 1], w[i + 2], w[i + 3])))
            {
                covered.AsSpan(i, SharedGram).Fill(true);
            }
        }

        return covered.Count(c => c);
    }

    // No sentence end strictly inside the text between the two offsets (edge punctuation, quotes and markup ignored).
    private static bool WithinSentence(string text, int truth, int reported)
    {
        var (from, to) = (Math.Min(truth, reported), Math.Max(truth, reported));
        var gap = text.AsSpan(from, to - from).Trim(" \n\t.?!\"“”'’‘«»>*[]()");
        for (var i = 0; i + 1 < gap.Length; i++)
        {
            if (gap[i] is '.' or '?' or '!' && (char.IsWhiteSpace(gap[i + 1]) || gap[i + 1] is '”' or '"' or '»'))
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<JsonElement> Lines(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement);
}
