using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Winnow.Text;

namespace Winnow.Stats;

/// <summary>
/// A piece of 1–<see cref="MaxLength"/> ASCII characters as its own 128-bit key, so a table
/// compares it in two instructions instead of comparing characters kept elsewhere: characters
/// 0–7 in <see cref="Low"/> and 8–14 in <see cref="High"/>, one byte each (the first lowest,
/// unused bytes zero), the length in <see cref="High"/>'s top byte ("a" and "a\0" differ).
/// </summary>
/// <remarks>Every byte of a character is below 0x80, so a table may mark other entries with a character byte's top bit.</remarks>
internal readonly struct PackedPiece
{
    /// <summary>Longer pieces are hashed instead (under 2% of an English text's pieces).</summary>
    public const int MaxLength = 15;

    private PackedPiece(ulong low, ulong high)
    {
        Low = low;
        High = high;
    }

    /// <summary>Characters 0–7.</summary>
    public ulong Low { get; }

    /// <summary>Characters 8–14, and the length in the top byte.</summary>
    public ulong High { get; }

    /// <summary>The first <paramref name="length"/> (1–<see cref="MaxLength"/>) of 16 ASCII characters narrowed to bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PackedPiece FromAscii(Vector128<byte> bytes, int length)
    {
        var words = (bytes & Vector128.LessThan(Vector128<byte>.Indices, Vector128.Create((byte)length))).AsUInt64();
        return new(words.ToScalar(), words.GetElement(1) | ((ulong)length << 56));
    }

    /// <summary>The key of <paramref name="piece"/>; false when it is empty, longer than <see cref="MaxLength"/> or not all ASCII.</summary>
    public static bool TryPack(ReadOnlySpan<char> piece, out PackedPiece packed)
    {
        packed = default;
        var split = Math.Min(piece.Length, 8);
        if (piece.Length is 0 or > MaxLength
            || !AsciiKey.TryPack(piece[..split], lowerCase: false, out var low)
            || !AsciiKey.TryPack(piece[split..], lowerCase: false, out var high))
        {
            return false;
        }

        packed = new(low, high | ((ulong)piece.Length << 56));
        return true;
    }
}
