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
/// The clusters are the connected components of the accepted pairs, which do not depend on the
/// order of the checks, hence not on threads. Not thread-safe itself.
/// </remarks>
internal sealed class CandidateJoiner(UnionFind sets, PairVerifier verifier, ParallelOptions parallel)
{
    public const int AllPairsLimit = 64;
    private const int ChunkPairs = 1 << 15;
    private uint[] _bucket = new uint[64];
    private int _bucketCount;
    private readonly (uint A, uint B)[] _pending = new (uint, uint)[ChunkPairs];
    private readonly PairVerifier.Measurement[] _measured = new PairVerifier.Measurement[ChunkPairs];
    private int _pendingCount;

    public long CandidatePairs { get; private set; }

    public long VerifiedPairs { get; private set; }

    public long AcceptedPairs { get; private set; }

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

        _pending[_pendingCount++] = (a, b);
        if (_pendingCount == ChunkPairs)
        {
            FlushPairs();
        }
    }

    private void FlushPairs()
    {
        var count = _pendingCount;
        ParallelChunks.For(count, parallel, (_, from, to) =>
        {
            var scratch = verifier.CreateScratch();
            for (var i = from; i < to; i++)
            {
                _measured[i] = verifier.Measure(_pending[i].A, _pending[i].B, scratch);
            }
        });

        VerifiedPairs += count;
        for (var i = 0; i < count; i++)
        {
            var (a, b) = _pending[i];
            var m = _measured[i];
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
}
