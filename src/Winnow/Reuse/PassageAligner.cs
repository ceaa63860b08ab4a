using Winnow.Text;

namespace Winnow.Reuse;

/// <summary>
/// Local alignment of two word sequences: exact seed runs (maximal runs of at least
/// <see cref="ReuseOptions.SeedSize"/> equal words), chained by dynamic programming across gaps of
/// up to <see cref="ReuseOptions.MaxGap"/> words on either side (substitutions, insertions,
/// deletions), then cut into passages best chain first. A stretch of A may align with several
/// stretches of B and the passages need not keep the same order in both texts.
/// </summary>
/// <remarks>Not thread-safe: it reuses its buffers; use one per thread.</remarks>
internal sealed class PassageAligner(ReuseOptions options)
{
    private const int MaxRuns = 50_000;
    private const int MaxPositionsPerSeed = 64;
    private const int PredecessorWindow = 256;
    private const double GapPenalty = 0.5;
    private const int MaxSkip = 50;

    private readonly Dictionary<ulong, int> _head = [];
    private readonly List<SeedRun> _runs = [];
    private int[] _next = [];
    private double[] _score = [];
    private int[] _pred = [];
    private int[] _length = [];
    private bool[] _used = [];

    /// <summary>Appends the passages shared by <paramref name="a"/> and <paramref name="b"/>, the words of <paramref name="textA"/> and <paramref name="textB"/>.</summary>
    public void Align(string textA, List<WordToken> a, string textB, List<WordToken> b, List<ReusePassage> output)
    {
        FindRuns(a, b);
        if (_runs.Count == 0)
        {
            return;
        }

        Chain(textA, a, textB, b);
        Extract(a, b, output);
    }

    private void FindRuns(List<WordToken> a, List<WordToken> b)
    {
        _runs.Clear();
        _head.Clear();
        var k = Math.Max(1, options.SeedSize);
        if (a.Count < k || b.Count < k)
        {
            return;
        }

        if (_next.Length < b.Count)
        {
            _next = new int[b.Count * 2];
        }

        for (var j = b.Count - k; j >= 0; j--)
        {
            var h = Fingerprinter.NgramHash(b, j, k);
            _next[j] = _head.TryGetValue(h, out var first) ? first : -1;
            _head[h] = j;
        }

        for (var i = 0; i <= a.Count - k && _runs.Count < MaxRuns; i++)
        {
            if (!_head.TryGetValue(Fingerprinter.NgramHash(a, i, k), out var j))
            {
                continue;
            }

            for (var seen = 0; j >= 0 && seen < MaxPositionsPerSeed; j = _next[j], seen++)
            {
                // Only left-maximal matches start a run; the others lie inside one already found.
                if (i > 0 && j > 0 && a[i - 1].Hash == b[j - 1].Hash)
                {
                    continue;
                }

                var length = 0;
                while (i + length < a.Count && j + length < b.Count && a[i + length].Hash == b[j + length].Hash)
                {
                    length++;
                }

                if (length >= k)
                {
                    _runs.Add(new SeedRun(i, j, length));
                }
            }
        }

        _runs.Sort();
    }

    private void Chain(string textA, List<WordToken> a, string textB, List<WordToken> b)
    {
        var n = _runs.Count;
        if (_score.Length < n)
        {
            _score = new double[n * 2];
            _pred = new int[n * 2];
            _length = new int[n * 2];
            _used = new bool[n * 2];
        }

        for (var r = 0; r < n; r++)
        {
            var run = _runs[r];
            _score[r] = run.Length;
            _pred[r] = -1;
            _used[r] = false;
            _length[r] = run.Length;
            for (var p = r - 1; p >= 0 && p >= r - PredecessorWindow; p--)
            {
                var prev = _runs[p];
                var gapA = run.I - prev.IEnd;
                var gapB = run.J - prev.JEnd;

                // Runs are left-maximal, so one may begin inside its predecessor when a word repeats
                // at an edit (…"the" [dropped sentence ending in "the"] …): it follows with the
                // overlapping words cut off its start.
                var overlap = Math.Max(0, -Math.Min(gapA, gapB));
                if (overlap >= run.Length || run.I <= prev.I || run.J <= prev.J)
                {
                    continue;
                }

                (gapA, gapB) = (gapA + overlap, gapB + overlap);
                if (Math.Min(gapA, gapB) > options.MaxGap || Math.Max(gapA, gapB) > MaxSkip
                    || (Math.Max(gapA, gapB) > options.MaxGap && !RunsOn(gapA < gapB ? textA : textB, gapA < gapB ? a : b, gapA < gapB ? prev.IEnd : prev.JEnd, gapA < gapB ? run.I + overlap : run.J + overlap)))
                {
                    continue;
                }

                // Up to MaxGap the larger gap is paid word by word; a longer skip on one side (an
                // elided sentence) costs no more than a gap of MaxGap more words than the other side's.
                var score = _score[p] + run.Length - overlap - (GapPenalty * Math.Min(Math.Max(gapA, gapB), Math.Min(gapA, gapB) + options.MaxGap));
                if (score > _score[r])
                {
                    _score[r] = score;
                    _pred[r] = p;
                    _length[r] = run.Length - overlap;
                }
            }
        }
    }

    /// <summary>
    /// Whether words <paramref name="end"/> − 1 and <paramref name="next"/> of a text sit in one
    /// paragraph. A skip of more than MaxGap words on one side is bridged only when the other side
    /// runs on there: a sentence left out of a quote (or one added to it), not a promo or a footer
    /// that follows a passage in one document, after a paragraph break in both.
    /// </summary>
    private static bool RunsOn(string text, List<WordToken> words, int end, int next)
    {
        var between = text.AsSpan(words[end - 1].End, words[next].Start - words[end - 1].End);
        for (var i = 0; i < between.Length; i++)
        {
            if (between[i] != '\n')
            {
                continue;
            }

            // A blank line, or a line of only block-quote markers, ends a paragraph.
            var j = i + 1;
            while (j < between.Length && between[j] is ' ' or '\t' or '\r' or '>')
            {
                j++;
            }

            if (j < between.Length && between[j] == '\n')
            {
                return false;
            }
        }

        return true;
    }

    private void Extract(List<WordToken> a, List<WordToken> b, List<ReusePassage> output)
    {
        var n = _runs.Count;
        var order = new int[n];
        for (var r = 0; r < n; r++)
        {
            order[r] = r;
        }

        // Best chains first; ties by position, so the result does not depend on sort stability.
        Array.Sort(order, (x, y) => _score[y].CompareTo(_score[x]) is var c && c != 0 ? c : x.CompareTo(y));
        foreach (var last in order)
        {
            if (_used[last])
            {
                continue;
            }

            var first = last;
            var matched = 0;
            for (var r = last; r >= 0 && !_used[r]; r = _pred[r])
            {
                _used[r] = true;

                // A run keeps the words it shares with its predecessor only when that one is not in the passage.
                matched += _pred[r] >= 0 && !_used[_pred[r]] ? _length[r] : _runs[r].Length;
                first = r;
            }

            var (head, tail) = (_runs[first], _runs[last]);
            var passage = new ReusePassage(
                a[head.I].Start,
                a[tail.IEnd - 1].End,
                b[head.J].Start,
                b[tail.JEnd - 1].End,
                tail.IEnd - head.I,
                tail.JEnd - head.J,
                matched);
            if (passage.AWords >= options.MinWords && passage.BWords >= options.MinWords && passage.Similarity >= options.MinSimilarity)
            {
                output.Add(passage);
            }
        }
    }
}
