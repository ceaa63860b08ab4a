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

    private readonly Dictionary<ulong, int> _head = [];
    private readonly List<SeedRun> _runs = [];
    private int[] _next = [];
    private double[] _score = [];
    private int[] _pred = [];
    private bool[] _used = [];

    public void Align(List<WordToken> a, List<WordToken> b, List<ReusePassage> output)
    {
        FindRuns(a, b);
        if (_runs.Count == 0)
        {
            return;
        }

        Chain();
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

    private void Chain()
    {
        var n = _runs.Count;
        if (_score.Length < n)
        {
            _score = new double[n * 2];
            _pred = new int[n * 2];
            _used = new bool[n * 2];
        }

        for (var r = 0; r < n; r++)
        {
            var run = _runs[r];
            _score[r] = run.Length;
            _pred[r] = -1;
            _used[r] = false;
            for (var p = r - 1; p >= 0 && p >= r - PredecessorWindow; p--)
            {
                var prev = _runs[p];
                var gapA = run.I - prev.IEnd;
                var gapB = run.J - prev.JEnd;
                if (gapA < 0 || gapB < 0 || gapA > options.MaxGap || gapB > options.MaxGap)
                {
                    continue;
                }

                var score = _score[p] + run.Length - (GapPenalty * Math.Max(gapA, gapB));
                if (score > _score[r])
                {
                    _score[r] = score;
                    _pred[r] = p;
                }
            }
        }
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
                matched += _runs[r].Length;
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
