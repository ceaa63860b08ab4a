using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Winnow.Hashing;

namespace Winnow.Filters;

/// <summary>
/// A fast 64-bit hash of short spans (words, lines) used only to count repeats inside one
/// document: four UTF-16 code units per multiply, the length folded in, and a final avalanche so
/// nearby keys spread over a table. Not stable across versions; nothing stores it.
/// </summary>
internal static class TextHash
{
    private const ulong Multiplier = 0x9E3779B97F4A7C15UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Of(ReadOnlySpan<char> text)
    {
        ref var start = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(text));
        var bytes = text.Length * 2;
        var h = 0xcbf29ce484222325UL ^ (ulong)text.Length;
        var i = 0;
        for (; i + 8 <= bytes; i += 8)
        {
            h = BitOperations.RotateLeft((h ^ Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, i))) * Multiplier, 29);
        }

        ulong tail = 0;
        if (i + 4 <= bytes)
        {
            tail = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref start, i));
            i += 4;
        }

        if (i < bytes)
        {
            tail = (tail << 16) | Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref start, i));
        }

        return Mix((h ^ tail) * Multiplier);
    }

    /// <summary>MurmurHash3's 64-bit finalizer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong h) => Avalanche.Murmur3(h);
}
