using CsCheck;
using Winnow.Tests.Support;

namespace Winnow.Tests.Formats;

/// <summary>
/// Property tests: Parquet and Arrow files mutated at random (bytes changed, half of them in the
/// last fifth, where a Parquet footer is; or a middle cut out, the last 8 bytes kept) must end in
/// rows or one-line rejections, never a crash or a hang. Mutating files this way found Parquet
/// footers whose damaged counts sent the library reading past the footer's end for minutes or
/// asking for memory it could not have, Arrow string offsets the library followed outside its
/// buffers (an access violation ends the process), and Arrow batches saying millions of rows.
/// Fixed seeds; each read runs under a watchdog.
/// </summary>
public sealed class TableFuzzTests
{
    private static readonly Lazy<byte[][]> ParquetFiles = new(WriteParquetSeeds);
    private static readonly Lazy<byte[][]> ArrowFiles = new(WriteArrowSeeds);

    [Fact]
    public void MutatedParquetFilesEndInRowsOrRejectionsThatSayWhy() => Fuzz(ParquetFiles.Value, "case.parquet", "4pQ2kZ7xVb0w");

    [Fact]
    public void MutatedArrowFilesEndInRowsOrRejectionsThatSayWhy() => Fuzz(ArrowFiles.Value, "case.arrows", "Rk8vT1qYw3Hn");

    private static void Fuzz(byte[][] files, string name, string seed)
    {
        var edit = Gen.Select(Gen.Double[0, 1], Gen.Byte);
        Gen.Select(Gen.Int[0, files.Length - 1], Gen.Bool, edit.Array[1, 8], Gen.Double[0, 1]).SampleFixed((which, cut, edits, at) =>
        {
            var original = files[which];
            var bytes = cut
                ? [.. original.AsSpan(0, (int)(at * (original.Length - 8))), .. original.AsSpan(original.Length - 8)]
                : Mutate(original, edits);
            using var dir = new TempDir();
            var path = dir.Write(name, bytes);
            var records = Watchdog.Run(() => ReaderRecords.Read(path), TimeSpan.FromSeconds(20), () => $"seed file {which}, {(cut ? $"cut at {at}" : $"{edits.Length} edits")}");
            ReaderRecords.AssertRowsOrOneLineRejections(name, records);
        }, seed: seed, iter: 600);
    }

    // Each edit puts a byte at a position; half the edits fall in the last fifth, where the footer is.
    private static byte[] Mutate(byte[] original, (double Where, byte Value)[] edits)
    {
        var bytes = (byte[])original.Clone();
        for (var i = 0; i < edits.Length; i++)
        {
            var (where, value) = edits[i];
            var from = i % 2 == 0 ? 0 : bytes.Length * 4 / 5;
            bytes[from + (int)(where * (bytes.Length - from - 1))] = value;
        }

        return bytes;
    }

    // A flat file as FineWeb's and a file of nested columns, both written by DuckDB; and, where the
    // public test files are fetched, three of parquet-testing's (Impala's nested columns, a file of
    // every plain type, delta-encoded strings), whose mutations found the damaged footers.
    private static byte[][] WriteParquetSeeds()
    {
        string[] parquetTesting = ["parquet/nullable.impala.parquet", "parquet/alltypes_plain.parquet", "parquet/delta_byte_array.parquet"];
        var more = Warc.WarcTestData.Folder is null ? [] : parquetTesting.Select(name => File.ReadAllBytes(Warc.WarcTestData.File(name)));
        using var dir = new TempDir();
        ParquetInputTests.WriteFineWebLike(dir["flat.parquet"], 40, rowGroupRows: 16);
        DuckDb.Execute($$"""
            COPY (SELECT 'text ' || i AS text, CASE i % 3 WHEN 0 THEN NULL WHEN 1 THEN [] ELSE [i, NULL] END AS list,
                         MAP {'k': i} AS map, {'a': [{'b': 'x' || i}]} AS nested
                  FROM range(30) t(i))
            TO {{DuckDb.Quote(dir["nested.parquet"])}} (FORMAT parquet, ROW_GROUP_SIZE 10)
            """);
        return [File.ReadAllBytes(dir["flat.parquet"]), File.ReadAllBytes(dir["nested.parquet"]), .. more];
    }

    // A file written by Apache Arrow's own writer, and, where the public test files are fetched,
    // Apache Arrow's integration files (nested, dictionary, compressed).
    private static byte[][] WriteArrowSeeds()
    {
        using var dir = new TempDir();
        ArrowInputTests.Write(dir["written.arrows"], fileFormat: false, 30, 20);
        string[] integration = ["arrow/generated_nested.arrows", "arrow/generated_dictionary.arrows", "arrow/generated_zstd.arrows", "arrow/generated_primitive.arrows"];
        var more = Warc.WarcTestData.Folder is null ? [] : integration.Select(n => File.ReadAllBytes(Warc.WarcTestData.File(n)));
        return [File.ReadAllBytes(dir["written.arrows"]), .. more];
    }
}
