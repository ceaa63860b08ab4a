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
        Report("Crc32, 64 MiB", data.Length, 5, () => Crc32.Compute(data));
        Report("XxHash64, 32-byte keys", data.Length, 5, () => Keys(data, 32, static k => XxHash64.Hash(k)));
        Report("MurmurHash3, 32-byte keys", data.Length, 5, () => Keys(data, 32, static k => (ulong)MurmurHash3x64_128.Hash(k)));
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
