using System.Runtime.InteropServices;
using Winnow.Hashing;
using Winnow.Text;

namespace Winnow.Stats;

/// <summary>
/// One thread's token count for each piece of text it has counted: open addressing over entries of
/// (hash, where the piece's characters are kept, count), at most half full, so a lookup mostly
/// touches one entry and compares the piece once. A general dictionary keyed by strings spent
/// three memory reads a lookup (bucket, entry, string), a fifth of a default run's CPU.
/// </summary>
/// <remarks>
/// Starts over when full (<see cref="Capacity"/> pieces or its character store), so its memory is
/// fixed: ~6 MB. A count is the tokenizer's for that exact piece (the characters are compared),
/// so what a thread has seen before never changes a count. Not thread-safe: one per thread.
/// </remarks>
internal sealed class PieceCountCache
{
    /// <summary>Longer pieces are counted each time: they are rare, and their count may pass a byte.</summary>
    public const int MaxPieceLength = 64;

    private const int Capacity = 1 << 17; // half of the slots
    private const int SlotBits = 18;
    private const int Slots = 1 << SlotBits;
    private readonly Entry[] _entries = new Entry[Slots];
    private readonly char[] _chars = new char[1 << 20];
    private int _charsUsed;
    private int _count;

    /// <summary>Looks <paramref name="piece"/> (at most <see cref="MaxPieceLength"/> characters) up; <paramref name="hash"/> is for <see cref="Add"/>.</summary>
    public bool TryGet(ReadOnlySpan<char> piece, out int count, out ulong hash)
    {
        // Most pieces of prose (" the", " house", ",") are at most 8 ASCII characters: packed
        // into one word, with the length, they are their own key, compared without the store.
        var packed = TryPack(piece, out hash);
        if (!packed)
        {
            hash = XxHash64.Hash(piece);
        }

        for (var slot = Slot(hash, packed); ; slot = (slot + 1) & (Slots - 1))
        {
            ref var entry = ref _entries[slot];
            if (entry.Length == 0)
            {
                count = 0;
                return false;
            }

            if (entry.Hash == hash && (packed ? entry.Start < 0
                : entry.Start >= 0 && entry.Length == piece.Length && piece.SequenceEqual(_chars.AsSpan(entry.Start, entry.Length))))
            {
                count = entry.Count;
                return true;
            }
        }
    }

    /// <summary>Remembers the count of a piece <see cref="TryGet"/> did not find.</summary>
    public void Add(ReadOnlySpan<char> piece, ulong hash, int count)
    {
        if (_count == Capacity || _charsUsed + piece.Length > _chars.Length)
        {
            Array.Clear(_entries);
            _count = 0;
            _charsUsed = 0;
        }

        var packed = TryPack(piece, out _);
        var slot = Slot(hash, packed);
        while (_entries[slot].Length != 0)
        {
            slot = (slot + 1) & (Slots - 1);
        }

        // A packed piece is its own key: nothing kept in the store (Start -1).
        var start = packed ? -1 : _charsUsed;
        if (!packed)
        {
            piece.CopyTo(_chars.AsSpan(_charsUsed));
            _charsUsed += piece.Length;
        }

        _entries[slot] = new Entry { Hash = hash, Start = start, Length = (byte)piece.Length, Count = checked((byte)count) };
        _count++;
    }

    // A packed key is spread over the table by a multiplication (its low bits are the first
    // characters, alike in many pieces); a hash already is.
    private static int Slot(ulong key, bool packed) =>
        packed ? (int)((key * 0x9E3779B97F4A7C15UL) >> (64 - SlotBits)) : (int)key & (Slots - 1);

    /// <summary>A piece of 1–8 ASCII characters as its key: <see cref="AsciiKey"/>, with the length in the top 4 bits when under 8.</summary>
    private static bool TryPack(ReadOnlySpan<char> piece, out ulong packed)
    {
        if (!AsciiKey.TryPack(piece, lowerCase: false, out packed))
        {
            return false;
        }

        // Eight ASCII characters leave bit 63 clear; shorter pieces leave byte 7 free for the
        // length, so "a" and "a\0" differ. Either way the length is known from the key.
        packed |= piece.Length < 8 ? ((ulong)piece.Length << 60) | (1UL << 63) : 0;
        return true;
    }

    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private struct Entry
    {
        public ulong Hash;
        public int Start;
        public byte Length;
        public byte Count;
    }
}
