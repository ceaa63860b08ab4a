using System.Buffers;

namespace Winnow.Filters;

/// <summary>
/// Word n-grams of one text, counted level by level (n = 2, 3, ...) as rolling hashes: prefix sums of
/// word hashes and word lengths give any n-gram's hash and character length in O(1). Rents its
/// arrays; dispose to return them.
/// </summary>
/// <remarks>
/// An n-gram can occur twice only where both (n−1)-grams inside it do, so each level counts only
/// the positions the previous level marked as repeated (every occurrence of a repeated n-gram is
/// among them; the others would count 1 and change nothing). On prose few positions survive past
/// n = 3, so the nine levels cost little more than the first.
/// </remarks>
internal struct WordNgrams : IDisposable
{
    private const ulong Base = 0x9E3779B97F4A7C15UL;

    private readonly TextStatistics _stats;
    private readonly ulong[] _prefixHash;
    private readonly long[] _prefixChars;
    private readonly bool[] _hot;
    private readonly int _words;
    private int _n;
    private ulong _power;
    private int _candidates;

    public WordNgrams(TextStatistics stats)
    {
        _stats = stats;
        _words = stats.WordCount;
        _prefixHash = ArrayPool<ulong>.Shared.Rent(_words + 1);
        _prefixChars = ArrayPool<long>.Shared.Rent(_words + 1);
        _hot = ArrayPool<bool>.Shared.Rent(_words + 1);
        var text = stats.Text.AsSpan();
        var words = stats.Words;
        _prefixHash[0] = 0;
        _prefixChars[0] = 0;
        for (var i = 0; i < _words; i++)
        {
            _prefixHash[i + 1] = (_prefixHash[i] * Base) + TextHash.Of(words[i].Of(text));
            _prefixChars[i + 1] = _prefixChars[i] + words[i].Length;
        }

        Array.Fill(_hot, true, 0, _words + 1);
        _n = 1;
        _power = Base;
        _candidates = _words;
    }

    /// <summary>
    /// Counts the next level's n-grams (n = 2 on the first call). Returns the count × length of the
    /// n-gram whose occurrences cover the most characters (0 when none repeats); in
    /// <paramref name="repeatedChars"/>, the characters (each word plus one separator) of the words
    /// covered by a repeat of an earlier n-gram, each word counted once.
    /// </summary>
    public long Next(out long repeatedChars)
    {
        var n = ++_n;
        _power *= Base;
        repeatedChars = 0;
        if (_candidates == 0)
        {
            return 0;
        }

        var counter = HashCounter.ForThread();
        counter.Reset(_candidates);
        var hot = _hot;
        var words = _stats.Words;
        long best = 0;
        var coveredEnd = 0;
        var next = 0;
        for (var i = 0; i + n <= _words; i++)
        {
            var candidate = hot[i] && hot[i + 1];
            hot[i] = false;
            if (!candidate)
            {
                continue;
            }

            var count = counter.Add(Hash(i, n), i, out var first);
            if (count < 2)
            {
                continue;
            }

            hot[i] = true;
            next += count == 2 ? 2 : 1;
            hot[first] = true;
            best = Math.Max(best, count * Chars(i, n));
            for (var w = Math.Max(i, coveredEnd); w < i + n; w++)
            {
                repeatedChars += words[w].Length + 1;
            }

            coveredEnd = i + n;
        }

        _candidates = next;
        return best;
    }

    public readonly void Dispose()
    {
        ArrayPool<ulong>.Shared.Return(_prefixHash);
        ArrayPool<long>.Shared.Return(_prefixChars);
        ArrayPool<bool>.Shared.Return(_hot);
    }

    private readonly ulong Hash(int start, int n) => TextHash.Mix(_prefixHash[start + n] - (_prefixHash[start] * _power));

    private readonly long Chars(int start, int n) => _prefixChars[start + n] - _prefixChars[start] + n - 1;
}
