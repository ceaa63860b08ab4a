using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Winnow.Filters;

/// <summary>
/// Word n-grams of one text, counted level by level (n = 2, 3, ...) by hash: an n-gram's key is
/// Mix(Σ h(word i+k)·Base^(n−1−k)) mod 2^64 over its words' <see cref="TextHash"/> hashes, and its
/// length is its words' lengths plus n − 1 separators. N-grams with equal keys count as equal (the
/// words are not compared). Works in this thread's buffers (one text at a time per thread).
/// </summary>
/// <remarks>
/// <para>
/// An n-gram can occur twice only where both (n−1)-grams inside it do, so each level counts only
/// the positions the previous level marked as repeated (every occurrence of a repeated n-gram is
/// among them; the others would count 1 and change nothing). On prose few positions survive past
/// n = 3, so their keys are computed from the word hashes where needed (n multiply-adds) rather
/// than from prefix sums over every word (prefix[i + n] − prefix[i]·Base^n is the same polynomial,
/// so the same keys).
/// </para>
/// <para>
/// Level 2 looks at every position, but most bigrams of a text occur once. Their keys first set
/// bits in a filter of about 64 buckets per word, two bits a bucket (seen once, seen again), with
/// no branch; only positions whose bucket was seen again go to the counting table, in text order,
/// with the same keys. Every occurrence of a repeated bigram lands in a bucket seen again, so
/// counts, first occurrences and marks are those of counting every position; a bigram that shares
/// its bucket by chance just counts 1 there.
/// </para>
/// </remarks>
internal struct WordNgrams
{
    private const ulong Base = 0x9E3779B97F4A7C15UL;

    private readonly TextStatistics _stats;
    private readonly Scratch _scratch;
    private readonly int _words;
    private int _n;
    private int _candidates;

    public WordNgrams(TextStatistics stats)
    {
        _stats = stats;
        _words = stats.WordCount;
        _scratch = Scratch.ForThread(_words);
        var hashes = _scratch.WordHashes.AsSpan(0, _words);
        TextHash.OfWords(stats.Text, stats.Words, hashes);
        if (_words > 1)
        {
            FilterBigrams(hashes, _scratch.Bigrams, _scratch.Filter, _scratch.FilterShift);
        }

        _n = 1;
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
        repeatedChars = 0;
        if (_candidates == 0)
        {
            return 0;
        }

        return n == 2 ? CountBigrams(out repeatedChars) : CountLevel(n, out repeatedChars);
    }

    /// <summary>
    /// The bigram keys (Mix(h(word i)·Base + h(word i+1))) and the filter's bits: a bucket's first bit
    /// is set by its first bigram, its second by any later one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FilterBigrams(ReadOnlySpan<ulong> hashes, ulong[] bigrams, ulong[] filter, int shift)
    {
        var count = hashes.Length - 1;
        var keys = bigrams.AsSpan(0, count);
        var i = 0;
        if (Avx512DQ.VL.IsSupported)
        {
            var multiplier = Vector256.Create(Base);
            for (; i + 4 <= count; i += 4)
            {
                var k = Avx512DQ.VL.MultiplyLow(Vector256.Create(hashes.Slice(i, 4)), multiplier) + Vector256.Create(hashes.Slice(i + 1, 4));
                k ^= k >> 33;
                k = Avx512DQ.VL.MultiplyLow(k, Vector256.Create(0xFF51AFD7ED558CCDUL));
                k ^= k >> 33;
                k = Avx512DQ.VL.MultiplyLow(k, Vector256.Create(0xC4CEB9FE1A85EC53UL));
                k ^= k >> 33;
                k.CopyTo(keys.Slice(i, 4));
            }
        }

        for (; i < count; i++)
        {
            keys[i] = TextHash.Mix((hashes[i] * Base) + hashes[i + 1]);
        }

        ref var bits = ref MemoryMarshal.GetArrayDataReference(filter);
        foreach (var key in keys)
        {
            var bucket = (int)(key >> shift);
            ref var once = ref Unsafe.Add(ref bits, (bucket >> 6) * 2);
            var bit = 1UL << bucket;
            Unsafe.Add(ref once, 1) |= once & bit;
            once |= bit;
        }
    }

    /// <summary>Level 2: the positions whose filter bucket was seen again, counted in the table.</summary>
    private long CountBigrams(out long repeatedChars)
    {
        var count = Math.Max(_words - 1, 0);
        var keys = _scratch.Bigrams.AsSpan(0, count);
        var filter = _scratch.Filter;
        var shift = _scratch.FilterShift;
        var positions = _scratch.Positions;
        var candidates = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            var bucket = (int)(keys[i] >> shift);
            positions[candidates] = i;
            candidates += (int)(filter[((bucket >> 6) * 2) + 1] >> bucket) & 1;
        }

