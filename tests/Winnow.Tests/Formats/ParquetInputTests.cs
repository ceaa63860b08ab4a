using System.Text;
using System.Text.Json.Nodes;
using Winnow.Documents;
using Winnow.Readers;
using Winnow.Tests.Cli;
using Winnow.Tests.Robustness;
using Winnow.Tests.Support;
using Winnow.Tests.Warc;
using static Winnow.Tests.Support.RunOutputReader;

namespace Winnow.Tests.Formats;

/// <summary>Parquet input, as Hugging Face datasets ship it, read from files that DuckDB wrote.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class ParquetInputTests
{
    /// <summary>A FineWeb-like file: the columns of FineWeb's documents, n rows.</summary>
    internal static void WriteFineWebLike(string path, int rows, int rowGroupRows = 122_880, string compression = "zstd")
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        DuckDb.Execute($"""
            COPY (
              SELECT 'Document number ' || i || ': ' || repeat('the quick brown fox ' || (i * 7919 % 10007) || ' ', 3 + i % 5) AS text,
                     '<urn:uuid:' || i || '>' AS id,
                     'CC-MAIN-2024-10' AS dump,
                     'https://site' || (i % 7) || '.example/' || i AS url,
                     TIMESTAMP '2024-02-20 10:00:00' + INTERVAL (i) SECOND AS date,
                     'en' AS language,
                     0.5 + (i % 50) / 100.0 AS language_score,
                     (100 + i)::BIGINT AS token_count
              FROM range({rows}) t(i) ORDER BY i)
            TO {DuckDb.Quote(path)} (FORMAT parquet, ROW_GROUP_SIZE {rowGroupRows}, COMPRESSION {compression})
            """);
    }

    [Fact]
    public void AFineWebLikeFileGivesOneDocumentPerRowWithItsColumnsAsTypedMetadata()
    {
        using var dir = new TempDir();
        WriteFineWebLike(dir["in/data/train-00000-of-00001.parquet"], 300);
        var stats = Runs.Exact(dir["in"], dir["out"]);
        var documents = Records(dir["out"], "documents");
        Assert.Equal(300, documents.Count);
        var first = documents[0];
        Assert.Equal("<urn:uuid:0>", first["id"]!.GetValue<string>());
        Assert.StartsWith("Document number 0: the quick brown fox", first["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("https://site0.example/0", first["url"]!.GetValue<string>());
        Assert.Equal("data/train-00000-of-00001.parquet", first["source"]!["file"]!.GetValue<string>());
        Assert.Equal(1, Long(first["source"]!["line"]));
        var metadata = first["metadata"]!.AsObject();
        Assert.Equal(["dump", "date", "language", "language_score", "token_count"], metadata.Select(m => m.Key));
        Assert.Equal("CC-MAIN-2024-10", metadata["dump"]!.GetValue<string>());
        Assert.Equal("2024-02-20T10:00:00", metadata["date"]!.GetValue<string>());
        Assert.Equal(0.5, metadata["language_score"]!.GetValue<double>());
        Assert.Equal(100, metadata["token_count"]!.GetValue<long>());
        Assert.Equal(System.Text.Json.JsonValueKind.Number, metadata["token_count"]!.GetValueKind());
        Runs.AssertBalanced(stats);
    }

    [Theory]
    [InlineData("uncompressed", "V1")]
    [InlineData("snappy", "V1")]
    [InlineData("gzip", "V1")]
    [InlineData("zstd", "V1")]
    [InlineData("brotli", "V1")]
    [InlineData("lz4_raw", "V1")]
    [InlineData("zstd", "V2")]
    [InlineData("snappy", "V2")]
    public void EveryCodecAndPageVersionReadsTheSameDocuments(string compression, string version)
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir["in"]);
        DuckDb.Execute($"""
            COPY (
              SELECT 'Document number ' || i || ': ' || repeat('the quick brown fox ' || (i * 7919 % 10007) || ' ', 3 + i % 5) AS text,
                     'id-' || i AS id, 'CC-MAIN-2024-10' AS dump, (i % 3)::INTEGER AS small, i * 1.5 AS score,
                     CASE WHEN i % 4 = 0 THEN NULL ELSE 'https://site' || (i % 7) || '.example/' || i END AS url
              FROM range(5000) t(i) ORDER BY i)
            TO {DuckDb.Quote(dir["in/a.parquet"])} (FORMAT parquet, ROW_GROUP_SIZE 2048, COMPRESSION {compression}, PARQUET_VERSION {version})
            """);
        var stats = Runs.Exact(dir["in"], dir["out"]);
        Runs.AssertBalanced(stats);
        var documents = Records(dir["out"], "documents");
        Assert.Equal(5000, documents.Count);
        Assert.Equal(0, stats.Rejected.Documents);
        var last = documents[4999];
        Assert.Equal("id-4999", last["id"]!.GetValue<string>());
        Assert.StartsWith("Document number 4999: the quick brown fox", last["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(4999 * 1.5, last["metadata"]!["score"]!.GetValue<double>());
        Assert.Equal(1, Long(last["metadata"]!["small"]));
        Assert.Null(documents[4996]["url"]);
    }

    [Fact]
    public void TextIdAndUrlColumnsAreNamedByTheFieldOptions()
    {
        using var dir = new TempDir();
        DuckDb.Execute($"COPY (SELECT 'k' || i AS key, 'body ' || i AS content, 'http://x.example/' || i AS link FROM range(3) t(i)) TO {DuckDb.Quote(dir["a.parquet"])} (FORMAT parquet)");
        Runs.Exact(dir["a.parquet"], dir["out"], configure: o => o with { Reader = new ReaderOptions { TextField = "content", IdField = "key", UrlField = "link" } });
        var document = Records(dir["out"], "documents")[2];
        Assert.Equal(("k2", "body 2", "http://x.example/2"), (document["id"]!.GetValue<string>(), document["text"]!.GetValue<string>(), document["url"]!.GetValue<string>()));
        Assert.Null(document["metadata"]);
    }

    [Fact]
    public void NestedListsStructsMapsDatesAndNullsKeepTheirShape()
    {
        using var dir = new TempDir();
        DuckDb.Execute($$"""
            COPY (SELECT 'text ' || i AS text, [i, i + 1] AS list, {'a': i, 'b': 'x'} AS struct, MAP {'k': i} AS map,
                         DATE '2024-01-31' AS day, CASE WHEN i = 1 THEN NULL ELSE 'v' END AS maybe, i % 2 = 0 AS even,
                         [{'name': 'n', 'score': 1.5}] AS list_of_structs, 'bytes'::BLOB AS raw
                  FROM range(2) t(i))
            TO {{DuckDb.Quote(dir["a.parquet"])}} (FORMAT parquet)
            """);
        Runs.Exact(dir["a.parquet"], dir["out"]);
        var documents = Records(dir["out"], "documents");
        var metadata = documents[1]["metadata"]!;
        Assert.Equal("[1,2]", Json(metadata["list"]!));
        Assert.Equal("{\"a\":1,\"b\":\"x\"}", Json(metadata["struct"]!));
        Assert.Equal("{\"k\":1}", Json(metadata["map"]!));
        Assert.Equal("2024-01-31", metadata["day"]!.GetValue<string>());
        Assert.Null(metadata["maybe"]);
        Assert.True(metadata.AsObject().ContainsKey("maybe"));
        Assert.False(metadata["even"]!.GetValue<bool>());
        Assert.Equal("[{\"name\":\"n\",\"score\":1.5}]", Json(metadata["list_of_structs"]!));
        Assert.Equal(Convert.ToBase64String("bytes"u8), metadata["raw"]!.GetValue<string>());
    }

    [Fact]
    public void RowGroupsAreReadInOrderAndTheIdsOfRowsWithoutOneAreFileColonRow()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir["in"]);
        DuckDb.Execute($"COPY (SELECT 'text ' || i AS text FROM range(5000) t(i) ORDER BY i) TO {DuckDb.Quote(dir["in/a.parquet"])} (FORMAT parquet, ROW_GROUP_SIZE 2048)");
        var stats = Runs.Exact(dir["in"], dir["out"]);
        var documents = Records(dir["out"], "documents");
        Assert.Equal(Enumerable.Range(0, 5000).Select(i => "text " + i), documents.Select(d => d["text"]!.GetValue<string>()));
        Assert.Equal("a.parquet:4321", documents[4320]["id"]!.GetValue<string>());
        Runs.AssertBalanced(stats);
    }

    [Fact]
    public void ADamagedRowGroupIsRejectedByNameAndTheOthersAreRead()
    {
        using var dir = new TempDir();
        DuckDb.Execute($"COPY (SELECT 'text ' || i || ' ' || md5(i::VARCHAR) AS text FROM range(6144) t(i) ORDER BY i) TO {DuckDb.Quote(dir["a.parquet"])} (FORMAT parquet, ROW_GROUP_SIZE 2048, COMPRESSION snappy)");
        var bytes = File.ReadAllBytes(dir["a.parquet"]);

        // Overwrite the middle of the second row group's data (the file's middle third) with noise.
        var random = new Random(5);
        for (var i = bytes.Length * 45 / 100; i < bytes.Length * 55 / 100; i++)
        {
            bytes[i] = (byte)random.Next(256);
        }

        dir.Write("in/a.parquet", bytes);
        var stats = Runs.Exact(dir["in"], dir["out"]);
        var rejected = Records(dir["out"], "rejected");
        Assert.NotEmpty(rejected);
        Assert.All(rejected, r => Assert.Equal(RejectionReasons.CorruptParquet, r["reason"]!.GetValue<string>()));
        Assert.Contains(rejected, r => r["message"]!.GetValue<string>().StartsWith("row group 1 of 3 (rows 2,049-4,096)", StringComparison.Ordinal));
        Assert.Contains(Records(dir["out"], "documents"), d => d["text"]!.GetValue<string>().StartsWith("text 0 ", StringComparison.Ordinal));
        Runs.AssertBalanced(stats);
    }

    [Fact]
    public void AFileThatIsNoParquetIsOneRejection()
    {
        using var dir = new TempDir();
        dir.Write("in/a.parquet", "PAR1 not really"u8.ToArray());
        dir.Write("in/b.parquet", []);
        var cut = dir["whole.parquet"];
        WriteFineWebLike(cut, 50);
        dir.Write("in/c.parquet", File.ReadAllBytes(cut)[..^20]);
        var stats = Runs.Exact(dir["in"], dir["out"]);
        var rejected = Records(dir["out"], "rejected");
        Assert.Equal([RejectionReasons.CorruptParquet, RejectionReasons.EmptyFile, RejectionReasons.CorruptParquet], rejected.Select(r => r["reason"]!.GetValue<string>()));
        Assert.Contains("not a readable Parquet file", rejected[0]["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Runs.AssertBalanced(stats);
    }

    [Theory]
    [InlineData(3, null)]
    [InlineData(63, null)]
    [InlineData(64, "fields nested over 64 deep")]
    public void StructsNestedUpTo64FieldsDeepAreReadAndDeeperRefused(int structs, string? refused)
    {
        // DuckDB writes a struct of a struct of … of a string: the string is field number structs + 1.
        // A document's metadata nests at most 60 deep (RowJson): below that a value is null.
        using var dir = new TempDir();
        var value = "'deep text ' || i";
        for (var i = 0; i < structs; i++)
        {
            value = "{'s': " + value + "}";
        }

        Directory.CreateDirectory(dir["in"]);
        DuckDb.Execute($"COPY (SELECT 'document ' || i AS text, {value} AS nested FROM range(3) t(i)) TO {DuckDb.Quote(dir["in/deep.parquet"])} (FORMAT parquet)");
        var stats = Runs.Exact(dir["in"], dir["out"]);
        if (refused is null)
        {
            var documents = Records(dir["out"], "documents");
            Assert.Equal(3, documents.Count);
            Assert.Equal("document 2", documents[2]["text"]!.GetValue<string>());
            var inner = documents[2]["metadata"]!["nested"];
            var levels = 0;
            while (inner is JsonObject nested)
            {
                inner = nested["s"];
                levels++;
            }

            if (structs < 50)
            {
                Assert.Equal(structs, levels);
                Assert.Equal("deep text 2", inner!.GetValue<string>());
            }
            else
            {
                Assert.InRange(levels, 50, structs);
            }
        }
        else
        {
            var only = Assert.Single(Records(dir["out"], "rejected"));
            Assert.Equal(RejectionReasons.CorruptParquet, only["reason"]!.GetValue<string>());
            Assert.Equal($"not a readable Parquet file: {refused}", only["message"]!.GetValue<string>());
        }

        Runs.AssertBalanced(stats);
    }

    [Theory]
    [InlineData(63, RejectionReasons.EmptyFile)]
    [InlineData(64, RejectionReasons.CorruptParquet)]
    [InlineData(100_000, RejectionReasons.CorruptParquet)]
    public void AFooterNestingGroups100000DeepIsRefusedAtOnce(int groups, string reason)
    {
        // Parquet.Net builds each column's path from its parent's: 100,000 groups deep (an 800 kB
        // footer) ran for minutes and took tens of gigabytes; 30,000 deep took 34 s and 5 GB.
        using var dir = new TempDir();
        dir.Write("in/deep.parquet", ParquetFooterOnly(groups));
        var stats = Runs.Exact(dir["in"], dir["out"]);
        var only = Assert.Single(Records(dir["out"], "rejected"));
        Assert.Equal(reason, only["reason"]!.GetValue<string>());
        if (reason == RejectionReasons.CorruptParquet)
        {
            Assert.Equal("not a readable Parquet file: fields nested over 64 deep", only["message"]!.GetValue<string>());
        }

        Runs.AssertBalanced(stats);
    }

    [Theory]
    [InlineData(12)]
    [InlineData(5)]
    [InlineData(1)]
    public void AFooterStatingAListLongerThanItselfIsOneRejection(int elementType)
    {
        // A footer of 60 bytes whose row-group list says 2,147,483,647 elements (structs, numbers
        // or booleans): the library set aside memory for them and the run ended out of memory,
        // and a damaged count of that kind (mutated files) made it read past the footer for minutes.
        using var dir = new TempDir();
        dir.Write("in/damaged.parquet", ParquetFooterOnly(0, int.MaxValue, elementType));
        dir.Write("in/cut.parquet", [.. ParquetFooterOnly(0)[..^14], .. BitConverter.GetBytes(ParquetFooterOnly(0).Length - 18), .. "PAR1"u8]);
        var stats = Runs.Exact(dir["in"], dir["out"]);
        var rejected = Records(dir["out"], "rejected");
        Assert.Equal(2, rejected.Count);
        Assert.All(rejected, r => Assert.Equal(RejectionReasons.CorruptParquet, r["reason"]!.GetValue<string>()));
        Assert.Contains(rejected, r => r["message"]!.GetValue<string>() == "not a readable Parquet file: the footer is damaged (its encoding ends early, or states more than it holds)" && r["source"]!["file"]!.GetValue<string>() == "damaged.parquet");
        Runs.AssertBalanced(stats);
    }

    /// <summary>
    /// A Parquet file of no rows whose schema nests <paramref name="groups"/> optional groups, the
    /// innermost holding one string column: the footer written by hand in Thrift's compact protocol
    /// (parquet.thrift's FileMetaData: version, schema, num_rows, row_groups).
    /// </summary>
    private static byte[] ParquetFooterOnly(int groups, int rowGroupsClaimed = 0, int claimedType = 12)
    {
        var footer = new List<byte>();
        void Byte(int b) => footer.Add((byte)b);
        void Varint(ulong v)
        {
            for (; v >= 0x80; v >>= 7)
            {
                Byte((int)(v & 0x7F) | 0x80);
            }

            Byte((int)v);
        }

        void I32(int delta, int v)
        {
            Byte((delta << 4) | 5);
            Varint((ulong)((v << 1) ^ (v >> 31)));
        }

        void Element(string name, int? children, int? type)
        {
            var last = 0;
            if (type is { } t)
            {
                I32(1, t); // type: BYTE_ARRAY
                last = 1;
            }

            I32(3 - last, 1); // repetition_type: OPTIONAL
            Byte(((4 - 3) << 4) | 8); // name
            Varint((ulong)name.Length);
            footer.AddRange(Encoding.ASCII.GetBytes(name));
            if (children is { } c)
            {
                I32(5 - 4, c); // num_children
            }

            Byte(0);
        }

        I32(1, 1); // version
        Byte((1 << 4) | 9); // schema: a list of structs
        Byte(0xF0 | 12);
        Varint((ulong)groups + 2);
        Element("schema", 1, null);
        for (var i = 0; i < groups; i++)
        {
            Element("g", 1, null);
        }

        Element("text", null, 6);
        Byte((1 << 4) | 6); // num_rows
        Byte(0);
        Byte((1 << 4) | 9); // row_groups: none, or a count the footer does not hold
        if (rowGroupsClaimed == 0)
        {
            Byte(12);
            Byte(0);
        }
        else
        {
            Byte(0xF0 | claimedType);
            Varint((ulong)rowGroupsClaimed);
            footer.AddRange(new byte[8]);
        }

        var length = BitConverter.GetBytes(footer.Count);
        return [.. "PAR1"u8, .. footer, .. length, .. "PAR1"u8];
    }

    [Fact]
    public void AParquetFileIsReadByTheCliToo()
    {
        using var dir = new TempDir();
        WriteFineWebLike(dir["in/part.parquet"], 40);
        var stats = CliRun.Ok("run", dir["in/part.parquet"], "--out", dir["out"], "--no-report", "--no-filters");
        Assert.Equal(40, Long(stats["documents"]!["kept"]));
    }

    [Fact]
    public async Task FlatFilesAreReadColumnByColumnToTheSameValuesAsParquetNetsRowReader()
    {
        // The column reader is what a natively compiled command can run; its rows must write the
        // same JSON as the row reader's for every plain column type, nulls included.
        using var dir = new TempDir();
        var path = dir["flat.parquet"];
        DuckDb.Execute($$$"""
            COPY (SELECT 'text ' || i AS text,
                         CASE WHEN i % 3 = 0 THEN NULL ELSE 'v' || i END AS maybe_text,
                         (i % 100 - 50)::TINYINT AS i8, (i - 150)::SMALLINT AS i16, i::INTEGER AS i32, (i * 1000000007)::BIGINT AS i64,
                         (i % 200)::UTINYINT AS u8, i::USMALLINT AS u16, i::UINTEGER AS u32, i::UBIGINT AS u64,
                         CASE WHEN i % 4 = 0 THEN NULL ELSE i END AS maybe_int,
                         (i / 3.0)::FLOAT AS f32, i / 7.0 AS f64, (i / 4.0)::DECIMAL(10, 2) AS dec,
                         i % 2 = 0 AS flag, DATE '2024-01-31' + i::INTEGER AS day,
                         TIMESTAMP '2024-02-20 10:00:00' + INTERVAL (i) SECOND AS ts,
                         TIMESTAMPTZ '2024-02-20 10:00:00+00' + INTERVAL (i) MINUTE AS tstz,
                         TIME '10:11:12' AS t, 'bytes'::BLOB AS raw,
                         CASE WHEN i % 5 = 0 THEN NULL ELSE ('00000000-0000-0000-0000-' || lpad(i::VARCHAR, 12, '0'))::UUID END AS uuid,
                         {'file': 'f' || i, 'line': i, 'inner': {'x': i / 2.0, 'y': CASE WHEN i % 2 = 0 THEN NULL ELSE 'y' END}} AS source,
                         CASE WHEN i % 6 = 0 THEN NULL ELSE {'stage': 's', 'n': i} END AS maybe_struct
                  FROM range(300) t(i) ORDER BY i)
            TO {{{DuckDb.Quote(path)}}} (FORMAT parquet, ROW_GROUP_SIZE 128)
            """);
        using var stream = File.OpenRead(path);
        await using var reader = await Parquet.ParquetReader.CreateAsync(stream);
        var fields = reader.Schema.Fields;
        Assert.True(ParquetColumns.CanRead(fields));
        var options = new ReaderOptions();
        var compared = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            var rows = (int)reader.Metadata!.RowGroups[g].NumRows;
            var byColumn = ParquetColumns.ReadRowGroup(reader, g, fields, rows);
            stream.Position = 0;
            var byRow = (await Parquet.Serialization.ParquetSerializer.DeserializeUntypedAsync(stream, null, g)).Data;
            Assert.Equal(byRow.Count, byColumn.Count);
            for (var r = 0; r < rows; r++)
            {
                Assert.Equal(RowJson(fields, byRow[r], options), RowJson(fields, byColumn[r], options));
                compared++;
            }
        }

        Assert.Equal(300, compared);
    }

    [Fact]
    public void NestedColumnsAreReadColumnByColumnToTheValuesDuckDbReads()
    {
        // Lists, maps and structs nested in each other, with a null and an empty value at every
        // level, read by levels as the natively compiled command reads them: each row must hold
        // what DuckDB, which wrote the file, reads back (its to_json; members that are null are
        // left out on both sides, as a document's metadata leaves out a struct's null members).
        // Parquet.Net's row reader is no reference here: it reads an empty list as null and
        // cannot read a map of lists at all.
        using var dir = new TempDir();
        var path = dir["nested.parquet"];
        DuckDb.Execute($$$"""
            COPY (SELECT 'text ' || i AS text,
                         CASE i % 4 WHEN 0 THEN NULL WHEN 1 THEN [] ELSE [i, NULL, i + 1] END AS list,
                         CASE i % 3 WHEN 0 THEN ['a', 'b'] WHEN 1 THEN NULL ELSE [NULL] END AS strings,
                         CASE i % 5 WHEN 0 THEN NULL WHEN 1 THEN [] WHEN 2 THEN [[], NULL] ELSE [[i], [i, i * 2, NULL]] END AS list_of_lists,
                         CASE i % 3 WHEN 0 THEN NULL WHEN 1 THEN [] ELSE [{'name': 'n' || i, 'score': i / 2.0}, NULL, {'name': NULL, 'score': 1.5}] END AS list_of_structs,
                         CASE i % 4 WHEN 0 THEN NULL WHEN 1 THEN MAP {} WHEN 2 THEN MAP {'k': NULL} ELSE MAP {'k': i, 'j': i + 1} END AS map,
                         CASE i % 3 WHEN 0 THEN NULL ELSE MAP {i: ['x', NULL], i + 1: []} END AS map_of_lists,
                         CASE i % 4 WHEN 0 THEN NULL WHEN 1 THEN {'tags': NULL, 'n': i} ELSE {'tags': ['t' || i, 'u'], 'n': NULL} END AS struct_with_list,
                         {'a': {'b': CASE WHEN i % 2 = 0 THEN NULL ELSE [{'c': [i]}] END}} AS deep,
                         [[[['four ' || i]]]] AS four_deep
                  FROM range(120) t(i) ORDER BY i)
            TO {{{DuckDb.Quote(path)}}} (FORMAT parquet, ROW_GROUP_SIZE 50)
            """);
        var expected = DuckDb.Query($"SELECT to_json(t)::VARCHAR FROM read_parquet({DuckDb.Quote(path)}) t")
            .Select(row => WithoutNullMembers(JsonNode.Parse((string)row[0]!))).ToList();
        AssertSameRows(expected, ReaderRecords.Read(path));
        Assert.Contains("\"list\":[]", expected[1]!.ToJsonString(), StringComparison.Ordinal);
    }

    [WarcTestDataFact]
    public void ParquetTestingsFilesEndInRowsOrRejectionsThatSayWhy()
    {
        // Apache Parquet's test files: many writers (parquet-mr, Impala, Spark, arrow-rs, Hadoop),
        // encodings and codecs, and damaged files its readers once crashed on. Each ends in rows
        // or rejections with a one-line message; before, a column type the library does not know
        // (float16, a type code from a later format) ended the whole run.
        var files = WarcTestData.Parquets();
        Assert.True(files.Count > 80, $"{files.Count} files");
        var read = 0;
        foreach (var name in files)
        {
            var records = ReaderRecords.Read(WarcTestData.File(name));
            ReaderRecords.AssertRowsOrOneLineRejections(name, records);
            read += records.Any(r => r.Row is not null) ? 1 : 0;
        }

        Assert.True(read >= 61, $"{read} of {files.Count} files gave rows");
    }

    [WarcTestDataTheory]
    [InlineData("list_columns")]
    [InlineData("nested_lists.snappy")]
    [InlineData("nested_maps.snappy")]
    [InlineData("nonnullable.impala")]
    [InlineData("nullable.impala")]
    [InlineData("null_list")]
    [InlineData("old_list_structure")]
    [InlineData("repeated_primitive_no_list")]
    [InlineData("incorrect_map_schema")]
    public void ParquetTestingsNestedFilesGiveTheRowsDuckDbReads(string name)
    {
        // Lists, maps and structs as Impala, parquet-mr and older writers lay them out (two-level
        // lists, repeated columns without a list annotation, maps with a legacy schema): every row,
        // through the reader the command runs, is what DuckDB reads from the same file.
        var path = WarcTestData.File($"parquet/{name}.parquet");
        var expected = DuckDb.Query($"SELECT to_json(t)::VARCHAR FROM read_parquet({DuckDb.Quote(path)}) t")
            .Select(row => WithoutNullMembers(JsonNode.Parse((string)row[0]!))).ToList();
        AssertSameRows(expected, ReaderRecords.Read(path));
    }

    private static void AssertSameRows(List<JsonNode?> expected, List<(JsonObject? Row, string? Reason, string? Message)> records)
    {
        Assert.Equal(expected.Count, records.Count);
        for (var r = 0; r < records.Count; r++)
        {
            Assert.Null(records[r].Message);
            var actual = WithoutNullMembers(records[r].Row);
            Assert.True(JsonNode.DeepEquals(expected[r], actual), $"row {r}: DuckDB {expected[r]!.ToJsonString()}, Winnow {actual!.ToJsonString()}");
        }
    }

    private static JsonNode? WithoutNullMembers(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var name in o.Where(m => m.Value is null).Select(m => m.Key).ToList())
                {
                    o.Remove(name);
                }

                foreach (var member in o.ToList())
                {
                    WithoutNullMembers(member.Value);
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    WithoutNullMembers(item);
                }

                break;
        }

        return node;
    }

    private static string RowJson(IReadOnlyList<Parquet.Schema.Field> fields, Dictionary<string, object> row, ReaderOptions options)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            Winnow.Readers.RowJson.WriteRow(writer, fields, row, options);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
