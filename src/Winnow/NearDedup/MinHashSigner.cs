using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Winnow.NearDedup;

/// <summary>
/// Computes MinHash signatures: sig[i] = min over shingles x of h_i(x) (see <see cref="MinHashPermutations"/>),
/// 16 permutations per AVX-512 instruction or 8 per AVX2 instruction, with a scalar fallback that gives the same values.
/// </summary>
/// <remarks>
/// The loops run permutation blocks outside and shingles inside, so a block's constants and
/// running minimum stay in registers. Immutable after construction; thread-safe.
/// </remarks>
internal sealed class MinHashSigner
{
    private readonly MinHashPermutations _permutations;
    private readonly ulong[] _evenA;
    private readonly ulong[] _oddA;
    private readonly ulong[] _evenB;
    private readonly ulong[] _oddB;
    private readonly uint[] _highA;

    public MinHashSigner(MinHashPermutations permutations)
    {
        _permutations = permutations;
        var n = permutations.Count;
        var half = (n + 1) / 2;
        _evenA = new ulong[half];
        _oddA = new ulong[half];
        _evenB = new ulong[half];
        _oddB = new ulong[half];
        _highA = new uint[n];
        for (var i = 0; i < n; i++)
        {
            // a·x mod 2^64 = a_lo·x + ((a_hi·x) mod 2^32)·2^32: the low half of a goes to the widening
            // multiply (even/odd permutations in separate registers), the high half to a 32-bit one.
            var lo = (uint)permutations.A[i];
            (i % 2 == 0 ? _evenA : _oddA)[i / 2] = lo;
            (i % 2 == 0 ? _evenB : _oddB)[i / 2] = permutations.B[i];
            _highA[i] = (uint)(permutations.A[i] >> 32);
        }
    }

    public int NumPerm => _permutations.Count;

    /// <summary>Which instruction set <see cref="Sign"/> uses.</summary>
    public static string Isa => Avx512F.IsSupported ? "avx512" : Avx2.IsSupported ? "avx2" : "scalar";

    /// <summary>Writes the signature of <paramref name="shingles"/> (non-empty) into <paramref name="signature"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Sign(ReadOnlySpan<ulong> shingles, Span<uint> signature, bool allowVector = true)
    {
        var done = 0;
        if (allowVector && Avx512F.IsSupported)
        {
            done = Sign512(shingles, signature);
        }
        else if (allowVector && Avx2.IsSupported)
        {
            done = Sign256(shingles, signature);
        }

        for (var i = done; i < NumPerm; i++)
        {
            var min = uint.MaxValue;
            foreach (var s in shingles)
            {
                min = Math.Min(min, _permutations.Apply(i, (uint)s));
            }

            signature[i] = min;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Sign256(ReadOnlySpan<ulong> shingles, Span<uint> signature)
    {
        var blocks = NumPerm / 8;
        var high = Vector256.Create(0xFFFFFFFF00000000UL);
        for (var k = 0; k < blocks; k++)
        {
            var evenA = Vector256.Create<ulong>(_evenA.AsSpan(k * 4)).AsUInt32();
            var oddA = Vector256.Create<ulong>(_oddA.AsSpan(k * 4)).AsUInt32();
            var evenB = Vector256.Create<ulong>(_evenB.AsSpan(k * 4));
            var oddB = Vector256.Create<ulong>(_oddB.AsSpan(k * 4));
            var highA = Vector256.Create<uint>(_highA.AsSpan(k * 8));
            var min = Vector256<uint>.AllBitsSet;
            foreach (var s in shingles)
            {
                var x = Vector256.Create((uint)s);
                var even = Avx2.Multiply(evenA, x) + evenB;
                var odd = Avx2.Multiply(oddA, x) + oddB;
                var h = (Vector256.ShiftRightLogical(even, 32) | (odd & high)).AsUInt32() + (highA * x);
                min = Vector256.Min(min, h);
            }

            min.CopyTo(signature.Slice(k * 8));
        }

        return blocks * 8;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private int Sign512(ReadOnlySpan<ulong> shingles, Span<uint> signature)
    {
        var blocks = NumPerm / 16;
        var high = Vector512.Create(0xFFFFFFFF00000000UL);
        for (var k = 0; k < blocks; k++)
        {
            var evenA = Vector512.Create<ulong>(_evenA.AsSpan(k * 8)).AsUInt32();
            var oddA = Vector512.Create<ulong>(_oddA.AsSpan(k * 8)).AsUInt32();
            var evenB = Vector512.Create<ulong>(_evenB.AsSpan(k * 8));
            var oddB = Vector512.Create<ulong>(_oddB.AsSpan(k * 8));
            var highA = Vector512.Create<uint>(_highA.AsSpan(k * 16));
            var min = Vector512<uint>.AllBitsSet;
            foreach (var s in shingles)
            {
                var x = Vector512.Create((uint)s);
                var even = Avx512F.Multiply(evenA, x) + evenB;
                var odd = Avx512F.Multiply(oddA, x) + oddB;
                var h = (Vector512.ShiftRightLogical(even, 32) | (odd & high)).AsUInt32() + (highA * x);
                min = Vector512.Min(min, h);
            }

            min.CopyTo(signature.Slice(k * 16));
        }

        return blocks * 16;
    }
}
