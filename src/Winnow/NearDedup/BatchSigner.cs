using System.Runtime.CompilerServices;
using Winnow.Documents;
using Winnow.Pipeline;

namespace Winnow.NearDedup;

/// <summary>Shingles, signs and bands a batch in parallel; each document's results go to its own slots, so threads never change them.</summary>
/// <remarks>Thread-safe per call: each chunk of the batch gets its own <see cref="ShingleHasher"/>.</remarks>
internal sealed class BatchSigner(MinHashOptions options, LshParameters lsh, MinHashSigner signer)
{
    public SignedBatch Sign(IReadOnlyList<Document> batch, ParallelOptions parallel, long firstIndex)
    {
        if (firstIndex + batch.Count > uint.MaxValue)
        {
            throw new InvalidOperationException("near dedup supports at most 2^32 - 1 documents per run");
        }

        var keepShingles = options.Verify == VerifyMode.Exact;
        var signed = new SignedBatch(batch.Count, options.NumPerm, lsh.Bands, keepShingles);
        ParallelChunks.For(batch.Count, parallel, (_, from, to) => SignRange(batch, signed, from, to, firstIndex, keepShingles));

        return signed;
    }

    // Fully optimised at once: a short run would otherwise spend much of its time in unoptimised tiers.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SignRange(IReadOnlyList<Document> batch, SignedBatch signed, int from, int to, long firstIndex, bool keepShingles)
    {
        var hasher = new ShingleHasher(options.NGram, options.Seed);
        var shingles = new ulong[1024];
        for (var i = from; i < to; i++)
        {
            var count = hasher.Hash(batch[i].Text, ref shingles);
            var signature = signed.Signatures.AsSpan(i * options.NumPerm, options.NumPerm);
            if (count == 0)
            {
                // No word, no signature: such documents are never clustered.
                signature.Fill(uint.MaxValue);
                continue;
            }

            signed.HasShingles[i] = true;
            signer.Sign(shingles.AsSpan(0, count), signature);
            BandKeys.Compute(signature, lsh, options.Seed, (uint)(firstIndex + i), signed.Bands.AsSpan(i * lsh.Bands, lsh.Bands));
            if (keepShingles)
            {
                var set = shingles.AsSpan(0, count);
                ShingleSorter.Sort(set);
                signed.Shingles[i] = set[..Distinct(set)].ToArray();
            }
        }
    }

    internal static int Distinct(Span<ulong> sorted)
    {
        var n = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i == 0 || sorted[i] != sorted[n - 1])
            {
                sorted[n++] = sorted[i];
            }
        }

        return n;
    }
}
