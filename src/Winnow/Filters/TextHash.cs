using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
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

    // Starting values of the second to fourth lanes of a long span (see Of): any distinct constants.
    private const ulong Lane1 = 0xC2B2AE3D27D4EB4FUL;
    private const ulong Lane2 = 0x165667B19E3779F9UL;
    private const ulong Lane3 = 0x27D4EB2F165667C5UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Of(ReadOnlySpan<char> text)
    {
        ref var start = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(text));
        var bytes = text.Length * 2;
        var h = 0xcbf29ce484222325UL ^ (ulong)text.Length;
        var i = 0;
        if (bytes >= 64)
        {
            // A line is hashed 32 bytes a step in four independent lanes: one lane's
            // multiply-rotate chain took five cycles per 8 bytes, which made hashing every line of
            // a text as slow as reading it ten times. The lanes are then folded in, in order.
            ulong h1 = h ^ Lane1, h2 = h ^ Lane2, h3 = h ^ Lane3;
            for (; i + 32 <= bytes; i += 32)
            {
                h = Step(h, Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, i)));
                h1 = Step(h1, Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, i + 8)));
                h2 = Step(h2, Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, i + 16)));
                h3 = Step(h3, Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, i + 24)));
            }

            h = Step(Step(Step(h, h1), h2), h3);
        }

        for (; i + 8 <= bytes; i += 8)
        {
            h = Step(h, Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, i)));
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

    /// <summary>
    /// The same value as <see cref="Of(ReadOnlySpan{char})"/> of <paramref name="text"/>[<paramref name="start"/>..+<paramref name="length"/>],
    /// computed without a branch on the length for spans of up to 12 characters that have 12
    /// characters of <paramref name="text"/> from their start (almost every word): the three 8-byte
    /// rounds are all computed and the one the length asks for is selected with masks, and the tail
    /// is cut from the next chunk. Of's loop and tail tests cost a mispredicted branch or two on
    /// every word of mixed lengths; this costs a few multiplies.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Of(ReadOnlySpan<char> text, int start, int length)
    {
        if ((uint)length > 12 || start > text.Length - 12)
        {
            return Of(text.Slice(start, length));
        }

        ref var at = ref Unsafe.As<char, byte>(ref Unsafe.Add(ref MemoryMarshal.GetReference(text), start));
        var x0 = Unsafe.ReadUnaligned<ulong>(ref at);
        var x1 = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref at, 8));
        var x2 = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref at, 16));
        var h0 = 0xcbf29ce484222325UL ^ (ulong)length;
        var h1 = BitOperations.RotateLeft((h0 ^ x0) * Multiplier, 29);
        var h2 = BitOperations.RotateLeft((h1 ^ x1) * Multiplier, 29);
        var h3 = BitOperations.RotateLeft((h2 ^ x2) * Multiplier, 29);

        // All ones when the span has at least 4, 8, 12 characters (that many full 8-byte rounds).
        var four = (ulong)((long)(3 - length) >> 63);
        var eight = (ulong)((long)(7 - length) >> 63);
        var twelve = (ulong)((long)(11 - length) >> 63);
        var h = h0 ^ ((h0 ^ h1) & four);
        h ^= (h ^ h2) & eight;
        h ^= (h ^ h3) & twelve;

        // The tail: the 0–3 characters after the full rounds, packed as Of packs them (two
        // characters as a uint; a third one shifted in below them).
        var chunk = x0 ^ ((x0 ^ x1) & four);
        chunk ^= (chunk ^ x2) & eight;
        var rest = length & 3;
        var tail = chunk & ((1UL << (rest * 16)) - 1);
        var three = ((chunk & 0xFFFFFFFFUL) << 16) | ((chunk >> 32) & 0xFFFF);
        tail ^= (tail ^ three) & (0 - (ulong)((rest + 1) >> 2));
        return Mix((h ^ tail) * Multiplier);
    }

    /// <summary>
    /// <see cref="Of(ReadOnlySpan{char})"/> of each of <paramref name="words"/> in <paramref name="text"/>,
    /// into <paramref name="hashes"/>: with AVX-512, four words per step (64-bit lanes and
    /// multiplies), the short-word formula of <see cref="Of(ReadOnlySpan{char}, int, int)"/> lane by
    /// lane; a step with a word over 12 characters or within 16 characters of the text's end, and
    /// machines without AVX-512, take the scalar path. Same values either way.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void OfWords(ReadOnlySpan<char> text, ReadOnlySpan<Segment> words, Span<ulong> hashes)
    {
        hashes = hashes[..words.Length];
        var i = 0;
        if (Avx512DQ.VL.IsSupported && Avx512F.VL.IsSupported && words.Length >= 4 && text.Length >= 16)
        {
            ref var chars = ref MemoryMarshal.GetReference(text);
            ref var segments = ref MemoryMarshal.GetReference(words);
            var lastStart = Vector256.Create((long)(text.Length - 16));
            var seed = Vector256.Create(0xcbf29ce484222325UL);
            var multiplier = Vector256.Create(Multiplier);
            var twelve = Vector256.Create(12L);
            var evenOdd = Vector256.Create(0, 2, 4, 6, 1, 3, 5, 7);
            for (; i + 4 <= words.Length; i += 4)
            {
                // Four (start, length) pairs: starts to the low half, lengths to the high half.
                var pairs = Avx2.PermuteVar8x32(Vector256.LoadUnsafe(ref Unsafe.As<Segment, int>(ref Unsafe.Add(ref segments, i))), evenOdd);
                var starts = Avx2.ConvertToVector256Int64(pairs.GetLower());
                var lengths = Avx2.ConvertToVector256Int64(pairs.GetUpper());
                if ((Vector256.GreaterThan(lengths, twelve) | Vector256.GreaterThan(starts, lastStart)) != Vector256<long>.Zero)
                {
                    for (var k = i; k < i + 4; k++)
                    {
                        hashes[k] = Of(text.Slice(words[k].Start, words[k].Length));
                    }

                    continue;
                }

                // Each word's first 16 characters as four 8-byte chunks, transposed to chunk
                // vectors: x0 holds the four words' first chunks, x1 the second, x2 the third.
                var r0 = Vector256.LoadUnsafe(ref Unsafe.As<char, ulong>(ref Unsafe.Add(ref chars, words[i].Start)));
                var r1 = Vector256.LoadUnsafe(ref Unsafe.As<char, ulong>(ref Unsafe.Add(ref chars, words[i + 1].Start)));
                var r2 = Vector256.LoadUnsafe(ref Unsafe.As<char, ulong>(ref Unsafe.Add(ref chars, words[i + 2].Start)));
                var r3 = Vector256.LoadUnsafe(ref Unsafe.As<char, ulong>(ref Unsafe.Add(ref chars, words[i + 3].Start)));
                var t0 = Avx2.UnpackLow(r0, r1);
                var t1 = Avx2.UnpackHigh(r0, r1);
                var t2 = Avx2.UnpackLow(r2, r3);
                var t3 = Avx2.UnpackHigh(r2, r3);
                var x0 = Avx2.Permute2x128(t0, t2, 0x20);
                var x1 = Avx2.Permute2x128(t1, t3, 0x20);
                var x2 = Avx2.Permute2x128(t0, t2, 0x31);
                var length = lengths.AsUInt64();
                var h0 = seed ^ length;
                var h1 = Avx512F.VL.RotateLeft(Avx512DQ.VL.MultiplyLow(h0 ^ x0, multiplier), 29);
                var h2 = Avx512F.VL.RotateLeft(Avx512DQ.VL.MultiplyLow(h1 ^ x1, multiplier), 29);
                var h3 = Avx512F.VL.RotateLeft(Avx512DQ.VL.MultiplyLow(h2 ^ x2, multiplier), 29);
                var four = Vector256.GreaterThan(lengths, Vector256.Create(3L)).AsUInt64();
                var eight = Vector256.GreaterThan(lengths, Vector256.Create(7L)).AsUInt64();
                var full = Vector256.Equals(lengths, twelve).AsUInt64();
                var h = Vector256.ConditionalSelect(four, h1, h0);
                h = Vector256.ConditionalSelect(eight, h2, h);
                h = Vector256.ConditionalSelect(full, h3, h);
                var chunk = Vector256.ConditionalSelect(four, x1, x0);
                chunk = Vector256.ConditionalSelect(eight, x2, chunk);
                var rest = length & Vector256.Create(3UL);
                var tail = chunk & (Avx2.ShiftLeftLogicalVariable(Vector256<ulong>.One, rest << 4) - Vector256<ulong>.One);
                var three = ((chunk & Vector256.Create(0xFFFFFFFFUL)) << 16) | ((chunk >> 32) & Vector256.Create(0xFFFFUL));
                tail = Vector256.ConditionalSelect(Vector256.Equals(rest, Vector256.Create(3UL)), three, tail);
                var key = Avx512DQ.VL.MultiplyLow(h ^ tail, multiplier);
                key ^= key >> 33;
                key = Avx512DQ.VL.MultiplyLow(key, Vector256.Create(0xFF51AFD7ED558CCDUL));
                key ^= key >> 33;
                key = Avx512DQ.VL.MultiplyLow(key, Vector256.Create(0xC4CEB9FE1A85EC53UL));
                key ^= key >> 33;
                key.StoreUnsafe(ref hashes[i]);
            }
        }

        for (; i < words.Length; i++)
        {
            hashes[i] = Of(text, words[i].Start, words[i].Length);
        }
    }

    /// <summary>MurmurHash3's 64-bit finalizer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong h) => Avalanche.Murmur3(h);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Step(ulong h, ulong block) => BitOperations.RotateLeft((h ^ block) * Multiplier, 29);
}
