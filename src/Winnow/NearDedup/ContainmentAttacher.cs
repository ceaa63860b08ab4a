using Winnow.Pipeline;

namespace Winnow.NearDedup;

/// <summary>
/// Joins a document to a cluster when its shingles are at least threshold-contained in a member's,
/// no document of another cluster contains it, and it shares at least half of the union with a
/// member that contains it: a copy cut short or with a paragraph dropped, or a short article
/// republished with a header and footer, whose Jaccard similarity falls below the threshold only
/// because one side has text the other lacks.
/// </summary>
/// <remarks>
/// A document contained in members of two or more clusters is left alone: what it shares with
/// them is their common text — a site's header and footer around short posts — not one story.
/// Only candidate pairs are seen, so a document with a single container is also checked against
/// the other documents that container shares containment with (up to <see cref="MaxSecondHop"/>):
/// posts of one site are each other's containers, and a band collision missed between two of them
/// is then made up. The Jaccard floor keeps a short article quoted whole inside a much longer one
/// apart from it. Decisions are taken on the clusters of the Jaccard joins alone, all before any
/// is applied, so they depend neither on the order of the pairs nor on each other; a pair is
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

        // Roots before any attachment, and each document's containment partners (either side), sorted.
        var roots = new Dictionary<uint, uint>();
        var links = new (uint Doc, uint Partner)[pairs.Length * 2];
        for (var i = 0; i < pairs.Length; i++)
        {
            roots.TryAdd(pairs[i].Small, sets.Find(pairs[i].Small));
            roots.TryAdd(pairs[i].Large, sets.Find(pairs[i].Large));
            links[2 * i] = (pairs[i].Small, pairs[i].Large);
            links[(2 * i) + 1] = (pairs[i].Large, pairs[i].Small);
        }

        Array.Sort(links);
        var decisions = new List<Decision>();
        for (var start = 0; start < pairs.Length;)
        {
            var small = pairs[start].Small;
            var own = roots[small];
            uint root = uint.MaxValue, container = 0;
            var (containers, unique, similar) = (0, true, false);
            var end = start;
            for (; end < pairs.Length && pairs[end].Small == small; end++)
            {
                var r = roots[pairs[end].Large];
                if (r == own)
                {
                    continue;
                }

                unique &= root == uint.MaxValue || root == r;
                (root, container) = (r, pairs[end].Large);
                containers++;
                similar |= pairs[end].Similarity >= MinSimilarity;
            }

            if (unique && similar)
            {
                var checks = containers == 1 ? SecondHop(links, roots, small, container, own, root) : [];
                decisions.Add(new Decision(small, root, checks));
            }

            start = end;
        }

        // The second-hop pairs are measured in parallel; a decision stands when none contains its document.
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
            }
        });

        var attached = 0L;
        for (var d = 0; d < decisions.Count; d++)
        {
            if (!rejected[d])
            {
                sets.Union(decisions[d].Small, decisions[d].Root);
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

    private sealed record Decision(uint Small, uint Root, uint[] Checks);
}