        var hot = _scratch.Hot;
        Array.Clear(hot, 0, count);
        var counter = HashCounter.ForThread();
        counter.Reset(candidates);
        var level = new Level(hot, _stats.Words, 2);
        foreach (var i in positions.AsSpan(0, candidates))
        {
            var repeats = counter.Add(keys[i], i, out var first);
            if (repeats >= 2)
            {
                level.Repeated(i, first, repeats);
            }
        }

        _candidates = level.Marked;
        repeatedChars = level.RepeatedChars;
        return level.Best;
    }

    /// <summary>Level n ≥ 3: the positions whose two (n−1)-grams were both marked repeated.</summary>
    private long CountLevel(int n, out long repeatedChars)
    {
        var counter = HashCounter.ForThread();
        counter.Reset(_candidates);
        var hot = _scratch.Hot;
        var hashes = _scratch.WordHashes;
        var level = new Level(hot, _stats.Words, n);
        var end = _words - n + 1;
        for (var i = 0; i < end; i++)
        {
            if (!hot[i])
            {
                // Unmarked positions are no candidates and stay unmarked: skip them in bulk.
                var skip = hot.AsSpan(i, end - i).IndexOf(true);
                if (skip < 0)
                {
                    break;
                }

                i += skip;
            }

            hot[i] = false;
            if (!hot[i + 1])
            {
                continue;
            }

            var key = hashes[i];
            for (var k = i + 1; k < i + n; k++)
            {
                key = (key * Base) + hashes[k];
            }

            var count = counter.Add(TextHash.Mix(key), i, out var first);
            if (count >= 2)
            {
                level.Repeated(i, first, count);
            }
        }

        _candidates = level.Marked;
        repeatedChars = level.RepeatedChars;
        return level.Best;
    }

    /// <summary>What one level finds: the positions it marks for the next, its top n-gram, the characters its repeats cover.</summary>
    private ref struct Level(Span<bool> hot, ReadOnlySpan<Segment> words, int n)
    {
        private readonly Span<bool> _hot = hot;
        private readonly ReadOnlySpan<Segment> _words = words;
        private int _coveredEnd;

        /// <summary>Positions marked for the next level.</summary>
        public int Marked { get; private set; }

        /// <summary>The most characters one n-gram covers with all its occurrences.</summary>
        public long Best { get; private set; }

        /// <summary>Characters inside repeated n-grams, each counted once.</summary>
        public long RepeatedChars { get; private set; }

        /// <summary>The n-gram at <paramref name="i"/> occurs the <paramref name="count"/>-th time (2 or more); it first stood at <paramref name="first"/>.</summary>
        public void Repeated(int i, int first, int count)
        {
            _hot[i] = true;
            Marked += count == 2 ? 2 : 1;
            _hot[first] = true;
            Best = Math.Max(Best, count * Chars(_words, i, n));
            for (var w = Math.Max(i, _coveredEnd); w < i + n; w++)
            {
                RepeatedChars += _words[w].Length + 1;
            }

            _coveredEnd = i + n;
        }
    }

    /// <summary>The n-gram at <paramref name="start"/> as its words joined by single separators.</summary>
    private static long Chars(ReadOnlySpan<Segment> words, int start, int n)
    {
        long chars = n - 1;
        foreach (var word in words.Slice(start, n))
        {
            chars += word.Length;
        }

        return chars;
    }

    /// <summary>One thread's buffers, grown to the longest text seen (up to a million words).</summary>
    private sealed class Scratch
    {
        private const int KeptWords = 1 << 20;

        [ThreadStatic]
        private static Scratch? _thread;

        public ulong[] WordHashes = [];
        public ulong[] Bigrams = [];
        public int[] Positions = [];
        public bool[] Hot = [];
        public ulong[] Filter = [];
        public int FilterShift;

        /// <summary>
        /// This thread's buffers, sized for <paramref name="words"/> words, the filter cleared; for a
        /// text of more than a million words, buffers of its own that the thread does not keep.
        /// </summary>
        public static Scratch ForThread(int words)
        {
            var scratch = words > KeptWords ? new Scratch() : (_thread ??= new Scratch());
            if (scratch.WordHashes.Length < words + 1)
            {
                var size = (int)Math.Min(Array.MaxLength, BitOperations.RoundUpToPowerOf2((uint)words + 1));
                scratch.WordHashes = new ulong[size];
                scratch.Bigrams = new ulong[size];
                scratch.Positions = new int[size];
                scratch.Hot = new bool[size];
            }

            // About 64 buckets per bigram (a bigram seen once shares its bucket with another one
            // about once in 64), 2^12 to 2^22 of them; two bits each, kept as pairs of words.
            var log = Math.Clamp(BitOperations.Log2(BitOperations.RoundUpToPowerOf2((uint)Math.Max(words, 1))) + 6, 12, 22);
            var filterWords = 2 << (log - 6);
            if (scratch.Filter.Length < filterWords)
            {
                scratch.Filter = new ulong[filterWords];
            }
            else
            {
                Array.Clear(scratch.Filter, 0, filterWords);
            }

            scratch.FilterShift = 64 - log;
            return scratch;
        }
    }
}
