using System.Diagnostics;
using System.IO.Compression;
using Winnow.IO;

namespace Winnow.Bench;

/// <summary>Times full decompression of one file with each reader, reporting MB/s of output.</summary>
internal static class GzipThroughput
{
    private const int ReadSize = 128 * 1024;

    public static void Run(string path, int rounds)
    {
        Console.WriteLine($"{path}: {new FileInfo(path).Length / 1e6:F1} MB compressed, best of {rounds}");
        Measure("GzipReadStream (zlib)", rounds, () => new GzipReadStream(OpenFile(path)));
        Measure("GzipReadStream (fallback)", rounds, () => new GzipReadStream(OpenFile(path), leaveOpen: false, useNative: false));
        Measure("GZipStream", rounds, () => new GZipStream(OpenFile(path), CompressionMode.Decompress));
    }

    private static FileStream OpenFile(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);

    private static void Measure(string name, int rounds, Func<Stream> open)
    {
        var buffer = new byte[ReadSize];
        double best = double.MaxValue;
        long total = 0;
        for (int r = 0; r < rounds; r++)
        {
            var watch = Stopwatch.StartNew();
            total = 0;
            using (Stream stream = open())
            {
                int n;
                while ((n = stream.Read(buffer)) > 0)
                {
                    total += n;
                }
            }

            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        Console.WriteLine($"  {name,-26} {total / 1e6 / best,8:F0} MB/s  ({total / 1e6:F1} MB out in {best:F3} s)");
    }
}
