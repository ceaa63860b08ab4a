using System.Globalization;
using System.Text.Json.Nodes;

namespace Winnow.Bench;

/// <summary>
/// Scores reuse.jsonl against a synthetic corpus's truth. Recall: injected passages (of 40 words
/// or more) with a reported passage between their source and target overlapping both spans.
/// Boundaries: the text between a true and a reported boundary holds no whole sentence (no
/// sentence end inside it). Precision: reported passages explained by the truth — an injected
/// passage between the two documents' originals, the two being copies of one original, or text
/// both quoting (directly or through a chain) one source, or text that is mostly catalog
/// boilerplate (promos, headers, footers) in the first document.
/// </summary>
internal static class ReuseScorer
{
    public static void Score(string corpus, string reusePath)
    {
        var stem = corpus[..^".jsonl".Length];
        var bases = ReadJsonl(stem + ".truth.jsonl").ToDictionary(t => S(t, "id"), t => S(t, "base"));
        var truths = ReadJsonl(stem + ".passages.jsonl").ToList();
        var boilerplate = ReadJsonl(stem + ".boilerplate.jsonl").Select(b => S(b, "text")).ToArray();
        var reported = ReadJsonl(reusePath).ToList();
        var wanted = new HashSet<string>(truths.SelectMany(t => new[] { S(t, "source"), S(t, "target") }));
        wanted.UnionWith(reported.Select(r => S(r, "a")));
        var texts = ReadJsonl(corpus).Where(d => wanted.Contains(S(d, "id"))).ToDictionary(d => S(d, "id"), d => S(d, "text"));
        var byPair = reported.ToLookup(r => (S(r, "a"), S(r, "b")));

        int eligible = 0, found = 0, goodBounds = 0;
        var injectedPairs = new HashSet<(string, string)>();
        foreach (var t in truths)
        {
            var (source, target) = (S(t, "source"), S(t, "target"));
            injectedPairs.Add((source, target));
            if (t["words"]!.GetValue<int>() < 40)
            {
                continue;
            }

            eligible++;
            var (ss, se, ts, te) = (I(t, "source_start"), I(t, "source_end"), I(t, "target_start"), I(t, "target_end"));
            var hit = byPair[(source, target)].FirstOrDefault(r => I(r, "a_start") < se && I(r, "a_end") > ss && I(r, "b_start") < te && I(r, "b_end") > ts);
            if (hit is null)
            {
                continue;
            }

            found++;
            var (st, tt) = (texts[source], texts[target]);
            if (WithinSentence(st, ss, I(hit, "a_start")) && WithinSentence(st, se, I(hit, "a_end"))
                && WithinSentence(tt, ts, I(hit, "b_start")) && WithinSentence(tt, te, I(hit, "b_end")))
            {
                goodBounds++;
            }
        }

        // A document "contains" its own text and, through each passage it quotes, what its source contains:
        // two targets quoting one source share that text too.
        var contains = new Dictionary<string, HashSet<string>>();
        HashSet<string> Contains(string id) => contains.TryGetValue(id, out var set) ? set : contains[id] = [id];
        foreach (var t in truths.OrderBy(t => S(t, "target"), StringComparer.Ordinal))
        {
            Contains(S(t, "target")).UnionWith(Contains(S(t, "source")));
        }

        int correct = 0, byInjection = 0, byFamily = 0, byBoilerplate = 0, bySharedSource = 0;
        foreach (var r in reported)
        {
            var (a, b) = (S(r, "a"), S(r, "b"));
            var (baseA, baseB) = (bases[a], bases[b]);
            if (injectedPairs.Contains((baseA, baseB)) || injectedPairs.Contains((baseB, baseA)))
            {
                byInjection++;
            }
            else if (baseA == baseB)
            {
                byFamily++;
            }
            else if (Contains(baseA).Overlaps(Contains(baseB)))
            {
                bySharedSource++;
            }
            else if (MostlyBoilerplate(texts[a], I(r, "a_start"), I(r, "a_end"), boilerplate))
            {
                byBoilerplate++;
            }
            else
            {
                continue;
            }

            correct++;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"recall (>= 40 words) {found}/{eligible} = {Ratio(found, eligible):F4}; boundaries within one sentence {goodBounds}/{found} = {Ratio(goodBounds, found):F4}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"precision {correct}/{reported.Count} = {Ratio(correct, reported.Count):F4} (injected pair {byInjection}, copies {byFamily}, quoting one source {bySharedSource}, boilerplate {byBoilerplate})"));
    }

    private static double Ratio(int x, int y) => y == 0 ? 1 : (double)x / y;

    // No sentence end strictly inside the text between the two offsets (edge punctuation ignored).
    private static bool WithinSentence(string text, int truth, int reported)
    {
        var (from, to) = (Math.Min(truth, reported), Math.Max(truth, reported));
        var gap = text.AsSpan(from, to - from).Trim(" \n\t.?!\"“”'’");
        for (var i = 0; i + 1 < gap.Length; i++)
        {
            if (gap[i] is '.' or '?' or '!' && (char.IsWhiteSpace(gap[i + 1]) || gap[i + 1] is '”' or '"'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool MostlyBoilerplate(string text, int start, int end, string[] catalog)
    {
        var covered = new bool[end - start];
        foreach (var paragraph in catalog)
        {
            for (var at = text.IndexOf(paragraph, StringComparison.Ordinal); at >= 0; at = text.IndexOf(paragraph, at + 1, StringComparison.Ordinal))
            {
                for (var i = Math.Max(at, start); i < Math.Min(at + paragraph.Length, end); i++)
                {
                    covered[i - start] = true;
                }
            }
        }

        return covered.Count(c => c) * 2 >= covered.Length;
    }

    private static string S(JsonObject o, string name) => o[name]!.GetValue<string>();

    private static int I(JsonObject o, string name) => o[name]!.GetValue<int>();

    private static IEnumerable<JsonObject> ReadJsonl(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!.AsObject());
}
