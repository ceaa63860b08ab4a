using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using Winnow.Documents;
using Winnow.Readers;
using Winnow.Tests.Cli;
using Winnow.Tests.Robustness;
using Winnow.Tests.Support;
using Winnow.Tests.Warc;
using static Winnow.Tests.Support.RunOutputReader;

namespace Winnow.Tests.Formats;

/// <summary>
/// Arrow IPC input, as Hugging Face datasets' save_to_disk and cache write it (the stream format in
/// .arrow files) and as the file format ("Feather v2"): files written here with Apache Arrow's own
/// writer, the integration files of Apache Arrow's test suite, and its fuzzers' cases.
/// </summary>
[Collection(nameof(ConsoleCollection))]
public sealed class ArrowInputTests
{
    /// <summary>A table of n rows like a Hugging Face text dataset: id, text, url, a struct of metadata, a list, a date, a dictionary-encoded column.</summary>
    private static Apache.Arrow.RecordBatch Batch(int first, int rows)
    {
        var ids = new StringArray.Builder();
        var texts = new StringArray.Builder();
        var urls = new StringArray.Builder();
        var scores = new DoubleArray.Builder();
        var counts = new Int64Array.Builder();
        var tags = new ListArray.Builder(StringType.Default);
        var tagValues = (StringArray.Builder)tags.ValueBuilder;
        var dates = new TimestampArray.Builder(new TimestampType(TimeUnit.Second, "UTC"));
        for (var i = first; i < first + rows; i++)
        {
            ids.Append($"doc-{i}");
            texts.Append($"Document {i}: the quick brown fox {i * 7919 % 10007} jumps over the lazy dog, «{i}» times.");
            if (i % 5 == 0)
            {
                urls.AppendNull();
            }
            else
            {
                urls.Append($"https://site{i % 3}.example/{i}");
            }

            scores.Append(0.5 + (i % 50 / 100.0));
            counts.Append(100 + i);
            tags.Append();
            tagValues.Append("a");
            tagValues.Append($"t{i % 4}");
            dates.Append(new DateTimeOffset(2024, 2, 20, 10, 0, 0, TimeSpan.Zero).AddSeconds(i));
        }

        var scoreStruct = new StructArray(
            new StructType([new Field("score", DoubleType.Default, true), new Field("tokens", Int64Type.Default, true)]),
            rows, [scores.Build(), counts.Build()], ArrowBuffer.Empty);
        var schema = new Schema.Builder()
            .Field(f => f.Name("id").DataType(StringType.Default))
            .Field(f => f.Name("text").DataType(StringType.Default))
            .Field(f => f.Name("url").DataType(StringType.Default))
            .Field(f => f.Name("quality").DataType(scoreStruct.Data.DataType))
            .Field(f => f.Name("tags").DataType(new ListType(StringType.Default)))
            .Field(f => f.Name("date").DataType(new TimestampType(TimeUnit.Second, "UTC")))
            .Build();
        return new Apache.Arrow.RecordBatch(schema, [ids.Build(), texts.Build(), urls.Build(), scoreStruct, tags.Build(), dates.Build()], rows);
    }

    /// <summary>Writes batches of <paramref name="rows"/> rows in the stream format (Hugging Face's) or the file format.</summary>
    internal static void Write(string path, bool fileFormat, params int[] rows)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = File.Create(path);
        var first = 0;
        var batches = rows.Select(n => { var b = Batch(first, n); first += n; return b; }).ToList();
        using ArrowStreamWriter writer = fileFormat ? new ArrowFileWriter(stream, batches[0].Schema) : new ArrowStreamWriter(stream, batches[0].Schema);
        foreach (var batch in batches)
        {
            writer.WriteRecordBatch(batch);
        }

