namespace Winnow.Filters;

/// <summary>
/// Counts 64-bit keys inside one document: open addressing with linear probing and a generation
/// stamp, so starting over costs nothing and nothing is allocated per document once warm. Each slot
/// also keeps the position of the key's first occurrence, so a caller can mark it when it repeats.
/// </summary>
/// <remarks>One per thread (<see cref="ForThread"/>); not thread-safe.</remarks>
internal sealed class HashCounter
{
    [ThreadStatic]
    private static HashCounter? _threadInstance;

    private Slot[] _slots = new Slot[1024];
    private uint _stamp = 1;
    private int _mask = 1023;

    public static HashCounter ForThread() => _threadInstance ??= new HashCounter();

    /// <summary>Forgets every key and makes room for <paramref name="expected"/> distinct keys.</summary>
    public void Reset(int expected)
    {
        var needed = 1024;
        while (needed < expected * 2)
        {
            needed <<= 1;
        }

        if (needed > _slots.Length)
        {
            _slots = new Slot[needed];
            _mask = needed - 1;
            _stamp = 1;
            return;
        }

        if (++_stamp == 0)
        {
            Array.Clear(_slots);
            _stamp = 1;
        }
    }

    /// <summary>Adds one occurrence of <paramref name="key"/> and returns its count so far.</summary>
    public int Add(ulong key) => Add(key, 0, out _);

    /// <summary>
    /// Adds one occurrence of <paramref name="key"/> seen at <paramref name="position"/>; returns its
    /// count so far and, in <paramref name="first"/>, the position given with its first occurrence.
    /// </summary>
    public int Add(ulong key, int position, out int first)
    {
        var slots = _slots;
        var slot = (int)(key >> 32) & _mask;
        while (true)
        {
            ref var s = ref slots[slot];
            if (s.Stamp != _stamp)
            {
                s.Stamp = _stamp;
                s.Key = key;
                s.Count = 1;
                s.First = position;
                first = position;
                return 1;
            }

            if (s.Key == key)
            {
                first = s.First;
                return ++s.Count;
            }

            slot = (slot + 1) & _mask;
        }
    }

    private struct Slot
    {
        public ulong Key;
        public int Count;
        public int First;
        public uint Stamp;
    }
}
