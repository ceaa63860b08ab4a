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
        var clusters = new List<NearDuplicateCluster>[starts.Count - 1];
        ParallelChunks.For(clusters.Length, parallel, (_, from, to) =>
        {
            var scratch = verifier.CreateScratch();
            var pending = new int[64];
            var rest = new int[64];
            for (var c = from; c < to; c++)
            {
                clusters[c] = Split(entries.AsSpan(starts[c], starts[c + 1] - starts[c]), verifier, scratch, ref pending, ref rest);
            }
        });

        var result = new List<NearDuplicateCluster>(clusters.Length);
        foreach (var split in clusters)
        {
            result.AddRange(split);
        }

        return result;
    }

    // A connected component can chain documents that are far apart (a ~ b ~ c with a ≁ c). Only
    // members similar to the kept one are removed with it; the rest form clusters of their own
    // around the best-ranked of them, round after round, so every removed document is at least
    // threshold-similar to the document that stays.
    private static List<NearDuplicateCluster> Split(
        ReadOnlySpan<Entry> entries, PairVerifier verifier, PairVerifier.Scratch scratch, ref int[] pending, ref int[] rest)
    {
        var result = new List<NearDuplicateCluster>(1);
        if (pending.Length < entries.Length)
        {
            pending = new int[entries.Length];
            rest = new int[entries.Length];
        }

        var count = entries.Length;
        for (var i = 0; i < count; i++)
        {
            pending[i] = i;
        }

        while (count > 1)
        {
            var kept = pending[0];
            for (var p = 1; p < count; p++)
            {
                // Strictly smaller rank wins; on a tie the earlier member (smaller index) stays kept.
                if (entries[pending[p]].Rank < entries[kept].Rank)
                {
                    kept = pending[p];
                }
            }

            var members = new ClusterMember[count];
            var joined = 0;
            var left = 0;
            for (var p = 0; p < count; p++)
            {
                var i = pending[p];
                var e = entries[i];
                var similarity = i == kept ? 1.0 : verifier.Similarity(entries[kept].Index, e.Index, scratch);
                if (i == kept || verifier.Joins(similarity))
                {
                    members[joined++] = new ClusterMember(e.Index, e.Ordinal, e.Id, similarity, i == kept);
                }
                else
                {
                    rest[left++] = i;
                }
            }

            if (joined > 1)
            {
                result.Add(new NearDuplicateCluster(members[0].Ordinal, entries[kept].Id, members.AsSpan(0, joined).ToArray()));
            }

            (pending, rest) = (rest, pending);
            count = left;
        }

        return result;
    }

    private readonly record struct Entry(uint Root, uint Index, long Ordinal, long Rank, string Id);
}
