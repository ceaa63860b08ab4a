namespace Winnow.Filters;

/// <summary>
/// Counts 64-bit keys inside one document: open addressing with linear probing and a generation
/// stamp, so starting over costs nothing and nothing is allocated per document once warm.
/// </summary>
/// <remarks>One per thread (<see cref="ForThread"/>); not thread-safe.</remarks>
internal sealed class HashCounter
{
    [ThreadStatic]
    private static HashCounter? t_instance;

    private ulong[] _keys = new ulong[1024];
    private int[] _counts = new int[1024];
    private uint[] _stamps = new uint[1024];
    private uint _stamp = 1;
    private int _mask = 1023;

    public static HashCounter ForThread() => t_instance ??= new HashCounter();

    /// <summary>Forgets every key and makes room for <paramref name="expected"/> distinct keys.</summary>
    public void Reset(int expected)
    {
        var needed = 1024;
        while (needed < expected * 2)
        {
            needed <<= 1;
        }

        if (needed > _keys.Length)
        {
            _keys = new ulong[needed];
            _counts = new int[needed];
            _stamps = new uint[needed];
            _mask = needed - 1;
            _stamp = 1;
            return;
        }

        if (++_stamp == 0)
        {
            Array.Clear(_stamps);
            _stamp = 1;
        }
    }

    /// <summary>Adds one occurrence of <paramref name="key"/> and returns its count so far.</summary>
    public int Add(ulong key)
    {
        var slot = (int)(key >> 32) & _mask;
        while (true)
        {
            if (_stamps[slot] != _stamp)
            {
                _stamps[slot] = _stamp;
                _keys[slot] = key;
                _counts[slot] = 1;
                return 1;
            }

            if (_keys[slot] == key)
            {
                return ++_counts[slot];
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>The count of <paramref name="key"/>, 0 when absent.</summary>
    public int Count(ulong key)
    {
        var slot = (int)(key >> 32) & _mask;
        while (_stamps[slot] == _stamp)
        {
            if (_keys[slot] == key)
            {
                return _counts[slot];
            }

            slot = (slot + 1) & _mask;
        }

        return 0;
    }
}
