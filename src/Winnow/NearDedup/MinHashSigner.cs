using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Winnow.NearDedup;

/// <summary>
/// Computes MinHash signatures of k values by one-permutation hashing: each shingle hash picks one
/// of the k bins by its high bits and offers its low 32 bits there, and a bin's value is the least
/// offered to it. A bin no shingle reached is filled by further rounds, in each of which every
/// shingle is hashed again (mixed with the round and the seed) and offered only to the bins still
/// empty, until none is.
/// </summary>
/// <remarks>
/// <para>
/// Why each value is a MinHash: order the keys offered to bin j by (round, value). Every shingle
/// offers keys by the same rule whatever set it is in, so for two sets A and B, sig_A[j] = sig_B[j]
/// exactly when the least key offered to j by a shingle of A ∪ B comes from a shingle of A ∩ B,
/// which happens with probability |A ∩ B| / |A ∪ B|, the Jaccard similarity, in every bin (up to
/// equal 32-bit values of different shingles, as with any 32-bit MinHash). Within one round the
/// bins sample the shingles without replacement, so their agreement varies less than that of k
/// independent permutations, never more.
/// </para>
/// <para>
/// Why this way: k permutations cost k hashes per shingle (128 multiply-adds, 8 AVX-512
/// instructions' worth each, was the largest share of `winnow dedup`); here a shingle costs one
/// compare per round, and a set of n shingles needs about 1 + k·ln(k)/n rounds (two for the usual
/// n of several hundred at k = 128). The scheme is Li, Owen and Zhang's one permutation hashing
/// (2012); filling empty bins by hashing again follows Dahlgaard, Knudsen and Thorup's fast
/// similarity sketching (2017). Immutable; thread-safe.
/// </para>
/// </remarks>
[SkipLocalsInit]
internal sealed class MinHashSigner
{
    /// <summary>
    /// Rounds per bin before the rest are filled by rotation: a set of one shingle fills k bins in
    /// about k·ln(k) rounds, so 64·k is never reached in practice; it only bounds the work.
    /// </summary>
    private const int MaxRoundsPerBin = 64;

    /// <summary>The largest value a shingle offers: <see cref="uint.MaxValue"/> marks an empty bin.</summary>
    private const uint MaxOffer = uint.MaxValue - 1;

    private readonly ulong _seed;

    public MinHashSigner(int numPerm, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(numPerm, 1);
        NumPerm = numPerm;
        _seed = seed;
    }

    /// <summary>The signature's length k (the bins).</summary>
    public int NumPerm { get; }

