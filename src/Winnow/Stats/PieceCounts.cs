using System.Runtime.CompilerServices;
using Microsoft.ML.Tokenizers;

namespace Winnow.Stats;

/// <summary>
/// One thread's remembered token counts of pre-tokenizer pieces. A piece's count depends on the
/// piece alone, so remembering it changes no count; it saves the library's byte-pair merge.
/// </summary>
/// <remarks>
/// Pieces of up to eight UTF-16 units (most words with their leading space) are kept in an
/// open-addressed table that holds their characters inline, so a lookup reads one slot and never a
/// string elsewhere in the heap; longer pieces go to a dictionary. Either table starts over when it
/// fills, which keeps a thread's share to a few MB whatever the corpus.
/// </remarks>
internal sealed class PieceCounts(Tokenizer tokenizer)
{
    private const int ShortSlots = 1 << 16;
    private const int MaxShortPieces = ShortSlots / 2;
    private const int MaxLongPieces = 1 << 14;
    private const int MaxInline = 8;

    private readonly Slot[] _short = new Slot[ShortSlots];
    private readonly Dictionary<string, int> _long = new(StringComparer.Ordinal);
    private int _shortCount;

    /// <summary>The number of tokens of <paramref name="piece"/>, one pre-tokenizer piece.</summary>
    public int Count(ReadOnlySpan<char> piece) =>
        piece.Length <= MaxInline ? CountShort(piece) : CountLong(piece);

    private int CountShort(ReadOnlySpan<char> piece)
    {
        ulong low = 0, high = 0;
        for (var i = 0; i < piece.Length; i++)
        {
            if (i < 4)
            {
                low |= (ulong)piece[i] << (16 * i);
            }
            else
            {
                high |= (ulong)piece[i] << (16 * (i - 4));
            }
        }

        var length = piece.Length;

        var mask = ShortSlots - 1;
        var index = (int)(Mix(low, high, length) & (ulong)mask);
        var slots = _short;
        while (true)
        {
            ref var slot = ref slots[index];
            if (slot.Length == 0)
            {
                break;
            }

            if (slot.Length == length && slot.Low == low && slot.High == high)
            {
                return slot.Count;
            }

            index = (index + 1) & mask;
        }

        var count = tokenizer.CountTokens(piece, considerPreTokenization: false, considerNormalization: false);
        if (_shortCount >= MaxShortPieces)
        {
            Array.Clear(slots);
            _shortCount = 0;
            index = (int)(Mix(low, high, length) & (ulong)mask);
            while (slots[index].Length != 0)
            {
                index = (index + 1) & mask;
            }
        }

        slots[index] = new Slot { Low = low, High = high, Length = length, Count = count };
        _shortCount++;
        return count;
    }

    private int CountLong(ReadOnlySpan<char> piece)
    {
        var known = _long.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!known.TryGetValue(piece, out var count))
        {
            count = tokenizer.CountTokens(piece, considerPreTokenization: false, considerNormalization: false);
            if (_long.Count >= MaxLongPieces)
            {
                _long.Clear();
            }

            known[piece] = count;
        }

        return count;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong low, ulong high, int length)
    {
        var h = (low * 0x9E3779B97F4A7C15UL) ^ (high + (ulong)length) * 0xC2B2AE3D27D4EB4FUL;
        return h ^ (h >> 29);
    }

    private struct Slot
    {
        public ulong Low;
        public ulong High;
        public int Length;
        public int Count;
    }
}
