using System.Diagnostics;
using DuckDB.NET.Data;
using Winnow.IO;
using Winnow.Readers;

namespace Winnow.Bench;

/// <summary>
/// The readers of the formats the field ships, on one core, beside the tools people use on them,
/// in the same run: zstd decompression (ours vs the zstd tool), our JSONL reader on .jsonl and
/// .jsonl.zst, and our Parquet reader vs DuckDB's scan of the same file (one thread). Makes the
/// .zst with the zstd tool (level 3) and the Parquet file with DuckDB (zstd pages, its default row
/// groups) from a JSONL corpus. Rates are MB/s of the corpus's JSONL bytes; best of the rounds.
/// </summary>
internal static class ReaderSpeed
{
    public static void Run(string jsonl, int rounds)
    {
        var zst = jsonl + ".zst";
        var parquet = Path.ChangeExtension(jsonl, ".parquet");
        if (!File.Exists(zst))
        {
            Process.Start("zstd", ["-q", "-3", "-f", jsonl, "-o", zst])!.WaitForExit();
        }

        if (!File.Exists(parquet))
        {
            Duck($"COPY (SELECT * FROM read_json('{jsonl}', format = 'newline_delimited')) TO '{parquet}' (FORMAT parquet, COMPRESSION zstd)");
        }

        var mb = new FileInfo(jsonl).Length / 1e6;
        Console.WriteLine($"{jsonl}: {mb:F1} MB JSONL, {new FileInfo(zst).Length / 1e6:F1} MB .zst, {new FileInfo(parquet).Length / 1e6:F1} MB Parquet; one core, best of {rounds}");
        Measure("zstd -d (the tool, to /dev/null)", mb, rounds, () => Process.Start("sh", ["-c", $"taskset -c 0 zstd -d -q -c '{zst}' > /dev/null"])!.WaitForExit());
        Measure("our zstd decoder (CompressedInput)", mb, rounds, () =>
        {
            using var stream = CompressedInput.Open(zst);
            var buffer = new byte[1 << 17];
            while (stream.Read(buffer) > 0)
            {
            }
        });
        Measure("our JSONL reader, .jsonl", mb, rounds, () => Read(jsonl));
        Measure("our JSONL reader, .jsonl.zst", mb, rounds, () => Read(zst));
        Measure("our Parquet reader", mb, rounds, () => Read(parquet));
        Measure("DuckDB scan (threads=1, every column)", mb, rounds, () => Duck($"SET threads = 1; SELECT count(*), sum(strlen(text)), count(DISTINCT id) FROM read_parquet('{parquet}')"));
        Measure("DuckDB scan (threads=1, text only)", mb, rounds, () => Duck($"SET threads = 1; SELECT sum(strlen(text)) FROM read_parquet('{parquet}')"));
    }

    /// <summary>Reads every record of a file as `winnow run` does (batches of raw records, Parquet rows as JSON).</summary>
    private static void Read(string path)
    {
        var files = InputSet.Expand([path]).Files;
        var reader = new InputReader(files, new ReaderOptions());
        long records = 0;
        foreach (var batch in reader.ReadBatches(CancellationToken.None))
        {
            using (batch)
            {
                records += batch.Records.Count;
            }
        }

        if (records == 0)
        {
            throw new InvalidOperationException($"{path}: no records read");
        }
    }

    private static void Duck(string sql)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
        }
    }

    private static void Measure(string name, double mb, int rounds, Action run)
    {
        var best = double.MaxValue;
        for (var r = 0; r < rounds; r++)
        {
            var watch = Stopwatch.StartNew();
            run();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        Console.WriteLine($"  {name,-40} {mb / best,8:F0} MB/s  ({best:F3} s)");
    }
}
