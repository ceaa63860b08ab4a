namespace Winnow.NearDedup;

/// <summary>
/// Reads band records in (key, document) order, turns each bucket of two or more documents into
/// candidate pairs, verifies them in parallel and joins those that pass.
/// </summary>
/// <remarks>
/// Buckets of up to <see cref="AllPairsLimit"/> documents give all their pairs; larger ones pair
/// each member with the bucket's first and with its predecessor, so a bucket of 10^5 copies costs
/// 2·10^5 checks, not 5·10^9. Pairs whose documents are already joined are not checked again.
/// A pair that collides in several bands is checked once: those already queued are remembered (up
/// to <see cref="RememberedPairs"/>; past that a repeat is checked again, with the same result).
/// The clusters are the connected components of the accepted pairs, which do not depend on the
/// order of the checks, hence not on threads. Pairs are queued in chunks of up to
/// <see cref="ChunkPairs"/> (one chunk for most corpora: a million documents gave 440,000 distinct
/// pairs) and each chunk is measured component by component: the pairs that link documents into
/// one group are handed to one thread together (up to <see cref="RangePairs"/> at a time), in
/// (first, second) order, so each document's shingle set is computed from its text about once
/// instead of once per pair (a document's pairs come up in different bands, far apart in key
/// order). The results are taken in queue order.
/// Not thread-safe itself.
/// </remarks>
internal sealed class CandidateJoiner(UnionFind sets, PairVerifier verifier, ParallelOptions parallel)
{
    public const int AllPairsLimit = 64;
    /// <summary>Most distinct pairs remembered as queued (8 B each, plus the set's overhead).</summary>
    public const int RememberedPairs = 1 << 24;
    /// <summary>Most pairs queued before they are measured: about 70 bytes each while they are.</summary>
    public const int ChunkPairs = 1 << 21;
    private readonly HashSet<ulong> _queued = [];
    private uint[] _bucket = new uint[64];
    private int _bucketCount;
    // Pending pairs as (first << 32 | second): the key they are remembered and ordered by.
    private ulong[] _pending = new ulong[1 << 12];
    private int _pendingCount;

    public long CandidatePairs { get; private set; }

    public long VerifiedPairs { get; private set; }

    public long AcceptedPairs { get; private set; }

    /// <summary>The measured pairs' similarities (exact verification only; empty otherwise), sealed when <see cref="Run"/> ends, for <see cref="ClusterAssembler"/>.</summary>
    public MeasuredPairs Measured { get; } = new();

    /// <summary>
    /// Pairs that did not join but where the smaller document's shingles are at least
    /// threshold-contained in the larger's (exact verification only), as (smaller, larger), in
    /// check order; <see cref="ContainmentAttacher"/> decides on them once all pairs are joined.
    /// </summary>
    public List<ContainmentAttacher.Pair> Contained { get; } = [];

    /// <summary>Joins the candidates of <paramref name="sorted"/>: band records in (key, document) order, in consecutive blocks.</summary>
    public void Run(IEnumerable<ReadOnlyMemory<BandRecord>> sorted)
    {
        var key = 0UL;
        foreach (var block in sorted)
        {
            foreach (var record in block.Span)
            {
                if (record.Key != key || _bucketCount == 0)
                {
                    FlushBucket();
                    key = record.Key;
                }

                if (_bucketCount == _bucket.Length)
                {
                    Array.Resize(ref _bucket, _bucket.Length * 2);
                }

                _bucket[_bucketCount++] = record.Document;
            }
        }

        FlushBucket();
        FlushPairs();
        Measured.Seal();
    }

    private void FlushBucket()
    {
        var n = _bucketCount;
        if (n >= 2)
        {
            for (var j = 1; j < n; j++)
            {
                if (n <= AllPairsLimit)
                {
                    for (var i = 0; i < j; i++)
                    {
                        AddPair(_bucket[i], _bucket[j]);
                    }
                }
                else
                {
                    AddPair(_bucket[0], _bucket[j]);
                    if (j > 1)
                    {
                        AddPair(_bucket[j - 1], _bucket[j]);
                    }
                }
            }
        }

        _bucketCount = 0;
    }

