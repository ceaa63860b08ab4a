namespace Winnow.Reuse;

/// <summary>A growable bit set of document ordinals: one bit per document up to the largest ordinal.</summary>
internal sealed class OrdinalSet
{
    private ulong[] _bits = new ulong[64];

    public void Add(long ordinal)
    {
        var word = (int)(ordinal >> 6);
        if (word >= _bits.Length)
        {
            Array.Resize(ref _bits, Math.Max(word + 1, _bits.Length * 2));
        }

        _bits[word] |= 1UL << (int)(ordinal & 63);
    }

    public bool Contains(long ordinal)
    {
        var word = ordinal >> 6;
        return word < _bits.Length && (_bits[word] & (1UL << (int)(ordinal & 63))) != 0;
    }

    /// <summary>The ordinals in the set from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), ascending.</summary>
    public IEnumerable<long> Between(long from, long to)
    {
        for (var ordinal = from; ordinal < to; ordinal++)
        {
            var word = ordinal >> 6;
            if (word >= _bits.Length)
            {
                yield break;
            }

            if (_bits[word] == 0)
            {
                ordinal = ((word + 1) << 6) - 1;
                continue;
            }

            if ((_bits[word] & (1UL << (int)(ordinal & 63))) != 0)
            {
                yield return ordinal;
            }
        }
    }
}
