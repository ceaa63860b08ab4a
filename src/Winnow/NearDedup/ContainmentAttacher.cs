using Winnow.Pipeline;

namespace Winnow.NearDedup;

/// <summary>
/// Joins a document to the clusters whose members contain at least the threshold share of its
/// shingles when it shares at least half of the union with a container in each of them and,
/// contained in several clusters, the containers agree on it: a copy cut short or with a
/// paragraph dropped, or a short article republished with a header and footer, whose Jaccard
/// similarity falls below the threshold only because one side has text the other lacks.
/// </summary>
/// <remarks>
/// A short article republished on two sites with their own header and footer is contained in
/// both copies, and the copies, each with chrome the other lacks, may not join each other; short
/// posts of one site sharing a long footer are contained in each other the same way. What tells
/// them apart is the text the small document has that a container lacks: a copy lacks what its
/// own edits changed and another copy has it, while every post lacks the same thing, the post's
/// own text. So a document contained in several clusters joins them all only when the shingles
/// found in none of its containers are at most half of the fewest that any one of them lacks.
/// Only candidate pairs are seen, so a document with a single container is also checked against
/// the other documents that container shares containment with (up to <see cref="MaxSecondHop"/>):
/// posts of one site are each other's containers, and a band collision missed between two of them
/// is then made up. The Jaccard floor keeps a short article quoted whole inside a much longer one
/// apart from it. Attachment runs in rounds until one attaches nothing: a round's decisions are
/// all taken on the clusters as the round found them (the first round: the Jaccard joins), before
/// any is applied, so they depend neither on the order of the pairs nor on each other; a pair is
/// checked when its documents were in different clusters as its band collision came up, and those
/// stay apart until the joins end, so the containers of a document in clusters other than its own
/// are recorded whatever the order of the checks. Not thread-safe itself.
/// </remarks>
internal static class ContainmentAttacher
{
    /// <summary>The Jaccard similarity the attaching pair needs at least.</summary>
    public const double MinSimilarity = 0.5;

    /// <summary>Most documents a lone container's other containment partners are checked against.</summary>
    public const int MaxSecondHop = 16;

    /// <summary>Applies the attachments; returns how many documents were attached.</summary>
    public static long Attach(UnionFind sets, List<Pair> contained, PairVerifier verifier, ParallelOptions parallel)
    {
        var pairs = contained.ToArray();
        Array.Sort(pairs, (x, y) => x.Small != y.Small ? x.Small.CompareTo(y.Small) : x.Large.CompareTo(y.Large));

        // A pair is recorded once per band it collides in: count each once, or a lone container
        // would look like several and skip the second-hop check.
        var distinct = 0;
        for (var i = 0; i < pairs.Length; i++)
        {
            if (distinct == 0 || pairs[i].Small != pairs[distinct - 1].Small || pairs[i].Large != pairs[distinct - 1].Large)
            {
                pairs[distinct++] = pairs[i];
            }
        }

        pairs = pairs[..distinct];

        // Each document's containment partners (either side), sorted.
        var links = new (uint Doc, uint Partner)[pairs.Length * 2];
        for (var i = 0; i < pairs.Length; i++)
        {
            links[2 * i] = (pairs[i].Small, pairs[i].Large);
            links[(2 * i) + 1] = (pairs[i].Large, pairs[i].Small);
        }

        Array.Sort(links);

        // Round after round: an article contained in two copies' clusters joins both, and a copy
        // that was contained in both, with chrome of its own, is then contained in one cluster.
        // Every attachment merges clusters, so the rounds end.
        var attached = 0L;
        for (long round; (round = Round(sets, pairs, links, verifier, parallel)) > 0;)
        {
            attached += round;
        }

        return attached;
    }

    // One round: every decision taken on the clusters as the round found them, then applied.
    private static long Round(UnionFind sets, Pair[] pairs, (uint Doc, uint Partner)[] links, PairVerifier verifier, ParallelOptions parallel)
    {
        var roots = new Dictionary<uint, uint>();
        foreach (var (doc, _) in links)
        {
            roots.TryAdd(doc, sets.Find(doc));
        }

        var decisions = new List<Decision>();
        var foreign = new List<(uint Root, uint Container, double Similarity)>();
        for (var start = 0; start < pairs.Length;)
        {
            var small = pairs[start].Small;
            var own = roots[small];
            foreign.Clear();
            var end = start;
            for (; end < pairs.Length && pairs[end].Small == small; end++)
            {
                if (roots[pairs[end].Large] != own)
                {
                    foreign.Add((roots[pairs[end].Large], pairs[end].Large, pairs[end].Similarity));
                }
            }

            start = end;
            if (foreign.Count == 0)
            {
                continue;
            }

            // Per cluster in root order: its containers must include one sharing half of the union.
            foreign.Sort();
            var clusters = new List<uint>();
            var floor = true;
            for (var f = 0; f < foreign.Count && floor;)
            {
                var root = foreign[f].Root;
                var similar = false;
                for (; f < foreign.Count && foreign[f].Root == root; f++)
                {
                    similar |= foreign[f].Similarity >= MinSimilarity;
                }

                clusters.Add(root);
                floor = similar;
            }

            if (!floor)
            {
                continue;
            }

            if (clusters.Count == 1)
            {
                var checks = foreign.Count == 1 ? SecondHop(links, roots, small, foreign[0].Container, own, clusters[0]) : [];
                decisions.Add(new Decision(small, [.. clusters], checks, []));
            }
            else
            {
                decisions.Add(new Decision(small, [.. clusters], [], [.. foreign.Select(f => f.Container)]));
            }
        }

        // The second-hop pairs and the agreement of several clusters' containers are measured in
        // parallel; a decision stands when no second-hop document contains its document and its
        // containers in several clusters agree on it.
        var rejected = new bool[decisions.Count];
        ParallelChunks.For(decisions.Count, parallel, (_, from, to) =>
        {
            var scratch = verifier.CreateScratch();
            for (var d = from; d < to; d++)
            {
                foreach (var other in decisions[d].Checks)
                {
                    var m = verifier.Measure(decisions[d].Small, other, scratch);
                    rejected[d] |= m.AIsSmaller && verifier.Contains(m);
                }

                if (decisions[d].Containers.Length > 0)
                {
                    var (inNone, fewestInOne) = verifier.Uncovered(decisions[d].Small, decisions[d].Containers, scratch);
                    rejected[d] |= 2 * inNone > fewestInOne;
                }
            }
        });

        var attached = 0L;
        for (var d = 0; d < decisions.Count; d++)
        {
            if (!rejected[d])
            {
                foreach (var root in decisions[d].Roots)
                {
                    sets.Union(decisions[d].Small, root);
                }

                attached++;
            }
        }

        return attached;
    }

    // The container's other containment partners outside the two clusters concerned.
    private static uint[] SecondHop((uint Doc, uint Partner)[] links, Dictionary<uint, uint> roots, uint small, uint container, uint own, uint root)
    {
        var at = Array.BinarySearch(links, (container, 0u));
        at = at < 0 ? ~at : at;
        var found = new List<uint>();
        for (; at < links.Length && links[at].Doc == container && found.Count < MaxSecondHop; at++)
        {
            var other = links[at].Partner;
            var r = roots[other];
            if (other != small && r != own && r != root)
            {
                found.Add(other);
            }
        }

        return [.. found];
    }

    /// <summary>A smaller document contained in a larger one, and their Jaccard similarity.</summary>
    public readonly record struct Pair(uint Small, uint Large, double Similarity);

    private sealed record Decision(uint Small, uint[] Roots, uint[] Checks, uint[] Containers);
}
