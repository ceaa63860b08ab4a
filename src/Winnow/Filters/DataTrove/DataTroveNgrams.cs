using System.Buffers;

namespace Winnow.Filters.DataTrove;

/// <summary>
/// DataTrove's two n-gram measures over one text's words. <see cref="TopChars"/>: the most frequent
/// n-gram (the earliest among equals, a single occurrence included) times its length as the words
/// joined by spaces. <see cref="DuplicateChars"/>: scanning positions left to right, an n-gram (its
/// words joined without separator) seen before adds its length and moves the scan past it, otherwise
/// it is remembered and the scan moves one word. Rents its arrays; dispose to return them.
/// </summary>
/// <remarks>
/// Top n-grams are counted level by level as <see cref="WordNgrams"/> does: an n-gram can repeat only
/// where both (n−1)-grams inside it repeat, so each level looks only at those positions. The
/// duplicate scan hashes the joined characters (a polynomial hash over the words' characters laid end to end),
/// so words that join to the same string are the same n-gram, as in DataTrove.
/// </remarks>
internal struct DataTroveNgrams : IDisposable
{
    private const ulong Base = 0x9E3779B97F4A7C15UL;
    private const ulong CharBase = 0x100000001B3UL;

    private readonly DataTroveWords _words;
    private readonly int _count;
    private readonly ulong[] _prefixHash;
    private readonly long[] _prefixCodePoints;
    private readonly bool[] _hot;
    private ulong[]? _charHash;
    private ulong[]? _charPower;
    private int[]? _charOffset;
    private int _level;
    private ulong _power;

    public DataTroveNgrams(DataTroveWords words)
    {
        _words = words;
        _count = words.Count;
        _prefixHash = ArrayPool<ulong>.Shared.Rent(_count + 1);
        _prefixCodePoints = ArrayPool<long>.Shared.Rent(_count + 1);
        _hot = ArrayPool<bool>.Shared.Rent(_count + 1);
        var lengths = words.CodePoints;
        _prefixHash[0] = 0;
        _prefixCodePoints[0] = 0;
        for (var i = 0; i < _count; i++)
        {
            _prefixHash[i + 1] = (_prefixHash[i] * Base) + TextHash.Of(words.Word(i));
            _prefixCodePoints[i + 1] = _prefixCodePoints[i] + lengths[i];
        }

        Array.Fill(_hot, true, 0, _count + 1);
        _level = 1;
        _power = Base;
    }

    /// <summary>
    /// Count × length of the top <paramref name="n"/>-gram. Levels must be asked in order 2, 3, 4 (each
    /// level narrows the positions the next one looks at).
    /// </summary>
    public long TopChars(int n)
    {
        while (_level < n)
        {
            _level++;
            _power *= Base;
            CountLevel(out var bestCount, out var bestFirst);
            if (_level == n)
            {
                return bestCount < 2 ? Chars(0, n) : bestCount * Chars(bestFirst, n);
            }
        }

        throw new InvalidOperationException("top n-grams are counted for n = 2, 3, 4 in order");
    }

    /// <summary>The code points of the repeated <paramref name="n"/>-grams DataTrove's scan finds.</summary>
    public long DuplicateChars(int n)
    {
        if (_charHash is null)
        {
            HashCharacters();
        }

        var counter = HashCounter.ForThread();
        counter.Reset(_count);
        long chars = 0;
        var offset = _charOffset!;
        for (var i = 0; i + n <= _count;)
        {
            var a = offset[i];
            var b = offset[i + n];
            var hash = TextHash.Mix(_charHash![b] - (_charHash[a] * _charPower![b - a]) + (ulong)(b - a));
            if (counter.Add(hash) > 1)
            {
                chars += _prefixCodePoints[i + n] - _prefixCodePoints[i];
                i += n;
            }
            else
            {
                i++;
            }
        }

        return chars;
    }

    public readonly void Dispose()
    {
        ArrayPool<ulong>.Shared.Return(_prefixHash);
        ArrayPool<long>.Shared.Return(_prefixCodePoints);
        ArrayPool<bool>.Shared.Return(_hot);
        if (_charHash is not null)
        {
            ArrayPool<ulong>.Shared.Return(_charHash);
            ArrayPool<int>.Shared.Return(_charOffset!);
        }
    }

    private void CountLevel(out long bestCount, out int bestFirst)
    {
        var n = _level;
        bestCount = 0;
        bestFirst = int.MaxValue;
        var counter = HashCounter.ForThread();
        counter.Reset(_count);
        var hot = _hot;
        for (var i = 0; i + n <= _count; i++)
        {
            var candidate = hot[i] && hot[i + 1];
            hot[i] = false;
            if (!candidate)
            {
                continue;
            }

            var count = counter.Add(TextHash.Mix(_prefixHash[i + n] - (_prefixHash[i] * _power)), i, out var first);
            if (count < 2)
            {
                continue;
            }

            hot[i] = true;
            hot[first] = true;
            if (count > bestCount || (count == bestCount && first < bestFirst))
            {
                bestCount = count;
                bestFirst = first;
            }
        }
    }

    /// <summary>The n-gram at <paramref name="start"/> joined by spaces, in code points.</summary>
    private readonly long Chars(int start, int n) => _prefixCodePoints[start + n] - _prefixCodePoints[start] + n - 1;

    /// <summary>CharBase to the powers 0.. (shared by every text; grown when a longer text comes, never changed).</summary>
    private static ulong[] _charPowers = [];

    private static ulong[] CharPowers(int needed)
    {
        var powers = Volatile.Read(ref _charPowers);
        if (powers.Length >= needed)
        {
            return powers;
        }

        var grown = new ulong[Math.Max(needed, Math.Max(1 << 16, powers.Length * 2))];
        grown[0] = 1;
        for (var i = 1; i < grown.Length; i++)
        {
            grown[i] = grown[i - 1] * CharBase;
        }

        Volatile.Write(ref _charPowers, grown);
        return grown;
    }

    private void HashCharacters()
    {
        var total = 0;
        for (var i = 0; i < _count; i++)
        {
            total += _words.Lengths[i];
        }

        _charHash = ArrayPool<ulong>.Shared.Rent(total + 1);
        _charPower = CharPowers(total + 1);
        _charOffset = ArrayPool<int>.Shared.Rent(_count + 1);
        _charHash[0] = 0;
        var at = 0;
        var text = _words.Text.AsSpan();
        var starts = _words.Starts;
        var lengths = _words.Lengths;
        for (var i = 0; i < _count; i++)
        {
            _charOffset[i] = at;
            foreach (var c in text.Slice(starts[i], lengths[i]))
            {
                _charHash[at + 1] = (_charHash[at] * CharBase) + c + 1;
                at++;
            }
        }

        _charOffset[_count] = at;
    }
}
