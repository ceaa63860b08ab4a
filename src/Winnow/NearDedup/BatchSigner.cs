using System.Runtime.CompilerServices;
using Winnow.Documents;
using Winnow.Pipeline;
using Winnow.Readers;

namespace Winnow.NearDedup;

/// <summary>Shingles, signs and bands a batch in parallel; each document's results go to its own slots, so threads never change them.</summary>
/// <remarks>Thread-safe per call: each chunk of the batch gets its own <see cref="ShingleHasher"/>.</remarks>
internal sealed class BatchSigner(MinHashOptions options, LshParameters lsh, MinHashSigner signer)
{
    /// <summary>Signs a batch; <paramref name="keepTexts"/> false: exact verification will read the texts elsewhere (the run's spill).</summary>
    public SignedBatch Sign(IReadOnlyList<Document> batch, ParallelOptions parallel, bool keepTexts = true)
    {
        keepTexts &= options.Verify == VerifyMode.Exact;
        var signed = new SignedBatch(batch.Count, options.NumPerm, lsh.Bands, keepTexts);
        ParallelChunks.For(batch.Count, parallel, (_, from, to) => SignRange(batch, signed, from, to));

        return signed;
    }

    // Fully optimised at once: a short run would otherwise spend much of its time in unoptimised tiers.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SignRange(IReadOnlyList<Document> batch, SignedBatch signed, int from, int to)
    {
        var workspace = new Workspace(options);
        for (var i = from; i < to; i++)
        {
            SignOne(workspace, batch[i].Text, signed, i, batch[i].TextIsNfc);
        }
    }

    /// <summary>Buffers for <see cref="SignOne"/>, one set per thread.</summary>
    public Workspace CreateWorkspace() => new(options);

    /// <summary>
    /// Signs one text into slot <paramref name="slot"/> of <paramref name="signed"/>; its band records
    /// get the document's index when the stage takes it. <paramref name="knownNfc"/>: the text is known to be in NFC.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SignOne(Workspace workspace, ReadOnlySpan<char> text, SignedBatch signed, int slot, bool knownNfc = false, in TextPlace place = default)
    {
        var count = workspace.Hasher.Hash(text, ref workspace.Shingles, knownNfc);
        var signature = signed.Signatures.AsSpan(slot * options.NumPerm, options.NumPerm);
        if (count == 0)
        {
            // No word, no signature: such documents are never clustered.
            signature.Fill(uint.MaxValue);
            return;
        }

        signed.HasShingles[slot] = true;
        signer.Sign(workspace.Shingles.AsSpan(0, count), signature);
        BandKeys.Compute(signature, lsh, options.Seed, 0, signed.BandsOf(slot));
        if (signed.Texts.Length > 0)
        {
            // A text that can be read again where it stands in the input needs no copy.
            if (place.IsKnown)
            {
                signed.Places[slot] = place;
                signed.PlacesNfc[slot] = knownNfc;
            }
            else
            {
                signed.Texts[slot] = ShingleStore.Encode(text, knownNfc, ref workspace.Utf8);
            }
        }
    }

    /// <summary>One thread's buffers for <see cref="SignOne"/>, kept across documents.</summary>
    internal sealed class Workspace(MinHashOptions options)
    {
        public ShingleHasher Hasher { get; } = new(options.NGram, options.Seed);

#pragma warning disable SA1401, CA1051 // passed by reference so the hasher can grow it
        public ulong[] Shingles = new ulong[1024];

        public byte[] Utf8 = new byte[1 << 12];
#pragma warning restore SA1401, CA1051
    }
}