    private void AddPair(uint a, uint b)
    {
        CandidatePairs++;
        if (sets.Find(a) == sets.Find(b))
        {
            return;
        }

        var key = ((ulong)a << 32) | b;
        if (_queued.Count < RememberedPairs ? !_queued.Add(key) : _queued.Contains(key))
        {
            return;
        }

        if (_pendingCount == _pending.Length)
        {
            Array.Resize(ref _pending, _pending.Length * 2);
        }

        _pending[_pendingCount++] = key;
        if (_pendingCount == ChunkPairs)
        {
            FlushPairs();
        }
    }

    private void FlushPairs()
    {
        var count = _pendingCount;
        var measured = new PairVerifier.Measurement[count];
        var (order, groups) = ByComponent(_pending.AsSpan(0, count), sets.Count);
        var ranges = Ranges(groups);
        Parallel.For(0, ranges.Count - 1, parallel, () => verifier.CreateScratch(), (r, _, scratch) =>
        {
            for (var k = ranges[r]; k < ranges[r + 1]; k++)
            {
                var i = order[k];
                measured[i] = verifier.Measure((uint)(_pending[i] >> 32), (uint)_pending[i], scratch);
            }

            return scratch;
        }, _ => { });

        VerifiedPairs += count;
        for (var i = 0; i < count; i++)
        {
            uint a = (uint)(_pending[i] >> 32), b = (uint)_pending[i];
            var m = measured[i];
            if (verifier.IsExact)
            {
                Measured.Add(a, b, m.Similarity);
            }

            if (verifier.Joins(m))
            {
                AcceptedPairs++;
                sets.Union(a, b);
            }
            else if (verifier.Contains(m))
            {
                Contained.Add(new ContainmentAttacher.Pair(m.AIsSmaller ? a : b, m.AIsSmaller ? b : a, m.Similarity));
            }
        }

        _pendingCount = 0;
    }

    /// <summary>Most pairs one thread measures at a time: a large group (pages sharing a long footer) is cut into such ranges so that every thread can take part.</summary>
    public const int RangePairs = 4096;

    // The groups' boundaries, with a group longer than RangePairs cut into ranges of that many.
    internal static List<int> Ranges(int[] groups)
    {
        var ranges = new List<int>(groups.Length);
        for (var g = 0; g < groups.Length - 1; g++)
        {
            for (var start = groups[g]; start < groups[g + 1]; start += RangePairs)
            {
                ranges.Add(start);
            }
        }

        ranges.Add(groups[^1]);
        return ranges;
    }

    /// <summary>
    /// The pairs' indexes grouped by the component of documents they link (each group in (first,
    /// second) order, groups by their smallest document), and where each group starts; a last
    /// entry closes the last group. Depends only on the pairs, not on threads.
    /// </summary>
    internal static (int[] Order, int[] Starts) ByComponent(ReadOnlySpan<ulong> pairs, int documents)
    {
        var count = pairs.Length;
        // Over the run's document indexes: a component's root is its smallest document. 4 bytes
        // per document while the pairs are ordered, the size of the run's own disjoint sets.
        var components = new UnionFind(documents);
        foreach (var pair in pairs)
        {
            components.Union((uint)(pair >> 32), (uint)pair);
        }

        // (root, position in key order): a group's pairs together, in (first, second) order.
        var byKey = new int[count];
        var keys = pairs.ToArray();
        for (var i = 0; i < count; i++)
        {
            byKey[i] = i;
        }

        Array.Sort(keys, byKey);
        var sortKeys = new ulong[count];
        for (var k = 0; k < count; k++)
        {
            sortKeys[k] = ((ulong)components.Find((uint)(keys[k] >> 32)) << 32) | (uint)k;
        }

        Array.Sort(sortKeys);
        var order = new int[count];
        var starts = new List<int>();
        for (var k = 0; k < count; k++)
        {
            order[k] = byKey[(int)(uint)sortKeys[k]];
            if (k == 0 || sortKeys[k] >> 32 != sortKeys[k - 1] >> 32)
            {
                starts.Add(k);
            }
        }

        starts.Add(count);
        return (order, [.. starts]);
    }
}
