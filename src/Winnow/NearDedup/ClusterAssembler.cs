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
    public static List<NearDuplicateCluster> Assemble(UnionFind sets, DocumentLog log, PairVerifier verifier, MeasuredPairs measured, ParallelOptions parallel)
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

        var found = new List<Entry>();
        log.Scan(i => clustered[(int)i], (index, ordinal, rank, id) => found.Add(new Entry(sets.Find(index), index, ordinal, rank, id)));

        // Sort by root, then index: each cluster becomes a contiguous run, members in input order.
        // The log gives entries in index order, so (root, position) sorts the same; as one integer
        // it takes the runtime's precompiled sort for primitives. Arrays rather than lists of
        // structs here: generic collections over our types run unoptimised code in a short run.
        var order = new ulong[found.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = ((ulong)found[i].Root << 32) | (uint)i;
        }

        Array.Sort(order);
        var entries = new Entry[order.Length];
        var starts = new List<int>();
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = found[(int)(uint)order[i]];
            if (i == 0 || entries[i].Root != entries[i - 1].Root)
            {
                starts.Add(i);
            }
        }

        starts.Add(entries.Length);
        var clusters = new NearDuplicateCluster[starts.Count - 1];
        ParallelChunks.For(clusters.Length, parallel, (_, from, to) =>
        {
            var scratch = verifier.CreateScratch();
            for (var c = from; c < to; c++)
            {
                clusters[c] = Cluster(entries.AsSpan(starts[c], starts[c + 1] - starts[c]), verifier, measured, scratch);
            }
        });

        return [.. clusters];
    }

    // A cluster is a whole connected component of joined pairs: each member is at least
    // threshold-similar to another member, not necessarily to the kept one (a ~ b ~ c with a ≁ c
    // stays one cluster). Splitting components around the kept document, as earlier builds did,
    // separated copies that are near duplicates of each other but not of it (docs/neardup.md).
    private static NearDuplicateCluster Cluster(ReadOnlySpan<Entry> entries, PairVerifier verifier, MeasuredPairs measured, PairVerifier.Scratch scratch)
    {
        var kept = 0;
        for (var i = 1; i < entries.Length; i++)
        {
            // Strictly smaller rank wins; on a tie the earlier member (smaller index) stays kept.
            if (entries[i].Rank < entries[kept].Rank)
            {
                kept = i;
            }
        }

        var members = new ClusterMember[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            var e = entries[i];
            // A pair the joiner measured is looked up; exact similarity is symmetric.
            var similarity = i == kept ? 1.0
                : measured.TryGet(entries[kept].Index, e.Index, out var known) ? known
                : verifier.Similarity(entries[kept].Index, e.Index, scratch);
            members[i] = new ClusterMember(e.Index, e.Ordinal, e.Id, similarity, i == kept);
        }

        return new NearDuplicateCluster(members[0].Ordinal, entries[kept].Id, members);
    }

    private readonly record struct Entry(uint Root, uint Index, long Ordinal, long Rank, string Id);
}
