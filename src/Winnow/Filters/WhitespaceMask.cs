using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Winnow.Filters;

/// <summary>
/// Which of up to 64 characters are whitespace (as <see cref="TextStatistics.IsSpace"/>) and which are
/// '\n', one bit per character: vectorized, with the few non-ASCII characters of a block tested one by one.
/// </summary>
internal static class WhitespaceMask
{
    public static ulong Of(ReadOnlySpan<char> block, out ulong newlines)
    {
        if (block.Length == 64 && Vector256.IsHardwareAccelerated)
        {
            ref var start = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(block));
            var a = Vector256.LoadUnsafe(ref start);
            var b = Vector256.LoadUnsafe(ref start, 16);
            var c = Vector256.LoadUnsafe(ref start, 32);
            var d = Vector256.LoadUnsafe(ref start, 48);
            newlines = Bits(Newline(a), Newline(b), Newline(c), Newline(d));
            var ascii = Bits(Space(a), Space(b), Space(c), Space(d));

            // Outside ASCII only a few characters are whitespace (U+0085, U+00A0, U+1680,
            // U+2000–U+200A...): a block with curly quotes or accents tests just those characters.
            var high = Vector256.Create((ushort)0xFF80);
            var nonAscii = Bits(NonZero(a & high), NonZero(b & high), NonZero(c & high), NonZero(d & high));
            while (nonAscii != 0)
            {
                var i = System.Numerics.BitOperations.TrailingZeroCount(nonAscii);
                if (TextStatistics.IsSpace(block[i]))
                {
                    ascii |= 1UL << i;
                }

                nonAscii &= nonAscii - 1;
            }

            return ascii;
        }

        ulong spaces = 0;
        newlines = 0;
        for (var i = 0; i < block.Length; i++)
        {
            var ch = block[i];
            if (TextStatistics.IsSpace(ch))
            {
                spaces |= 1UL << i;
                if (ch == '\n')
                {
                    newlines |= 1UL << i;
                }
            }
        }

        return spaces;
    }

    /// <summary>ASCII whitespace: space, or '\t' through '\r'.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ushort> Space(Vector256<ushort> v) =>
        Vector256.Equals(v, Vector256.Create((ushort)' ')) | Vector256.LessThanOrEqual(v - Vector256.Create((ushort)'\t'), Vector256.Create((ushort)('\r' - '\t')));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ushort> NonZero(Vector256<ushort> v) => ~Vector256.Equals(v, Vector256<ushort>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ushort> Newline(Vector256<ushort> v) => Vector256.Equals(v, Vector256.Create((ushort)'\n'));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Bits(Vector256<ushort> a, Vector256<ushort> b, Vector256<ushort> c, Vector256<ushort> d) =>
        a.ExtractMostSignificantBits() | ((ulong)b.ExtractMostSignificantBits() << 16)
        | ((ulong)c.ExtractMostSignificantBits() << 32) | ((ulong)d.ExtractMostSignificantBits() << 48);
}