        writer.WriteEnd();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EachRowIsADocumentWithItsColumnsAsTypedMetadataInEitherFormat(bool fileFormat)
    {
        using var dir = new TempDir();
        Write(dir["in/data-00000-of-00001.arrow"], fileFormat, 700, 1000, 300);
        var stats = Runs.Exact(dir["in"], dir["out"]);
        var documents = Records(dir["out"], "documents");
        Assert.Equal(2000, documents.Count);
        Assert.Equal(Enumerable.Range(0, 2000).Select(i => $"doc-{i}"), documents.Select(d => d["id"]!.GetValue<string>()));
        var d7 = documents[7];
        Assert.StartsWith("Document 7: the quick brown fox", d7["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("https://site1.example/7", d7["url"]!.GetValue<string>());
        Assert.Equal("data-00000-of-00001.arrow", d7["source"]!["file"]!.GetValue<string>());
        Assert.Equal(8, Long(d7["source"]!["line"]));
        var metadata = d7["metadata"]!.AsObject();
        Assert.Equal(0.5 + (7 / 100.0), metadata["quality"]!["score"]!.GetValue<double>());
        Assert.Equal(107, metadata["quality"]!["tokens"]!.GetValue<long>());
        Assert.Equal(["a", "t3"], metadata["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("2024-02-20T10:00:07+00:00", metadata["date"]!.GetValue<string>());
        Assert.Null(documents[5]["url"]);
        Runs.AssertBalanced(stats);
    }

    [Fact]
    public void TheSameRowsAsJsonLinesGiveTheSameDocuments()
    {
        using var dir = new TempDir();
        Write(dir["arrow/part.arrow"], fileFormat: false, 500, 500);
        var rows = ReaderRecords.Read(dir["arrow/part.arrow"]);
        Assert.All(rows, r => Assert.Null(r.Reason));
        dir.Write("jsonl/part.jsonl", string.Join("\n", rows.Select(r => r.Row!.ToJsonString())) + "\n");
        Runs.Exact(dir["arrow"], dir["out-arrow"]);
        Runs.Exact(dir["jsonl"], dir["out-jsonl"]);
        static IEnumerable<string> WithoutSource(List<JsonObject> records) => records.Select(r => { r.Remove("source"); return r.ToJsonString(); });
        Assert.Equal(WithoutSource(Records(dir["out-jsonl"], "documents")), WithoutSource(Records(dir["out-arrow"], "documents")));
    }

    [Fact]
    public void ACutFileKeepsTheRowsOfItsWholeBatchesAndRejectsTheRestWithOneLine()
    {
        using var dir = new TempDir();
        Write(dir["whole.arrow"], fileFormat: false, 100, 100, 100);
        var bytes = File.ReadAllBytes(dir["whole.arrow"]);
        for (var cut = 0; cut < bytes.Length; cut += 997)
        {
            dir.Write("cut.arrow", bytes[..cut]);
            var records = ReaderRecords.Read(dir["cut.arrow"]);
            var rows = records.TakeWhile(r => r.Reason is null).Count();
            Assert.True(rows % 100 == 0, $"cut at {cut}: {rows} rows");
            var rejections = records.Skip(rows).ToList();
            Assert.Single(rejections);
            Assert.Contains(rejections[0].Reason, new[] { RejectionReasons.CorruptArrow, RejectionReasons.EmptyFile });
            Assert.DoesNotContain('\n', rejections[0].Message!);
        }
    }

    [Fact]
    public void AFileThatIsNoArrowIsOneRejection()
    {
        using var dir = new TempDir();
        dir.Write("in/a.arrow", "{\"text\": \"a JSON line, not Arrow\"}\n"u8.ToArray());
        dir.Write("in/b.arrow", []);
        var stats = Runs.Exact(dir["in"], dir["out"]);
        var rejected = Records(dir["out"], "rejected");
        Assert.Equal([RejectionReasons.CorruptArrow, RejectionReasons.EmptyFile], rejected.Select(r => r["reason"]!.GetValue<string>()));
        Assert.StartsWith("not a readable Arrow IPC file", rejected[0]["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Runs.AssertBalanced(stats);
    }

    [Fact]
    public void ADatasetSavedToDiskIsReadWithoutItsDescriptionFiles()
    {
        // Hugging Face datasets' save_to_disk of a DatasetDict: a folder per split holding its
        // .arrow files, dataset_info.json and state.json; dataset_dict.json above them.
        using var dir = new TempDir();
        foreach (var (split, rows) in new[] { ("test", 30), ("train", 70) })
        {
            Write(dir[$"in/{split}/data-00000-of-00001.arrow"], fileFormat: false, rows);
            dir.Write($"in/{split}/dataset_info.json", "{\n  \"citation\": \"\",\n  \"description\": \"\",\n  \"features\": {\"text\": {\"dtype\": \"string\", \"_type\": \"Value\"}}\n}"u8.ToArray());
            dir.Write($"in/{split}/state.json", "{\n  \"_data_files\": [{\"filename\": \"data-00000-of-00001.arrow\"}],\n  \"_split\": null\n}"u8.ToArray());
        }

        dir.Write("in/dataset_dict.json", "{\"splits\": [\"train\", \"test\"]}"u8.ToArray());
        dir.Write("in/notes/state.json", "{\"text\": \"a state.json with no .arrow beside it is a record\"}\n"u8.ToArray());
        var stats = Runs.Exact(dir["in"], dir["out"]);
        Assert.Equal(101, stats.In.Documents);
        Assert.Equal(0, stats.Rejected.Documents);
        Assert.Equal(5, stats.SkippedFiles[SkippedFileReasons.DatasetMetadata].Count);
        Runs.AssertBalanced(stats);
    }

    [Fact]
    public void AShardedRunOfArrowFilesGivesTheBytesOfASingleProcessRun()
    {
        // An Arrow file is one shard, never cut; the plan names its kind and the tasks read it back.
        using var dir = new TempDir();
        Write(dir["in/a.arrow"], fileFormat: false, 300, 300);
        Write(dir["in/b.feather"], fileFormat: true, 200);
        Sharding.ShardedRunTests.Corpus(dir, docs: 300);
        var single = Sharding.ShardedRunTests.EveryStage().Run(Sharding.ShardedRunTests.Options([dir["in"]], dir["single"], 2));
        Runs.AssertBalanced(single);
        var options = Sharding.ShardedRunTests.Options([dir["in"]], dir["sharded"], 2);
        var sharding = new Winnow.Sharding.ShardedRunOptions { Tasks = 3, Workers = 2, InputShardBytes = 64_000 };
        var plan = Winnow.Sharding.ShardedRun.Prepare(Sharding.ShardedRunTests.EveryStage().Stages, options, sharding);
        Assert.Contains(plan.Shards, shard => shard.Any(f => f.Kind == InputKind.Arrow));
        Runs.AssertBalanced(new Winnow.Sharding.LocalExecutor(Sharding.ShardedRunTests.EveryStage(), options, sharding).Run(plan)!);
        var expected = RunOutputReader.AllFiles(dir["single"]);
        var actual = RunOutputReader.AllFiles(dir["sharded"]);
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (name, bytes) in expected)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actual[name]), $"{name} differs");
        }
    }

    [Theory]
    [InlineData(64, null)]
    [InlineData(65, "fields nested over 64 deep")]
    [InlineData(100_000, "fields nested over 64 deep")]
    public void ASchemaNestedTooDeepIsOneRejectionNotACrash(int depth, string? refused)
    {
        // A list of lists of … 100,000 deep is 4 MB of schema; the library reads a field's children
        // recursively, and that deep it overflowed the stack and ended the process.
        using var dir = new TempDir();
        IArrowType type = StringType.Default;
        for (var i = 1; i < depth; i++)
        {
            type = new ListType(new Field("item", type, true));
        }

        var schema = new Schema.Builder().Field(f => f.Name("text").DataType(type)).Build();
        var writing = new Thread(() =>
        {
            using var stream = File.Create(dir["deep.arrow"]);
            using var writer = new ArrowStreamWriter(stream, schema);
            writer.WriteStart();
            writer.WriteEnd();
        }, 512 << 20); // the writer recurses too
        writing.Start();
        writing.Join();

        var records = ReaderRecords.Read(dir["deep.arrow"]);
        var only = Assert.Single(records);
        if (refused is null)
        {
            Assert.Equal(RejectionReasons.EmptyFile, only.Reason); // a schema and no batch: readable, and empty
        }
        else
        {
            Assert.Equal(RejectionReasons.CorruptArrow, only.Reason);
            Assert.Equal($"not a readable Arrow IPC file: {refused}", only.Message);
        }
    }

    [Theory]
    [InlineData(int.MaxValue, 2)]
    [InlineData(10_000_000, 102)]
    public void ABatchSayingMillionsOfRowsItDoesNotHoldEndsInAFewRejections(int said, int rejections)
    {
        // A record batch of 258 rows whose lengths (the batch's and its columns') are changed to
        // say millions: each row past the buffers' end failed on its own, one rejection and one
        // exception a row, for hours (a mutated file of Apache Arrow's integration set found it).
        using var dir = new TempDir();
        Write(dir["whole.arrow"], fileFormat: false, 258);
        var bytes = File.ReadAllBytes(dir["whole.arrow"]);
        var patched = 0;
        for (var at = 8; at + 8 <= bytes.Length; at++)
        {
            if (BitConverter.ToInt64(bytes, at) == 258)
            {
                BitConverter.GetBytes((long)said).CopyTo(bytes, at);
                patched++;
            }
        }

        Assert.True(patched >= 2, $"{patched} lengths patched");
        var records = Watchdog.Run(() => ReaderRecords.Read(dir.Write("damaged.arrow", bytes)), TimeSpan.FromSeconds(30), () => $"a batch saying {said:N0} rows");
        var rejected = records.Where(r => r.Reason is not null).ToList();
        Assert.InRange(rejected.Count, 1, rejections);
        Assert.All(rejected, r => Assert.Equal(RejectionReasons.CorruptArrow, r.Reason));
        Assert.Contains(rejected, r => r.Message!.Contains(said > InputReader.MaxArrowBatchRows ? "over the limit" : "the rest of the batch is skipped", StringComparison.Ordinal));
    }

    [Fact]
    public void AStringOffsetPastItsBufferIsARejectionNotACrash()
    {
        // A string inside a struct whose offset, once damaged, points 2 GB past its buffer: the
        // library's GetString read there through a pointer and the process ended with an access
        // violation (mutated files of Apache Arrow's integration set found it).
        using var dir = new TempDir();
        var texts = new StringArray.Builder();
        var names = new StringArray.Builder();
        foreach (var length in new[] { 1000, 2000, 3000 })
        {
            texts.Append("document " + length);
            names.Append(new string('n', length));
        }

        var meta = new StructArray(new StructType([new Field("name", StringType.Default, true)]), 3, [names.Build()], ArrowBuffer.Empty);
        var schema = new Schema.Builder()
            .Field(f => f.Name("text").DataType(StringType.Default))
            .Field(f => f.Name("meta").DataType(meta.Data.DataType))
            .Build();
        using (var stream = File.Create(dir["whole.arrow"]))
        using (var writer = new ArrowStreamWriter(stream, schema))
        {
            writer.WriteRecordBatch(new Apache.Arrow.RecordBatch(schema, [texts.Build(), meta], 3));
            writer.WriteEnd();
        }

        // The names' offsets, 0 1000 3000 6000: the middle one moved past the buffer.
        var bytes = File.ReadAllBytes(dir["whole.arrow"]);
        byte[] offsets = [.. BitConverter.GetBytes(0), .. BitConverter.GetBytes(1000), .. BitConverter.GetBytes(3000), .. BitConverter.GetBytes(6000)];
        var at = bytes.AsSpan().IndexOf(offsets);
        Assert.True(at > 0);
        BitConverter.GetBytes(0x7FFF0000).CopyTo(bytes, at + 8);
        var records = ReaderRecords.Read(dir.Write("damaged.arrow", bytes));
        Assert.Equal(3, records.Count);
        Assert.Equal(new string('n', 1000), records[0].Row!["meta"]!["name"]!.GetValue<string>());
        Assert.Equal(RejectionReasons.CorruptArrow, records[1].Reason);
        Assert.StartsWith("row 2 cannot be read", records[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnArrowFileIsReadByTheCliToo()
    {
        using var dir = new TempDir();
        Write(dir["in/data.arrow"], fileFormat: false, 40);
        var stats = CliRun.Ok("run", dir["in/data.arrow"], "--out", dir["out"], "--no-report", "--no-filters");
        Assert.Equal(40, Long(stats["documents"]!["kept"]));
    }

    [WarcTestDataTheory]
    [InlineData("arrow/generated_primitive.arrows", "arrow/generated_primitive.json.gz")]
    [InlineData("arrow/generated_primitive.arrow", "arrow/generated_primitive.json.gz")]
    [InlineData("arrow/generated_lz4.arrows", "arrow/generated_lz4.json.gz")]
    [InlineData("arrow/generated_zstd.arrows", "arrow/generated_zstd.json.gz")]
    public void ArrowsIntegrationFilesGiveTheValuesTheirJsonHolds(string file, string gold)
    {
        // The integration suite's JSON gives each column's values and validity per batch.
        using var json = JsonDocument.Parse(new GZipStream(File.OpenRead(WarcTestData.File(gold)), CompressionMode.Decompress));
        var expected = new List<Dictionary<string, JsonElement?>>();
        foreach (var batch in json.RootElement.GetProperty("batches").EnumerateArray())
        {
            var count = batch.GetProperty("count").GetInt32();
            var rows = Enumerable.Range(0, count).Select(_ => new Dictionary<string, JsonElement?>()).ToList();
            foreach (var column in batch.GetProperty("columns").EnumerateArray())
            {
                if (!column.TryGetProperty("DATA", out var data) || column.TryGetProperty("children", out var children) && children.GetArrayLength() > 0)
                {
                    continue;
                }

                var validity = column.GetProperty("VALIDITY").EnumerateArray().Select(v => v.GetInt32()).ToList();
                var values = data.EnumerateArray().ToList();
                for (var i = 0; i < count; i++)
                {
                    rows[i][column.GetProperty("name").GetString()!] = validity[i] == 1 ? values[i] : null;
                }
            }

            expected.AddRange(rows);
        }

        var types = json.RootElement.GetProperty("schema").GetProperty("fields").EnumerateArray()
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("type").GetProperty("name").GetString()!);
        var read = ReaderRecords.Read(WarcTestData.File(file));
        Assert.All(read, r => Assert.Null(r.Reason));
        Assert.Equal(expected.Count, read.Count);
        var compared = 0;
        for (var i = 0; i < expected.Count; i++)
        {
            foreach (var (name, value) in expected[i])
            {
                var ours = read[i].Row![name];
                if (value is not { } v)
                {
                    Assert.Null(ours);
                    continue;
                }

                switch (types[name])
                {
                    case "utf8":
                    case "bool":
                        Assert.Equal(v.ToString(), ours!.ToString(), StringComparer.OrdinalIgnoreCase);
                        compared++;
                        break;
                    case "int":
                        // 64-bit values are strings in the suite's JSON.
                        Assert.Equal(v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText(), ours!.ToJsonString());
                        compared++;
                        break;
                    case "binary":
                        Assert.Equal(Convert.ToBase64String(Convert.FromHexString(v.GetString()!)), ours!.GetValue<string>());
                        compared++;
                        break;
                }
            }
        }

        Assert.True(compared > 100, $"{compared} values compared");
    }

    [WarcTestDataFact]
    public void ArrowsFuzzCasesEndInRowsOrRejectionsThatSayWhy()
    {
        // Apache Arrow's fuzzers found these files crash or hang its readers: here every one ends,
        // and every record read is a row or a rejection with a one-line message.
        var cases = WarcTestData.Manifest().Where(n => n.StartsWith("arrow/fuzz/", StringComparison.Ordinal)).ToList();
        Assert.True(cases.Count > 100, $"{cases.Count} cases");
        var rejected = 0;
        foreach (var name in cases)
        {
            var records = ReaderRecords.Read(WarcTestData.File(name));
            ReaderRecords.AssertRowsOrOneLineRejections(name, records);
            rejected += records.Count(r => r.Reason is not null);
        }

        Assert.True(rejected >= cases.Count / 2, $"{rejected} rejections in {cases.Count} damaged files");
    }
}
