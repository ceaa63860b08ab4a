using System.Text.Json;
using Winnow.Synth;

namespace Winnow.Evaluation;

/// <summary>
/// Scores clusters against a republished development set (docs/synth.md): a predicted pair is
/// correct when both documents are the same article (original or copies; every trap post is an
/// article of its own). Recall is given for the pairs of one article whose exact word 5-gram
/// Jaccard (<see cref="ShingleJaccard"/>: Python's <c>re.findall(r"\w+", text.lower())</c>) is at
/// least the threshold, and for all pairs of one article. Missed high-Jaccard pairs are sorted by
/// where they ended: in two clusters, one in a cluster, or neither.
/// </summary>
/// <remarks>Thread-safe: stateless.</remarks>
internal static class RepublishedScoring
{
    public readonly record struct Scores(
        long PredictedPairs, long CorrectPairs, long SimilarPairs, long SimilarFound, long ArticlePairs, long ArticleFound,
        long MissedSplit, long MissedOneOut, long MissedBothOut)
    {
        public double Precision => PredictedPairs == 0 ? 1 : (double)CorrectPairs / PredictedPairs;

        public double SimilarRecall => SimilarPairs == 0 ? 1 : (double)SimilarFound / SimilarPairs;

        public double ArticleRecall => ArticlePairs == 0 ? 1 : (double)ArticleFound / ArticlePairs;

        public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"pair precision {Precision:F4} ({CorrectPairs}/{PredictedPairs}); recall J>=0.8 {SimilarRecall:F4} ({SimilarFound}/{SimilarPairs}; missed: {MissedSplit} in two clusters, {MissedOneOut} one outside, {MissedBothOut} both outside); recall same article {ArticleRecall:F4} ({ArticleFound}/{ArticlePairs})");
    }

    /// <summary>The set's documents (id, text) and truth (id → article), in file order.</summary>
    public sealed record DevSet(string[] Ids, string[] Texts, string[] Articles)
    {
        public static DevSet Read(string docsPath, string truthPath)
        {
            var docs = File.ReadLines(docsPath).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            var truth = File.ReadLines(truthPath).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement)
                .ToDictionary(t => t.GetProperty("id").GetString()!, t => t.GetProperty("article").GetString()!);
            var ids = docs.Select(d => d.GetProperty("id").GetString()!).ToArray();
            return new DevSet(ids, [.. docs.Select(d => d.GetProperty("text").GetString() ?? string.Empty)], [.. ids.Select(id => truth[id])]);
        }
    }

    /// <param name="set">The development set.</param>
    /// <param name="cluster">Predicted cluster per document id (documents in no cluster are absent).</param>
    /// <param name="threshold">The Jaccard a pair needs to count among the similar pairs.</param>
    public static Scores Score(DevSet set, IReadOnlyDictionary<string, long> cluster, double threshold = 0.8)
    {
        var table = new ShingleTable();
        long predicted = 0, correct = 0, similar = 0, similarFound = 0, pairs = 0, found = 0, split = 0, oneOut = 0, bothOut = 0;
        long? Label(int i) => cluster.TryGetValue(set.Ids[i], out var c) ? c : null;
        foreach (var group in Enumerable.Range(0, set.Ids.Length).Where(i => Label(i) is not null).GroupBy(i => Label(i)!.Value))
        {
            var members = group.ToArray();
            for (var x = 0; x < members.Length; x++)
            {
                for (var y = x + 1; y < members.Length; y++)
                {
                    predicted++;
                    correct += set.Articles[members[x]] == set.Articles[members[y]] ? 1 : 0;
                }
            }
        }

        foreach (var group in Enumerable.Range(0, set.Ids.Length).GroupBy(i => set.Articles[i]))
        {
            var members = group.ToArray();
            for (var x = 0; x < members.Length; x++)
            {
                for (var y = x + 1; y < members.Length; y++)
                {
                    var (a, b) = (Label(members[x]), Label(members[y]));
                    var together = a is not null && a == b;
                    pairs++;
                    found += together ? 1 : 0;
                    if (ShingleJaccard.Jaccard(set.Texts[members[x]], set.Texts[members[y]], table) < threshold)
                    {
                        continue;
                    }

                    similar++;
                    similarFound += together ? 1 : 0;
                    if (!together)
                    {
                        split += a is not null && b is not null ? 1 : 0;
                        oneOut += (a is null) != (b is null) ? 1 : 0;
                        bothOut += a is null && b is null ? 1 : 0;
                    }
                }
            }
        }

        return new Scores(predicted, correct, similar, similarFound, pairs, found, split, oneOut, bothOut);
    }

    /// <summary>Cluster labels from Winnow's clusters.jsonl (label = cluster id).</summary>
    public static Dictionary<string, long> ReadWinnowClusters(string path)
    {
        var labels = new Dictionary<string, long>();
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            using var o = JsonDocument.Parse(line);
            var id = o.RootElement.GetProperty("cluster").GetInt64();
            foreach (var m in o.RootElement.GetProperty("members").EnumerateArray())
            {
                labels[m.GetProperty("id").GetString()!] = id;
            }
        }

        return labels;
    }

    /// <summary>Cluster labels from a file of JSON arrays of ids, one cluster a line (datasketch's --clusters-out).</summary>
    public static Dictionary<string, long> ReadIdLists(string path)
    {
        var labels = new Dictionary<string, long>();
        var n = 0L;
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            foreach (var id in JsonSerializer.Deserialize<string[]>(line)!)
            {
                labels[id] = n;
            }

            n++;
        }

        return labels;
    }
}
