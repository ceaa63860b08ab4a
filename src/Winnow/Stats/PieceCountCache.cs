using System.Runtime.CompilerServices;
using Winnow.Hashing;

namespace Winnow.Stats;

/// <summary>
/// One thread's token count for each piece of text it has counted: open addressing over 16-byte
/// entries, at most half full, so a lookup mostly touches one entry. A piece of up to
/// <see cref="PackedPiece.MaxLength"/> ASCII characters (nearly every piece of English prose:
/// " the", " house", ",") is its own key (<see cref="PackedPiece"/>), compared in the entry; any
/// other piece is found by its hash and its characters, compared in a store. A general dictionary
/// keyed by strings spent three memory reads a lookup (bucket, entry, string).
/// </summary>
/// <remarks>
/// Starts over when full (<see cref="Capacity"/> pieces or its character store), so its memory is
/// fixed: ~6 MB, kept for the process's life (the counter keeps one per counting thread). The 4 MB
/// of entries sit on huge pages where Linux allows (<see cref="HugePageTable{T}"/>): looked up at
/// random while the run's other stages fill the TLB, they took most of the counter's time in the
/// 1M run, and the command's dedup takes ~5 % less CPU on them. A count is the tokenizer's for
/// that exact piece (the characters are compared), so what a thread has seen before never changes
/// a count. Not thread-safe: one per thread.
/// </remarks>
internal sealed class PieceCountCache
{
    /// <summary>Longer pieces are counted each time: they are rare, and their count may pass a byte.</summary>
    public const int MaxPieceLength = 64;

    private const int Capacity = 1 << 17; // half of the slots
    private const int SlotBits = 18;
    private const int Slots = 1 << SlotBits;

    // A packed entry is (Low, High | count << 60): a packed piece's count is at most its length
    // (a byte is at most one token), so it fits the length byte's free half. A hashed entry is
    // (hash, start | length << 32 | count << 40 | Hashed): bit 55, the top bit of a packed
    // piece's 15th character byte, tells it from any packed one. An empty entry's Meta is 0.
    private const int PackedCountShift = 60;
    private const ulong PackedCountBits = 0xFUL << PackedCountShift;
    private const ulong Hashed = 1UL << 55;
    private const ulong HashedLengthBits = 0xFFUL << 32;

    private readonly HugePageTable<Entry> _table = new(Slots);
    private readonly char[] _chars = new char[1 << 20];
    private int _charsUsed;
    private int _count;

    /// <summary>Where the lookup of <paramref name="piece"/> starts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SlotOf(in PackedPiece piece) =>
        (int)(((piece.Low ^ (piece.High * 0xC2B2AE3D27D4EB4FUL)) * 0x9E3779B97F4A7C15UL) >> (64 - SlotBits));

    /// <summary>Looks a packed piece up from its <see cref="SlotOf"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGet(in PackedPiece piece, int slot, out int count)
    {
        ref var entries = ref _table.First;
        for (; ; slot = (slot + 1) & (Slots - 1))
        {
            var entry = Unsafe.Add(ref entries, slot);
            if (entry.Key == piece.Low && (entry.Meta & ~PackedCountBits) == piece.High)
            {
                count = (int)(entry.Meta >> PackedCountShift);
                return true;
            }

            if (entry.Meta == 0)
            {
                count = 0;
                return false;
            }
        }
    }

    /// <summary>Remembers the count of a packed piece <see cref="TryGet(in PackedPiece, int, out int)"/> did not find.</summary>
    public void Add(in PackedPiece piece, int count)
    {
        if (count > (int)(PackedCountBits >> PackedCountShift))
        {
            return; // more tokens than bytes: impossible for a byte-level encoding; not kept rather than cut
        }

        MakeRoom(0);
        _table.Span[FreeSlot(SlotOf(piece))] = new Entry { Key = piece.Low, Meta = piece.High | ((ulong)count << PackedCountShift) };
        _count++;
    }

    /// <summary>
    /// Looks <paramref name="piece"/> (at most <see cref="MaxPieceLength"/> characters) up, packed
    /// when it can be, else by its hash; <paramref name="hash"/> is for <see cref="Add(ReadOnlySpan{char}, ulong, int)"/>.
    /// </summary>
    public bool TryGet(ReadOnlySpan<char> piece, out int count, out ulong hash)
    {
        hash = 0;
        if (PackedPiece.TryPack(piece, out var packed))
        {
            return TryGet(packed, SlotOf(packed), out count);
        }

        hash = XxHash64.Hash(piece);
        var expected = Hashed | ((ulong)piece.Length << 32);
        var entries = _table.Span;
        for (var slot = (int)hash & (Slots - 1); ; slot = (slot + 1) & (Slots - 1))
        {
            ref var entry = ref entries[slot];
            if (entry.Meta == 0)
            {
                count = 0;
                return false;
            }

            if (entry.Key == hash && (entry.Meta & (Hashed | HashedLengthBits)) == expected
                && piece.SequenceEqual(_chars.AsSpan((int)(uint)entry.Meta, piece.Length)))
            {
                count = (byte)(entry.Meta >> 40);
                return true;
            }
        }
    }

    /// <summary>Remembers the count of a piece <see cref="TryGet(ReadOnlySpan{char}, out int, out ulong)"/> did not find.</summary>
    public void Add(ReadOnlySpan<char> piece, ulong hash, int count)
    {
        if (PackedPiece.TryPack(piece, out var packed))
        {
            Add(packed, count);
            return;
        }

        MakeRoom(piece.Length);
        var start = _charsUsed;
        piece.CopyTo(_chars.AsSpan(start));
        _charsUsed += piece.Length;
        var meta = Hashed | (uint)start | ((ulong)piece.Length << 32) | ((ulong)checked((byte)count) << 40);
        _table.Span[FreeSlot((int)hash & (Slots - 1))] = new Entry { Key = hash, Meta = meta };
        _count++;
    }

    private void MakeRoom(int chars)
    {
        if (_count == Capacity || _charsUsed + chars > _chars.Length)
        {
            _table.Span.Clear();
            _count = 0;
            _charsUsed = 0;
        }
    }

    private int FreeSlot(int slot)
    {
        var entries = _table.Span;
        while (entries[slot].Meta != 0)
        {
            slot = (slot + 1) & (Slots - 1);
        }

        return slot;
    }

    private struct Entry
    {
        public ulong Key;
        public ulong Meta;
    }
}
