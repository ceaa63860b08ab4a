using Winnow.Pipeline;

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
/// order of the checks, hence not on threads. Each chunk of pairs is measured in (first, second)
/// order, so a thread meets the same documents one after another and reads their shingle sets
/// once; the results are taken in queue order. Not thread-safe itself.
/// </remarks>
internal sealed class CandidateJoiner(UnionFind sets, PairVerifier verifier, ParallelOptions parallel)
{
    public const int AllPairsLimit = 64;
    /// <summary>Most distinct pairs remembered as queued (8 B each, plus the set's overhead).</summary>
    public const int RememberedPairs = 1 << 24;
    private const int ChunkPairs = 1 << 16;
    private readonly HashSet<ulong> _queued = [];
    private readonly int[] _order = new int[ChunkPairs];
    private readonly ulong[] _orderKeys = new ulong[ChunkPairs];
    private uint[] _bucket = new uint[64];
    private int _bucketCount;
    // Pending pairs as (first << 32 | second): the key they are remembered and ordered by.
    private readonly ulong[] _pending = new ulong[ChunkPairs];
    private readonly PairVerifier.Measurement[] _measured = new PairVerifier.Measurement[ChunkPairs];
    private int _pendingCount;

    public long CandidatePairs { get; private set; }

    public long VerifiedPairs { get; private set; }

    public long AcceptedPairs { get; private set; }

    /// <summary>The accepted pairs' similarities (exact verification only), for <see cref="ClusterAssembler"/>.</summary>
    public JoinedPairs Joined { get; } = new();

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

        _pending[_pendingCount++] = key;
        if (_pendingCount == ChunkPairs)
        {
            FlushPairs();
        }
    }

    private void FlushPairs()
    {
        var count = _pendingCount;
        for (var i = 0; i < count; i++)
        {
            _order[i] = i;
        }

        _pending.AsSpan(0, count).CopyTo(_orderKeys);
        Array.Sort(_orderKeys, _order, 0, count);
        ParallelChunks.For(count, parallel, (_, from, to) =>
        {
            var scratch = verifier.CreateScratch();
            for (var k = from; k < to; k++)
            {
                var i = _order[k];
                _measured[i] = verifier.Measure((uint)(_pending[i] >> 32), (uint)_pending[i], scratch);
            }
        });

        VerifiedPairs += count;
        for (var i = 0; i < count; i++)
        {
            uint a = (uint)(_pending[i] >> 32), b = (uint)_pending[i];
            var m = _measured[i];
            if (verifier.Joins(m))
            {
                AcceptedPairs++;
                sets.Union(a, b);
                if (verifier.IsExact)
                {
                    Joined.Add(a, b, m.Similarity);
                }
            }
            else if (verifier.Contains(m))
            {
                Contained.Add(new ContainmentAttacher.Pair(m.AIsSmaller ? a : b, m.AIsSmaller ? b : a, m.Similarity));
            }
        }

        _pendingCount = 0;
    }
}