    /// <summary>Writes the signature of <paramref name="shingles"/> (non-empty; repeats allowed, order ignored) into <paramref name="signature"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Sign(ReadOnlySpan<ulong> shingles, Span<uint> signature)
    {
        var k = NumPerm;
        signature = signature[..k];

        // Round 0 takes the shingle hashes as they are: avalanched 64-bit values, bin from the high
        // 32 bits, value from the low 32. Four copies of the bins, each shingle of a quartet in its
        // own, then merged: a bin is read and written per shingle, and with one copy the next
        // shingles' reads keep waiting on writes to the same few bins.
        Span<uint> copies = k <= 1024 ? stackalloc uint[4 * k] : new uint[4 * k];
        copies.Fill(uint.MaxValue);
        ref var c0 = ref MemoryMarshal.GetReference(copies);
        ref var c1 = ref Unsafe.Add(ref c0, k);
        ref var c2 = ref Unsafe.Add(ref c0, 2 * k);
        ref var c3 = ref Unsafe.Add(ref c0, 3 * k);
        ref var first = ref MemoryMarshal.GetReference(shingles);
        var n = shingles.Length;
        var i = 0;
        for (; i + 4 <= n; i += 4)
        {
            var x0 = Unsafe.Add(ref first, i);
            var x1 = Unsafe.Add(ref first, i + 1);
            var x2 = Unsafe.Add(ref first, i + 2);
            var x3 = Unsafe.Add(ref first, i + 3);
            ref var b0 = ref Unsafe.Add(ref c0, Bin(x0, k));
            b0 = Least(b0, Offer(x0));
            ref var b1 = ref Unsafe.Add(ref c1, Bin(x1, k));
            b1 = Least(b1, Offer(x1));
            ref var b2 = ref Unsafe.Add(ref c2, Bin(x2, k));
            b2 = Least(b2, Offer(x2));
            ref var b3 = ref Unsafe.Add(ref c3, Bin(x3, k));
            b3 = Least(b3, Offer(x3));
        }

        for (; i < n; i++)
        {
            var x = Unsafe.Add(ref first, i);
            ref var b = ref Unsafe.Add(ref c0, Bin(x, k));
            b = Least(b, Offer(x));
        }

        var j0 = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; j0 + 8 <= k; j0 += 8)
            {
                var min = Vector256.Min(
                    Vector256.Min(Vector256.LoadUnsafe(ref c0, (nuint)j0), Vector256.LoadUnsafe(ref c1, (nuint)j0)),
                    Vector256.Min(Vector256.LoadUnsafe(ref c2, (nuint)j0), Vector256.LoadUnsafe(ref c3, (nuint)j0)));
                min.CopyTo(signature[j0..]);
            }
        }

        for (; j0 < k; j0++)
        {
            signature[j0] = Math.Min(Math.Min(Unsafe.Add(ref c0, j0), Unsafe.Add(ref c1, j0)), Math.Min(Unsafe.Add(ref c2, j0), Unsafe.Add(ref c3, j0)));
        }

        Span<int> openBins = k <= 1024 ? stackalloc int[k] : new int[k];
        var open = 0;
        for (var j = 0; j < k; j++)
        {
            if (signature[j] == uint.MaxValue)
            {
                openBins[open++] = j;
            }
        }

        if (open > 0)
        {
            FillEmptyBins(shingles, signature, openBins[..open]);
        }
    }

    /// <summary>Rounds 1, 2, …: every shingle hashed again, offered only to the bins empty when the round began.</summary>
    private void FillEmptyBins(ReadOnlySpan<ulong> shingles, Span<uint> signature, Span<int> openBins)
    {
        var k = signature.Length;
        Span<bool> isOpen = k <= 1024 ? stackalloc bool[k] : new bool[k];
        isOpen.Clear(); // stackalloc is not zeroed here (SkipLocalsInit)
        foreach (var j in openBins)
        {
            isOpen[j] = true;
        }

        var open = openBins.Length;
        var maxRounds = (long)MaxRoundsPerBin * k;
        for (var round = 1L; open > 0 && round <= maxRounds; round++)
        {
            var key = MinHashKeys.Round(_seed, (ulong)round);
            var taken = Wide && k <= 128 ? OfferToOpenBins(shingles, key, signature, OpenBits(openBins[..open], 0), OpenBits(openBins[..open], 64))
                : Vector256.IsHardwareAccelerated ? OfferToOpenBins(shingles, key, signature, isOpen) : 0;
            foreach (var x in shingles[taken..])
            {
                var y = MinHashKeys.Mix(x ^ key);
                var j = Bin(y, k);
                if (isOpen[j])
                {
                    signature[j] = Math.Min(signature[j], Offer(y));
                }
            }

            // Bins filled in this round close: a later round's keys all rank after this one's.
            var still = 0;
            for (var i = 0; i < open; i++)
            {
                var j = openBins[i];
                if (signature[j] == uint.MaxValue)
                {
                    openBins[still++] = j;
                }
                else
                {
                    isOpen[j] = false;
                }
            }

            open = still;
        }

        // Not reached in practice (see MaxRoundsPerBin): a bin still empty takes the next filled bin's value.
        for (var i = 0; i < open; i++)
        {
            var j = openBins[i];
            var from = j;
            do
            {
                from = (from + 1) % k;
            }
            while (isOpen[from]);

            signature[j] = signature[from];
        }
    }

    /// <summary>
    /// A round of <see cref="FillEmptyBins"/> over the shingles four at a time: SplitMix64's
    /// finaliser and the bin computed in vector registers (a round hashes every shingle again to
    /// fill a few bins, so the hashing is nearly all of it), the few offers to open bins one by one.
    /// Returns how many shingles it took (a multiple of four); the caller takes the rest.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int OfferToOpenBins(ReadOnlySpan<ulong> shingles, ulong key, Span<uint> signature, ReadOnlySpan<bool> isOpen)
    {
        var keys = Vector256.Create(key);
        var k = Vector256.Create((ulong)signature.Length);
        ref var first = ref MemoryMarshal.GetReference(shingles);
        var i = 0;
        for (; i + 4 <= shingles.Length; i += 4)
        {
            var y = MinHashKeys.Mix(Vector256.LoadUnsafe(ref first, (nuint)i) ^ keys);
            var bins = Vector256.ShiftRightLogical(Vector256.ShiftRightLogical(y, 32) * k, 32);
            for (var lane = 0; lane < 4; lane++)
            {
                var j = (int)bins.GetElement(lane);
                if (isOpen[j])
                {
                    signature[j] = Math.Min(signature[j], Offer(y.GetElement(lane)));
                }
            }
        }

        return i;
    }

    /// <summary>Whether the processor has 512-bit registers with their 64-bit multiply (AVX-512 DQ).</summary>
    private static bool Wide => Vector512.IsHardwareAccelerated && Avx512DQ.IsSupported;

    /// <summary>The bins of <paramref name="openBins"/> from <paramref name="from"/> to <paramref name="from"/> + 63, as bits.</summary>
    private static ulong OpenBits(ReadOnlySpan<int> openBins, int from)
    {
        var bits = 0UL;
        foreach (var j in openBins)
        {
            bits |= (uint)(j - from) < 64 ? 1UL << (j - from) : 0;
        }

        return bits;
    }

    /// <summary>
    /// <see cref="OfferToOpenBins(ReadOnlySpan{ulong}, ulong, Span{uint}, ReadOnlySpan{bool})"/> eight
    /// shingles at a time, for at most 128 bins, whose openness is two words of bits: a shingle's
    /// bin is tested in the vector registers too, so the lanes are taken out only for the rare
    /// offer to an open bin (extracting each lane to look its bin up was most of the round).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int OfferToOpenBins(ReadOnlySpan<ulong> shingles, ulong key, Span<uint> signature, ulong openLow, ulong openHigh)
    {
        var keys = Vector512.Create(key);
        var k = Vector512.Create((uint)signature.Length);
        var low = Vector512.Create(openLow);
        var high = Vector512.Create(openHigh);
        ref var first = ref MemoryMarshal.GetReference(shingles);
        var i = 0;
        for (; i + 8 <= shingles.Length; i += 8)
        {
            var y = MinHashKeys.Mix(Vector512.LoadUnsafe(ref first, (nuint)i) ^ keys);

            // Bin(y, k) in each lane: the high half times k (a 32 x 32-bit multiply), its high half.
            var bins = Avx512F.Multiply((y >>> 32).AsUInt32(), k) >>> 32;
            var words = Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(bins, Vector512.Create(64UL)), high, low);
            var hits = Avx512F.ShiftLeftLogicalVariable(words, Vector512.Create(63UL) - (bins & Vector512.Create(63UL))).ExtractMostSignificantBits();
            for (; hits != 0; hits &= hits - 1)
            {
                var lane = BitOperations.TrailingZeroCount(hits);
                var j = (int)bins.GetElement(lane);
                signature[j] = Math.Min(signature[j], Offer(y.GetElement(lane)));
            }
        }

        return i;
    }

    /// <summary>The bin of hash <paramref name="x"/>: its high 32 bits scaled to [0, k).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Bin(ulong x, int k) => (int)(((x >> 32) * (ulong)k) >> 32);

    /// <summary>The value hash <paramref name="x"/> offers: its low 32 bits, below the empty mark.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Offer(ulong x) => Least((uint)x, MaxOffer);

    /// <summary>
    /// The lesser of two values without a branch: a bin gets about one offer per copy in round 0,
    /// so whether the next one is lower is a coin toss, and Math.Min compiled to a branch that
    /// the processor mispredicted about every third shingle.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Least(uint a, uint b)
    {
        var difference = (long)b - a;
        return (uint)(a + (difference & (difference >> 63)));
    }
}

/// <summary>The round keys and the mixer of <see cref="MinHashSigner"/>: SplitMix64 (Steele, Lea, Flood 2014), fully specified so that signatures do not depend on a runtime.</summary>
internal static class MinHashKeys
{
    /// <summary>The key of round <paramref name="round"/> (1, 2, …) for <paramref name="seed"/>.</summary>
    public static ulong Round(ulong seed, ulong round) => Mix((seed * 0xD1B54A32D192ED03UL) + (round * 0x9E3779B97F4A7C15UL));

    /// <summary>SplitMix64's finaliser: a bijection of 64-bit values whose every output bit depends on every input bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary><see cref="Mix(ulong)"/> of each lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> Mix(Vector256<ulong> z)
    {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >>> 31);
    }

    /// <inheritdoc cref="Mix(Vector256{ulong})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> Mix(Vector512<ulong> z)
    {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >>> 31);
    }
}
