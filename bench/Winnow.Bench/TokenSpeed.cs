using System.Diagnostics;
using System.Text.Json;
using Winnow.Stats;

namespace Winnow.Bench;

/// <summary>Tokens per second of each encoding (or only the one named) on one thread, over the texts of a JSONL corpus (best of the rounds).</summary>
internal static class TokenSpeed
{
    public static void Run(string jsonl, int rounds, string? only = null)
    {
        var texts = File.ReadLines(jsonl).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!).ToList();
        var mb = texts.Sum(t => (long)System.Text.Encoding.UTF8.GetByteCount(t)) / 1e6;
        Console.WriteLine($"{jsonl}: {texts.Count:N0} texts, {mb:F1} MB of text; one thread, best of {rounds}");
        foreach (var encoding in only is null ? TokenCounter.Encodings : [only])
        {
            var counter = TokenCounter.For(encoding);
            counter.Count("warm up");
            var best = double.MaxValue;
            long tokens = 0;
            for (var r = 0; r < rounds; r++)
            {
                var watch = Stopwatch.StartNew();
                tokens = 0;
                foreach (var text in texts)
                {
                    tokens += counter.Count(text);
                }

                best = Math.Min(best, watch.Elapsed.TotalSeconds);
            }

            Console.WriteLine($"  {encoding,-12} {tokens,12:N0} tokens  {tokens / best / 1e6,6:F2} M tokens/s  {mb / best,6:F1} MB/s  ({best:F2} s)");
        }
    }
}
