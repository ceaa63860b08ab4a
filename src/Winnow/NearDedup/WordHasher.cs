using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Winnow.Hashing;

namespace Winnow.NearDedup;

/// <summary>
/// The 64-bit hash of one word, fed a code unit or a run of ASCII word characters at a time.
/// Units are packed four to a 64-bit block (little-endian, 16 bits each), the last block and then
/// the block count padded with zeros to an even number; each block goes through xxHash64's round
/// (multiply, rotate, multiply) and the word ends with the unit count and xxHash64's avalanche. An ASCII word character enters as <c>c | 0x20</c> (letters lower-cased,
/// digits unchanged, '_' as 0x7F, a value no other word unit has), so four of them are one load and
/// one OR.
/// </summary>
/// <remarks>
/// The value depends only on the word's units, not on how they were fed, so a word hashes the same
/// in ASCII and non-ASCII text. A mutable struct held by one thread.
/// </remarks>
internal struct WordHasher
{
    private const ulong Prime1 = 0x9E3779B185EBCA87UL;
    private const ulong Prime2 = 0xC2B2AE3D27D4EB4FUL;
    private const ulong Prime5 = 0x27D4EB2F165667C5UL;
    private const ulong AsciiLower = 0x0020_0020_0020_0020UL;
    private readonly ulong _start;
    private ulong _h;
    private ulong _block;
    private int _units;

    public WordHasher(ulong seed)
    {
        _start = seed + Prime5;
        _h = _start;
    }

    /// <summary>Units fed since the last <see cref="Finish"/>.</summary>
    public readonly int Units => _units;

    /// <summary>Adds one code unit (already lower-cased; ASCII word characters as <c>c | 0x20</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(uint unit)
    {
        _block |= (ulong)unit << (16 * (_units & 3));
        if ((++_units & 3) == 0)
        {
            _h = Round(_h, _block);
            _block = 0;
        }
    }

    /// <summary>
    /// Adds the run of ASCII word characters (letters, digits, '_') <c>text[start..start+length]</c>
    /// as written. Reads up to three characters past the run when the text has them (masked off).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddAscii(ReadOnlySpan<char> text, int start, int length)
    {
        var k = 0;
        if ((_units & 3) == 0)
        {
            // Block-aligned (nearly always: a word's start): four characters per load.
            ref var bytes = ref Unsafe.As<char, byte>(ref Unsafe.Add(ref MemoryMarshal.GetReference(text), start));
            for (; k + 4 <= length; k += 4)
            {
                _h = Round(_h, Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref bytes, k * 2)) | AsciiLower);
            }

            var tail = length - k;
            if (tail > 0 && start + k + 4 <= text.Length)
            {
                var mask = (1UL << (16 * tail)) - 1;
                _block = (Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref bytes, k * 2)) | AsciiLower) & mask;
                _units += length;
                return;
            }

            _units += k;
        }

        for (; k < length; k++)
        {
            Add(text[start + k] | 0x20u);
        }
    }

    /// <summary>
    /// The hash of a word of at most 16 units given as its (zero-padded) blocks, without a
    /// hasher: the same value as feeding the units one by one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Short(ulong seed, Vector256<ulong> blocks, int units)
    {
        var h = Round(Round(seed + Prime5, blocks.GetElement(0)), blocks.GetElement(1));
        if (units > 8)
        {
            h = Round(Round(h, blocks.GetElement(2)), blocks.GetElement(3));
        }

        return Avalanche.XxHash64(h + (ulong)units);
    }

    /// <summary>
    /// <see cref="Short"/> of eight words at once, one a lane: block <c>b</c> of each word in
    /// <paramref name="b0"/>–<paramref name="b3"/>, its unit count in <paramref name="units"/>.
    /// Needs AVX-512 (its 64-bit multiply and rotate).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> ShortLanes(ulong seed, Vector512<ulong> b0, Vector512<ulong> b1, Vector512<ulong> b2, Vector512<ulong> b3, Vector512<ulong> units)
    {
        var h = Round(Round(Vector512.Create(seed + Prime5), b0), b1);
        var longer = Round(Round(h, b2), b3);
        h = Vector512.ConditionalSelect(Vector512.GreaterThan(units, Vector512.Create(8UL)), longer, h);
        return Avalanche.XxHash64(h + units);
    }

    /// <summary>The word's hash; the hasher is then ready for the next word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Finish()
    {
        var h = (_units & 3) == 0 ? _h : Round(_h, _block);
        if ((((_units + 3) >> 2) & 1) != 0)
        {
            // Pairs of blocks, so that a word of up to 8 (or 16) units is a fixed number of rounds.
            h = Round(h, 0);
        }

        h = Avalanche.XxHash64(h + (ulong)_units);
        _h = _start;
        _block = 0;
        _units = 0;
        return h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Round(ulong h, ulong block) => BitOperations.RotateLeft(h + (block * Prime2), 31) * Prime1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> Round(Vector512<ulong> h, Vector512<ulong> block) =>
        Avx512F.RotateLeft(h + (block * Vector512.Create(Prime2)), 31) * Vector512.Create(Prime1);
}
