using System.Text.Json.Nodes;
using Winnow.Synth;
using Winnow.Tests.Cli;
using Winnow.Tests.Robustness;
using Winnow.Tests.Support;
using static Winnow.Tests.Support.RunOutputReader;

namespace Winnow.Tests.Formats;

/// <summary>--output-format parquet and --compress: files another engine (DuckDB) reads back field for field.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class ParquetOutputTests
{
    /// <summary>
    /// A Parquet file written by DuckDB from a synthetic news corpus (copies, near copies and
    /// boilerplate among its rows, so that removed/ is not empty), with typed columns added.
    /// </summary>
    private static string DuckDbInput(TempDir dir, int rows = 400)
    {
        Directory.CreateDirectory(dir["in"]);
        SyntheticCorpus.Generate(new SynthOptions { Docs = rows, Seed = 5 }, dir["synth.jsonl"]);
        DuckDb.Execute($"""
            COPY (
              SELECT *, 'CC-MAIN-2024-10' AS dump, (length(text) % 7) / 8.0 AS language_score, length(text)::BIGINT AS token_count, [length(id), 2] AS pair
              FROM read_json({DuckDb.Quote(dir["synth.jsonl"])}, format = 'newline_delimited'))
            TO {DuckDb.Quote(dir["in/train-00000.parquet"])} (FORMAT parquet, ROW_GROUP_SIZE 100, COMPRESSION zstd)
            """);
        return dir["in"];
    }

    private static string Parquet(string run, string folder) => DuckDb.Quote(Path.Combine(run, folder, "*.parquet"));

    [Fact]
    public void AParquetFileDuckDbWroteGoesThroughARunAndDuckDbReadsOursBackFieldForField()
    {
        using var dir = new TempDir();
        var input = DuckDbInput(dir);
        CliRun.Ok("run", input, "--out", dir["jsonl"], "--no-report", "-t", "2");
        var stats = CliRun.Ok("run", input, "--out", dir["parquet"], "--no-report", "-t", "2", "--output-format", "parquet");
        Assert.True(Long(stats["documents"]!["removed"]) > 50);
        Assert.True(Long(stats["documents"]!["kept"]) > 200);

        var kept = Records(dir["jsonl"], "documents");
        var rows = DuckDb.Query($"SELECT id, text, url, source.file, source.line, source.offset, content_type, metadata, attributes FROM read_parquet({Parquet(dir["parquet"], "documents")}) ORDER BY filename, file_row_number");
        Assert.Equal(kept.Count, rows.Count);
        for (var i = 0; i < kept.Count; i++)
        {
            var (want, row) = (kept[i], rows[i]);
            Assert.Equal(want["id"]!.GetValue<string>(), row[0]);
            Assert.Equal(want["text"]!.GetValue<string>(), row[1]);
            Assert.Equal(want["url"]?.GetValue<string>(), row[2]);
            Assert.Equal(want["source"]!["file"]!.GetValue<string>(), row[3]);
            Assert.Equal(Long(want["source"]!["line"]), Convert.ToInt64(row[4]));
            Assert.Null(row[5]);
            Assert.Equal(want["content_type"]?.GetValue<string>(), row[6]);
            Assert.True(JsonNode.DeepEquals(want["metadata"], row[7] is string m ? JsonNode.Parse(m) : null), $"metadata of {row[0]}");
            Assert.True(JsonNode.DeepEquals(want["attributes"], row[8] is string a ? JsonNode.Parse(a) : null), $"attributes of {row[0]}");
        }

        Assert.Equal(["dump", "language_score", "token_count", "pair"], kept[0]["metadata"]!.AsObject().Select(p => p.Key).TakeLast(4));
        Assert.Contains(kept, r => r["attributes"] is JsonObject);
        var removed = Records(dir["jsonl"], "removed");
        var removedRows = DuckDb.Query($"SELECT id, text, removed.stage, removed.reason, removed.kept_id, removed.detail FROM read_parquet({Parquet(dir["parquet"], "removed")}) ORDER BY filename, file_row_number");
        Assert.Equal(removed.Count, removedRows.Count);
        for (var i = 0; i < removed.Count; i++)
        {
            var (want, row) = (removed[i], removedRows[i]);
            Assert.Equal(want["id"]!.GetValue<string>(), row[0]);
            Assert.Equal(want["text"]!.GetValue<string>(), row[1]);
            Assert.Equal(want["removed"]!["stage"]!.GetValue<string>(), row[2]);
            Assert.Equal(want["removed"]!["reason"]!.GetValue<string>(), row[3]);
            Assert.Equal(want["removed"]!["kept_id"]?.GetValue<string>(), row[4]);
            Assert.Equal(want["removed"]!["detail"]?.GetValue<string>(), row[5]);
        }

        Assert.Contains(removedRows, r => (string?)r[3] == "exact_duplicate" && r[4] is string);

        // Our reading back of our own Parquet gives the JSONL run's records.
        Assert.Equal(kept.Select(r => r.ToJsonString()), Records(dir["parquet"], "documents").Select(r => r.ToJsonString()));
    }

    [Theory]
    [InlineData("zstd", "ZSTD")]
    [InlineData("snappy", "SNAPPY")]
    public void RowGroupsAreCutByBytesAndCompressedAsAsked(string compress, string codec)
    {
        using var dir = new TempDir();
        var input = DuckDbInput(dir);
        CliRun.Ok("run", input, "--out", dir["out"], "--no-report", "--no-filters", "--output-format", "parquet", "--compress", compress, "--row-group-bytes", "20000");
        var groups = DuckDb.Query($"SELECT row_group_id, ANY_VALUE(row_group_num_rows), ANY_VALUE(row_group_bytes), MIN(compression), MAX(compression) FROM parquet_metadata({Parquet(dir["out"], "documents")}) GROUP BY row_group_id ORDER BY row_group_id");
        Assert.True(groups.Count >= 5, $"{groups.Count} row groups");
        Assert.All(groups, g => Assert.Equal(codec, g[3]));
        Assert.All(groups, g => Assert.Equal(codec, g[4]));

        // A row group ends at the row that brings the bytes of its records (as our JSONL writes them) to 20,000.
        CliRun.Ok("run", input, "--out", dir["jsonl"], "--no-report", "--no-filters");
        var expected = new List<long> { 0 };
        var bytes = 0L;
        foreach (var line in File.ReadLines(dir["jsonl/documents/part-00000.jsonl"]))
        {
            expected[^1]++;
            bytes += System.Text.Encoding.UTF8.GetByteCount(line) + 1;
            if (bytes >= 20000)
            {
                expected.Add(0);
                bytes = 0;
            }
        }

        expected.RemoveAll(n => n == 0);
        Assert.Equal(expected, groups.Select(g => Convert.ToInt64(g[1])));
    }

    [Fact]
    public void CompressZstdWritesJsonlZstFilesThatDecompressToThePlainRunsBytes()
    {
        using var dir = new TempDir();
        var input = DuckDbInput(dir);
        CliRun.Ok("run", input, "--out", dir["plain"], "--no-report", "--part-docs", "150");
        CliRun.Ok("run", input, "--out", dir["zst"], "--no-report", "--part-docs", "150", "--compress", "zstd");
        foreach (var folder in new[] { "documents", "removed" })
        {
            var plain = Directory.GetFiles(dir[$"plain/{folder}"]).Order(StringComparer.Ordinal).ToList();
            var zst = Directory.GetFiles(dir[$"zst/{folder}"]).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(plain.Select(p => Path.GetFileName(p) + ".zst"), zst.Select(Path.GetFileName));
            for (var i = 0; i < plain.Count; i++)
            {
                using var decoder = new ZstdSharp.DecompressionStream(File.OpenRead(zst[i]));
                using var bytes = new MemoryStream();
                decoder.CopyTo(bytes);
                Assert.Equal(File.ReadAllBytes(plain[i]), bytes.ToArray());
                Assert.True(new FileInfo(zst[i]).Length < new FileInfo(plain[i]).Length / 2);
            }
        }

        // Our readers take the .zst output as input again, record for record.
        CliRun.Ok("run", dir["zst/documents"], "--out", dir["again"], "--no-report", "--no-filters", "--no-exact", "--no-near-dedup");
        Assert.Equal(Records(dir["plain"], "documents").Select(r => r["id"]!.GetValue<string>()), Records(dir["again"], "documents").Select(r => r["id"]!.GetValue<string>()));
    }

    [Fact]
    public void SnappyIsForParquetOnly()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["a.jsonl"], "{\"text\": \"a\"}\n");
        CliRun.Fails(1, "--compress snappy", "run", dir["a.jsonl"], "--out", dir["out"], "--compress", "snappy");
    }
}
