using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Winnow.Hashing;

/// <summary>
/// xxHash64 (XXH64), a fast non-cryptographic 64-bit hash. Results match the reference
/// implementation bit for bit, so stored hashes stay comparable with other tools.
/// </summary>
/// <remarks>Stateless and thread-safe; the methods allocate nothing on little-endian machines.</remarks>
public static class XxHash64
{
    private const ulong Prime1 = 0x9E3779B185EBCA87UL;
    private const ulong Prime2 = 0xC2B2AE3D27D4EB4FUL;
    private const ulong Prime3 = 0x165667B19E3779F9UL;
    private const ulong Prime4 = 0x85EBCA77C2B2AE63UL;
    private const ulong Prime5 = 0x27D4EB2F165667C5UL;

    /// <summary>Hashes <paramref name="data"/> with the given seed.</summary>
    /// <param name="data">The bytes to hash.</param>
    /// <param name="seed">The XXH64 seed; 0 gives the commonly published values.</param>
    /// <returns>The 64-bit digest, as the reference <c>XXH64()</c> returns it.</returns>
    public static ulong Hash(ReadOnlySpan<byte> data, ulong seed = 0)
    {
        ref byte p = ref MemoryMarshal.GetReference(data);
        int length = data.Length;
        int offset = 0;
        ulong h;

        if (length >= 32)
        {
            ulong v1 = seed + Prime1 + Prime2;
            ulong v2 = seed + Prime2;
            ulong v3 = seed;
            ulong v4 = seed - Prime1;
            int stripesEnd = length - 32;
            do
            {
                v1 = Round(v1, Read64(ref p, offset));
                v2 = Round(v2, Read64(ref p, offset + 8));
                v3 = Round(v3, Read64(ref p, offset + 16));
                v4 = Round(v4, Read64(ref p, offset + 24));
                offset += 32;
            }
            while (offset <= stripesEnd);

            h = BitOperations.RotateLeft(v1, 1) + BitOperations.RotateLeft(v2, 7)
                + BitOperations.RotateLeft(v3, 12) + BitOperations.RotateLeft(v4, 18);
            h = MergeRound(h, v1);
            h = MergeRound(h, v2);
            h = MergeRound(h, v3);
            h = MergeRound(h, v4);
        }
        else
        {
            h = seed + Prime5;
        }

        h += (ulong)length;

        for (; offset + 8 <= length; offset += 8)
        {
            h ^= Round(0, Read64(ref p, offset));
            h = (BitOperations.RotateLeft(h, 27) * Prime1) + Prime4;
        }

        if (offset + 4 <= length)
        {
            h ^= Read32(ref p, offset) * Prime1;
            h = (BitOperations.RotateLeft(h, 23) * Prime2) + Prime3;
            offset += 4;
        }

        for (; offset < length; offset++)
        {
            h ^= Unsafe.Add(ref p, offset) * Prime5;
            h = BitOperations.RotateLeft(h, 11) * Prime1;
        }

        return Avalanche.XxHash64(h);
    }

    /// <summary>Hashes <paramref name="text"/> as its UTF-16LE bytes, without transcoding.</summary>
    /// <param name="text">The characters to hash; equal to hashing <c>Encoding.Unicode.GetBytes(text)</c>.</param>
    /// <param name="seed">The XXH64 seed.</param>
    /// <returns>The 64-bit digest.</returns>
    public static ulong Hash(ReadOnlySpan<char> text, ulong seed = 0)
    {
        if (BitConverter.IsLittleEndian)
        {
            return Hash(MemoryMarshal.AsBytes(text), seed);
        }

        // Big-endian machines lay chars out as UTF-16BE, so the bytes must be swapped to keep hashes portable.
        byte[] rented = ArrayPool<byte>.Shared.Rent(text.Length * 2);
        try
        {
            Span<byte> bytes = rented.AsSpan(0, text.Length * 2);
            for (int i = 0; i < text.Length; i++)
            {
                bytes[2 * i] = (byte)text[i];
                bytes[(2 * i) + 1] = (byte)(text[i] >> 8);
            }

            return Hash(bytes, seed);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Round(ulong acc, ulong input) =>
        BitOperations.RotateLeft(acc + (input * Prime2), 31) * Prime1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MergeRound(ulong acc, ulong value) => ((acc ^ Round(0, value)) * Prime1) + Prime4;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Read64(ref byte p, int offset)
    {
        ulong v = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref p, offset));
        return BitConverter.IsLittleEndian ? v : System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(v);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Read32(ref byte p, int offset)
    {
        uint v = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref p, offset));
        return BitConverter.IsLittleEndian ? v : System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(v);
    }
}
