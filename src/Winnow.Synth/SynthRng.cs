using System.Numerics;

namespace Winnow.Synth;

/// <summary>
/// xoshiro256** seeded through SplitMix64. Self-contained so that a seed produces the same corpus on every
/// .NET version; System.Random's algorithm carries no such promise.
/// </summary>
internal struct SynthRng
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Independent stream for one (seed, document index, purpose) triple.</summary>
    public SynthRng(ulong seed, long index, SynthStream stream)
    {
        // Mixing the three inputs through SplitMix64 keeps neighbouring indices uncorrelated.
        ulong x = SplitMix(seed ^ 0x6A09E667F3BCC909UL);
        x = SplitMix(x ^ (ulong)index);
        x = SplitMix(x ^ ((ulong)stream * 0xBB67AE8584CAA73BUL));
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    public ulong Next()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, n); the multiply-shift bias is below n / 2^32, irrelevant here.</summary>
    public int NextInt(int n) => (int)(((Next() >> 32) * (ulong)n) >> 32);

    /// <summary>Uniform in [lo, hi] inclusive.</summary>
    public int Between(int lo, int hi) => lo + NextInt(hi - lo + 1);

    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double p) => NextDouble() < p;

    public double Uniform(double lo, double hi) => lo + ((hi - lo) * NextDouble());

    private static ulong SplitMix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong SplitMix(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        return SplitMix(state);
    }
}
