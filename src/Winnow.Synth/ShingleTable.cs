namespace Winnow.Synth;

/// <summary>
/// Open-addressing set of shingle hashes with two membership bits, so one pass over each text yields both set
/// sizes and the intersection. Grows for unusually long texts; one per worker thread.
/// </summary>
internal sealed class ShingleTable
{
    public const int InA = 1;
    public const int InB = 2;

    private ulong[] _keys = new ulong[4096];
    private byte[] _marks = new byte[4096];
    private int _count;

    public void Clear()
    {
        Array.Clear(_marks);
        _count = 0;
    }

    /// <summary>Adds <paramref name="mark"/> to the hash's marks and returns the marks it had before (0 if new).</summary>
    public int Mark(ulong hash, int mark)
    {
        if (_count * 2 >= _keys.Length)
        {
            Grow();
        }

        int mask = _keys.Length - 1;
        int slot = (int)((hash * 0x9E3779B97F4A7C15UL) >> 40) & mask;
        while (_marks[slot] != 0 && _keys[slot] != hash)
        {
            slot = (slot + 1) & mask;
        }

        int before = _marks[slot];
        if (before == 0)
        {
            _keys[slot] = hash;
            _count++;
        }

        _marks[slot] = (byte)(before | mark);
        return before;
    }

    private void Grow()
    {
        var keys = _keys;
        var marks = _marks;
        _keys = new ulong[keys.Length * 2];
        _marks = new byte[keys.Length * 2];
        _count = 0;
        for (int s = 0; s < keys.Length; s++)
        {
            if (marks[s] != 0)
            {
                Mark(keys[s], marks[s]);
            }
        }
    }
}
