using System.Diagnostics;
using System.Text.Json;
using Winnow.NearDedup;

namespace Winnow.Bench;

/// <summary>
/// `shingle-sets PATH [N]`: the cost of one exact-verification set (word hashes and n-gram hashes,
/// sort, distinct) on the first N texts of a JSONL file, held in memory, one thread, best of 5.
/// </summary>
internal static class ShingleSetSpeed
{
    public static void Run(string path, int count)
    {
        var texts = File.ReadLines(path).Take(count).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!).ToArray();
        var hasher = new ShingleHasher(5, 1);
        var shingles = new ulong[1024];
        var copies = new ulong[texts.Length][];
        long total = 0;
        for (var i = 0; i < texts.Length; i++)
        {
            var n = hasher.Hash(texts[i].AsSpan(), ref shingles);
            copies[i] = shingles[..n];
            total += n;
        }

        Console.WriteLine($"{texts.Length:N0} texts, {total / (double)texts.Length:F0} shingles each");
        Time("hash (words, n-grams)", () =>
        {
            foreach (var t in texts)
            {
                hasher.Hash(t.AsSpan(), ref shingles);
            }
        });
        var scratch = new ulong[copies.Max(c => c.Length)];
        Time("sort", () =>
        {
            foreach (var c in copies)
            {
                c.CopyTo(scratch, 0);
                ShingleSorter.Sort(scratch.AsSpan(0, c.Length));
            }
        });
        Time("copy only", () =>
        {
            foreach (var c in copies)
            {
                c.CopyTo(scratch, 0);
            }
        });
        Time("Span.Sort", () =>
        {
            foreach (var c in copies)
            {
                c.CopyTo(scratch, 0);
                scratch.AsSpan(0, c.Length).Sort();
            }
        });
        // Overlap of each set with the next one's (sorted sets; about half of them near copies).
        var sorted = copies.Select(c => c.Distinct().Order().ToArray()).ToArray();
        Time("overlap (pairs)", () =>
        {
            for (var i = 1; i < sorted.Length; i++)
            {
                ShingleStore.Overlap(sorted[i - 1], sorted[i]);
            }
        });
        Time("HashSet (all of it)", () =>
        {
            foreach (var t in texts)
            {
                hasher.HashSet(t.AsSpan(), ref shingles);
            }
        });

        void Time(string what, Action action)
        {
            action();
            var best = double.MaxValue;
            for (var r = 0; r < 5; r++)
            {
                var clock = Stopwatch.StartNew();
                action();
                best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
            }

            Console.WriteLine($"{what,-24} {best * 1000 / texts.Length,8:F2} us per text");
        }
    }
}
