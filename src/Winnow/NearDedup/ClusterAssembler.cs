using System.Collections;
using Winnow.Pipeline;

namespace Winnow.NearDedup;

/// <summary>
/// Turns the joined sets into clusters: reads the ids of clustered documents from the log, picks
/// the kept member by policy (rank, then input order) and measures each member against it.
/// </summary>
/// <remarks>Memory: one bit per document plus one entry per clustered document. Not thread-safe itself.</remarks>
internal static class ClusterAssembler
{
    public static List<NearDuplicateCluster> Assemble(UnionFind sets, DocumentLog log, PairVerifier verifier, ParallelOptions parallel)
    {
        var clustered = new BitArray(sets.Count);
        for (uint i = 0; i < sets.Count; i++)
        {
            var root = sets.Find(i);
            if (root != i)
            {
                clustered[(int)root] = true;
                clustered[(int)i] = true;
            }
        }

        var entries = new List<(uint Root, uint Index, long Ordinal, long Rank, string Id)>();
        log.Scan(i => clustered[(int)i], (index, ordinal, rank, id) => entries.Add((sets.Find(index), index, ordinal, rank, id)));

        // Sort by root, then index: each cluster becomes a contiguous run, members in input order.
        entries.Sort((x, y) => x.Root != y.Root ? x.Root.CompareTo(y.Root) : x.Index.CompareTo(y.Index));
        var starts = new List<int>();
        for (var i = 0; i < entries.Count; i++)
        {
            if (i == 0 || entries[i].Root != entries[i - 1].Root)
            {
                starts.Add(i);
            }
        }

        starts.Add(entries.Count);
        var clusters = new List<NearDuplicateCluster>[starts.Count - 1];
        ParallelChunks.For(clusters.Length, parallel, (_, from, to) =>
        {
            var scratch = verifier.CreateScratch();
            for (var c = from; c < to; c++)
            {
                clusters[c] = Split(entries, starts[c], starts[c + 1], verifier, scratch);
            }
        });

        return [.. clusters.SelectMany(c => c)];
    }

    // A connected component can chain documents that are far apart (a ~ b ~ c with a ≁ c). Only
    // members similar to the kept one are removed with it; the rest form clusters of their own
    // around the best-ranked of them, round after round, so every removed document is at least
    // threshold-similar to the document that stays.
    private static List<NearDuplicateCluster> Split(
        List<(uint Root, uint Index, long Ordinal, long Rank, string Id)> entries, int from, int to, PairVerifier verifier, PairVerifier.Scratch scratch)
    {
        var result = new List<NearDuplicateCluster>();
        var pending = Enumerable.Range(from, to - from).ToList();
        while (pending.Count > 1)
        {
            var kept = pending[0];
            foreach (var i in pending)
            {
                // Strictly smaller rank wins; on a tie the earlier member (smaller index) stays kept.
                if (entries[i].Rank < entries[kept].Rank)
                {
                    kept = i;
                }
            }

            var members = new List<ClusterMember>();
            var rest = new List<int>();
            foreach (var i in pending)
            {
                var e = entries[i];
                var similarity = i == kept ? 1.0 : verifier.Similarity(entries[kept].Index, e.Index, scratch);
                if (i == kept || verifier.Joins(similarity))
                {
                    members.Add(new ClusterMember(e.Index, e.Ordinal, e.Id, similarity, i == kept));
                }
                else
                {
                    rest.Add(i);
                }
            }

            if (members.Count > 1)
            {
                result.Add(new NearDuplicateCluster(members[0].Ordinal, entries[kept].Id, members));
            }

            pending = rest;
        }

        return result;
    }
}
