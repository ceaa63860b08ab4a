using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Winnow.Hashing;

/// <summary>
/// MurmurHash3, x64 128-bit variant (<c>MurmurHash3_x64_128</c> in SMHasher), used where 64 bits
/// would make accidental collisions across a large corpus too likely.
/// </summary>
/// <remarks>
/// <para>The reference writes its result as two 64-bit words <c>h1, h2</c>. Here
/// <c>h1</c> is the low half and <c>h2</c> the high half of the <see cref="UInt128"/>, so the value's
/// little-endian bytes equal the reference's 16 output bytes, and the value equals Python
/// <c>mmh3.hash128(key, seed, x64arch=True)</c>.</para>
/// <para>Stateless and thread-safe; allocates nothing.</para>
/// </remarks>
public static class MurmurHash3x64_128
{
    private const ulong C1 = 0x87C37B91114253D5UL;
    private const ulong C2 = 0x4CF5AD432745937FUL;

    /// <summary>Hashes <paramref name="data"/> with a 32-bit seed, as the reference does.</summary>
    /// <param name="data">The bytes to hash.</param>
    /// <param name="seed">The seed; both 64-bit lanes start from it.</param>
    /// <returns>The digest: <c>h2</c> in the upper and <c>h1</c> in the lower 64 bits.</returns>
    public static UInt128 Hash(ReadOnlySpan<byte> data, uint seed = 0)
    {
        ulong h1 = seed;
        ulong h2 = seed;
        ref byte p = ref MemoryMarshal.GetReference(data);
        int blocksEnd = data.Length & ~15;

        for (int i = 0; i < blocksEnd; i += 16)
        {
            h1 ^= MixK1(Read64(ref p, i));
            h1 = (BitOperations.RotateLeft(h1, 27) + h2) * 5 + 0x52DCE729;
            h2 ^= MixK2(Read64(ref p, i + 8));
            h2 = (BitOperations.RotateLeft(h2, 31) + h1) * 5 + 0x38495AB5;
        }

        // The tail's bytes are folded in little-endian order: byte j of the lane lands at bit 8*j.
        int tail = data.Length & 15;
        if (tail > 8)
        {
            ulong k2 = 0;
            for (int j = tail - 1; j >= 8; j--)
            {
                k2 = (k2 << 8) | Unsafe.Add(ref p, blocksEnd + j);
            }

            h2 ^= MixK2(k2);
        }

        if (tail > 0)
        {
            ulong k1 = 0;
            for (int j = Math.Min(tail, 8) - 1; j >= 0; j--)
            {
                k1 = (k1 << 8) | Unsafe.Add(ref p, blocksEnd + j);
            }

            h1 ^= MixK1(k1);
        }

        ulong length = (ulong)data.Length;
        h1 ^= length;
        h2 ^= length;
        h1 += h2;
        h2 += h1;
        h1 = FMix(h1);
        h2 = FMix(h2);
        h1 += h2;
        h2 += h1;
        return new UInt128(h2, h1);
    }

    /// <summary>Hashes <paramref name="text"/> as its UTF-16LE bytes, without transcoding.</summary>
    /// <param name="text">The characters to hash.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The same value as hashing <c>Encoding.Unicode.GetBytes(text)</c>.</returns>
    public static UInt128 Hash(ReadOnlySpan<char> text, uint seed = 0)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Hashing chars directly needs a little-endian machine.");
        }

        return Hash(MemoryMarshal.AsBytes(text), seed);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MixK1(ulong k) => BitOperations.RotateLeft(k * C1, 31) * C2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MixK2(ulong k) => BitOperations.RotateLeft(k * C2, 33) * C1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong FMix(ulong k) => Avalanche.Murmur3(k);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Read64(ref byte p, int offset)
    {
        ulong v = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref p, offset));
        return BitConverter.IsLittleEndian ? v : BinaryPrimitives.ReverseEndianness(v);
    }
}
