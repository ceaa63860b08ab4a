namespace Winnow.NearDedup;

/// <summary>
/// The hash family that stands in for random permutations: h_i(x) = ((a_i·x + b_i) mod 2^64) >> 32
/// for a 32-bit shingle value x, with a_i (odd) and b_i drawn from SplitMix64 seeded by the seed.
/// </summary>
/// <remarks>
/// This is Dietzfelbinger's multiply-add-shift scheme, strongly universal for 32-bit keys with
/// 64-bit a and b; it needs only 32x32→64-bit multiplies, which AVX2 and AVX-512 do in every lane,
/// where datasketch's (a·x + b) mod (2^61 - 1) needs a 64-bit multiply and a modulus per value.
/// Immutable; safe to share between threads.
/// </remarks>
internal sealed class MinHashPermutations
{
    public MinHashPermutations(int count, ulong seed)
    {
        A = new ulong[count];
        B = new ulong[count];
        var state = seed;
        for (var i = 0; i < count; i++)
        {
            A[i] = SplitMix64(ref state) | 1;
            B[i] = SplitMix64(ref state);
        }
    }

    public ulong[] A { get; }

    public ulong[] B { get; }

    public int Count => A.Length;

    public uint Apply(int i, uint x) => (uint)(((A[i] * x) + B[i]) >> 32);

    // SplitMix64 (Steele, Lea, Flood 2014): tiny, fully specified, so signatures do not depend on a
    // runtime's Random implementation.
    internal static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
