using CsCheck;
using Winnow.Tests.Support;

namespace Winnow.Tests.Formats;

/// <summary>
/// Property tests: Parquet files mutated at random (bytes changed, more often in the footer; a
/// middle cut out, the footer's tail kept) must end in rows or one-line rejections, never a crash
/// or a hang. Mutating files this way found footers whose damaged counts sent the library reading
/// past the footer's end for minutes, or asking for memory it could not have. Fixed seed; each read
/// runs under a watchdog.
/// </summary>
public sealed class ParquetFuzzTests
{
    private const string Seed = "4pQ2kZ7xVb0w";

    private static readonly Lazy<byte[][]> Files = new(WriteSeeds);

    [Fact]
    public void MutatedParquetFilesEndInRowsOrRejectionsThatSayWhy()
    {
        var edit = Gen.Select(Gen.Double[0, 1], Gen.Byte);
        var files = Files.Value;
        Gen.Select(Gen.Int[0, files.Length - 1], Gen.Bool, edit.Array[1, 8], Gen.Double[0, 1]).Sample((which, cut, edits, at) =>
        {
            var original = files[which];
            var bytes = cut
                ? [.. original.AsSpan(0, (int)(at * (original.Length - 8))), .. original.AsSpan(original.Length - 8)]
                : Mutate(original, edits);
            using var dir = new TempDir();
            var path = dir.Write("case.parquet", bytes);
            var records = Watchdog.Run(() => ReaderRecords.Read(path), TimeSpan.FromSeconds(20), () => $"seed file {which}, {(cut ? $"cut at {at}" : $"{edits.Length} edits")}");
            ReaderRecords.AssertRowsOrOneLineRejections("case.parquet", records);
        }, seed: Seed, iter: 600, threads: 1);
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
    private static byte[][] WriteSeeds()
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
}
