using System.Buffers;

namespace Winnow.Filters;

/// <summary>
/// Word n-grams of one text as rolling hashes: prefix sums of word hashes and word lengths give any
/// n-gram's hash and character length in O(1). Rents its arrays; dispose to return them.
/// </summary>
internal readonly struct WordNgrams : IDisposable
{
    private const ulong Base = 0x9E3779B97F4A7C15UL;

    private readonly TextStatistics _stats;
    private readonly ulong[] _prefixHash;
    private readonly long[] _prefixChars;
    private readonly bool[] _hot;
    private readonly int _words;

    public WordNgrams(TextStatistics stats)
    {
        _stats = stats;
        _words = stats.WordCount;
        _prefixHash = ArrayPool<ulong>.Shared.Rent(_words + 1);
        _prefixChars = ArrayPool<long>.Shared.Rent(_words + 1);
        _hot = ArrayPool<bool>.Shared.Rent(_words + 1);
        var hashes = stats.WordHashes();
        var words = stats.Words;
        _prefixHash[0] = 0;
        _prefixChars[0] = 0;
        for (var i = 0; i < _words; i++)
        {
            _prefixHash[i + 1] = (_prefixHash[i] * Base) + hashes[i];
            _prefixChars[i + 1] = _prefixChars[i] + words[i].Length;
        }
    }

    /// <summary>Count × length of the n-gram whose occurrences cover the most characters (0 when none repeats).</summary>
    public double TopNgramChars(int n)
    {
        var counter = HashCounter.ForThread();
        counter.Reset(_words);
        var power = Power(n);
        long best = 0;
        for (var i = 0; i + n <= _words; i++)
        {
            var count = counter.Add(Hash(i, n, power));
            if (count > 1)
            {
                best = Math.Max(best, count * Chars(i, n));
            }
        }

        return best;
    }

    /// <summary>Marks the positions whose 5-gram occurs at least twice; false when there are none.</summary>
    public bool MarkRepeatedFiveGrams()
    {
        const int n = 5;
        var counter = HashCounter.ForThread();
        counter.Reset(_words);
        var power = Power(n);
        var any = false;
        for (var i = 0; i + n <= _words; i++)
        {
            any |= counter.Add(Hash(i, n, power)) > 1;
        }

        for (var i = 0; i + n <= _words; i++)
        {
            _hot[i] = any && counter.Count(Hash(i, n, power)) > 1;
        }

        return any;
    }

    /// <summary>
    /// Characters (each word plus one separator) of the words covered by a repeat of an earlier
    /// n-gram, each word counted once. Needs <see cref="MarkRepeatedFiveGrams"/> first.
    /// </summary>
    public double RepeatedNgramChars(int n)
    {
        var counter = HashCounter.ForThread();
        counter.Reset(_words);
        var power = Power(n);
        var words = _stats.Words;
        long chars = 0;
        var coveredEnd = 0;
        for (var i = 0; i + n <= _words; i++)
        {
            if (!_hot[i] || counter.Add(Hash(i, n, power)) < 2)
            {
                continue;
            }

            for (var w = Math.Max(i, coveredEnd); w < i + n; w++)
            {
                chars += words[w].Length + 1;
            }

            coveredEnd = i + n;
        }

        return chars;
    }

    public void Dispose()
    {
        ArrayPool<ulong>.Shared.Return(_prefixHash);
        ArrayPool<long>.Shared.Return(_prefixChars);
        ArrayPool<bool>.Shared.Return(_hot);
    }

    private ulong Hash(int start, int n, ulong power) => TextHash.Mix(_prefixHash[start + n] - (_prefixHash[start] * power));

    private long Chars(int start, int n) => _prefixChars[start + n] - _prefixChars[start] + n - 1;

    private static ulong Power(int n)
    {
        var p = 1UL;
        for (var i = 0; i < n; i++)
        {
            p *= Base;
        }

        return p;
    }
}
