using System.Diagnostics;
using Winnow.Hashing;

namespace Winnow.Bench;

/// <summary>Times the hashes over a large buffer and over many short keys, the two shapes the pipeline uses.</summary>
internal static class HashThroughput
{
    public static void Run()
    {
        var data = new byte[64 * 1024 * 1024];
        new Random(1).NextBytes(data);
        Report("XxHash64, 64 MiB", data.Length, 5, () => XxHash64.Hash(data));
        Report("MurmurHash3 x64/128, 64 MiB", data.Length, 5, () => (ulong)MurmurHash3x64_128.Hash(data));
        Report("XXH3-128 (System.IO.Hashing)", data.Length, 5, () => (ulong)System.IO.Hashing.XxHash128.HashToUInt128(data));
        Report("Crc32, 64 MiB", data.Length, 5, () => Crc32.Compute(data));
        Report("XxHash64, 32-byte keys", data.Length, 5, () => Keys(data, 32, static k => XxHash64.Hash(k)));
        Report("MurmurHash3, 32-byte keys", data.Length, 5, () => Keys(data, 32, static k => (ulong)MurmurHash3x64_128.Hash(k)));
        Report("XXH3-128, 32-byte keys", data.Length, 5, () => Keys(data, 32, static k => (ulong)System.IO.Hashing.XxHash128.HashToUInt128(k)));

        // The filters' line hash as Gopher repetition uses it: every line of a text the split has
        // just read, so in cache. 256 KiB of lines of 20-300 characters, hashed 64 times a round.
        var random = new Random(1);
        var lines = new List<string>();
        for (long chars = 0; chars < 128 * 1024;)
        {
            var line = new string(Enumerable.Range(0, random.Next(20, 301)).Select(_ => (char)random.Next(32, 127)).ToArray());
            lines.Add(line);
            chars += line.Length;
        }

        var lineBytes = lines.Sum(l => 2L * l.Length) * 64;
        Report("TextHash, lines in cache", lineBytes, 5, () =>
        {
            ulong acc = 0;
            for (var k = 0; k < 64; k++)
            {
                foreach (var line in lines)
                {
                    acc += Filters.TextHash.Of(line);
                }
            }

            return acc;
        });
    }

    private static ulong Keys(byte[] data, int size, Func<ReadOnlySpan<byte>, ulong> hash)
    {
        ulong acc = 0;
        for (int i = 0; i + size <= data.Length; i += size)
        {
            acc ^= hash(data.AsSpan(i, size));
        }

        return acc;
    }

    private static void Report(string name, long bytes, int rounds, Func<ulong> work)
    {
        double best = double.MaxValue;
        ulong sink = 0;
        for (int r = 0; r < rounds; r++)
        {
            var watch = Stopwatch.StartNew();
            sink ^= work();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        Console.WriteLine($"  {name,-30} {bytes / 1e9 / best,6:F2} GB/s  (checksum {sink:x16})");
    }
}
