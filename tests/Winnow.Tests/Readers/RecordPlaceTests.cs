using System.IO.Compression;
using System.Text;
using Winnow.Readers;
using Winnow.Tests.Support;

namespace Winnow.Tests.Readers;

/// <summary>
/// A record's place in its file (<see cref="RawRecord.FileOffset"/>): exact verification of a run
/// without documents reads texts again there, so it must point at the record's own bytes, and be
/// unknown wherever the bytes read are not the file's.
/// </summary>
public sealed class RecordPlaceTests
{
    private static List<(RawRecord Record, byte[] Bytes)> Read(string path, ReaderOptions? options = null)
    {
        var reader = new InputReader(InputSet.Expand([path]).Files, options ?? new ReaderOptions());
        var records = new List<(RawRecord, byte[])>();
        foreach (var batch in reader.ReadBatches(CancellationToken.None))
        {
            using (batch)
            {
                records.AddRange(batch.Records.Select(r => (r, batch.Bytes(r).ToArray())));
            }
        }

        return records;
    }

    [Fact]
    public void EachRecordsOffsetPointsAtItsBytesInTheFile()
    {
        using var dir = new TempDir();

        // A byte-order mark, CRLF and LF endings, blank lines, a record longer than the reader's
        // first buffer (1 MiB: kept and grown), one over the size limit (skipped while read), and a
        // last line without a line break.
        var longText = new string('w', 1_500_000);
        var tooLong = new string('x', 3_000_000);
        var lines = new StringBuilder();
        lines.Append("{\"id\":\"a\",\"text\":\"caf\\u00e9 \u00e9t\u00e9\"}\r\n");
        lines.Append("\n   \n");
        lines.Append("{\"id\":\"b\",\"text\":\"" + longText + "\"}\n");
        lines.Append("{\"id\":\"c\",\"text\":\"" + tooLong + "\"}\n");
        lines.Append("{\"id\":\"d\",\"text\":\"after the skipped one\"}\r\n");
        lines.Append("{\"id\":\"e\",\"text\":\"no line break\"}");
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(lines.ToString())).ToArray();
        var path = dir.Write("a.jsonl", bytes);

        var records = Read(path, new ReaderOptions { MaxDocumentBytes = 2_000_000 });
        var read = records.Where(r => r.Record.Rejection is null).ToList();
        Assert.Equal(4, read.Count);
        Assert.Single(records, r => r.Record.Rejection is not null); // the record over the limit
        foreach (var (record, recordBytes) in read)
        {
            Assert.True(record.FileOffset > 0);
            Assert.Equal(recordBytes, bytes.AsSpan((int)record.FileOffset, recordBytes.Length).ToArray());
        }

        Assert.Equal(3, read[0].Record.FileOffset); // past the byte-order mark
    }

    [Fact]
    public void NoPlaceWhenTheBytesReadAreNotTheFiles()
    {
        using var dir = new TempDir();
        var jsonl = "{\"id\":\"a\",\"text\":\"one\"}\n{\"id\":\"b\",\"text\":\"two\"}\n";
        using (var gz = new GZipStream(File.Create(Path.Combine(dir.Path, "z.jsonl.gz")), CompressionLevel.Fastest))
        {
            gz.Write(Encoding.UTF8.GetBytes(jsonl));
        }

        // UTF-16 with a byte-order mark is read as the UTF-8 it stands for.
        dir.Write("u.jsonl", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(jsonl)).ToArray());
        foreach (var name in new[] { "z.jsonl.gz", "u.jsonl" })
        {
            var records = Read(Path.Combine(dir.Path, name));
            Assert.Equal(2, records.Count);
            Assert.All(records, r => Assert.Equal(-1, r.Record.FileOffset));
        }

        // The same lines in a plain file have their places.
        Assert.All(Read(dir.Write("p.jsonl", jsonl)), r => Assert.True(r.Record.FileOffset >= 0));
    }
    [Fact]
    public void EveryLineIsReadWhereverTheBatchesEnd()
    {
        using var dir = new TempDir();

        // Lines are read into the batch's own buffer and taken where they lie: a line that does not
        // fit moves to the next batch's, as do the lines left when a batch has its count of records.
        // Thousands of short lines, lines of 1 kB to 300 kB, two lines longer than a batch's 8 MiB,
        // CRLF endings and blank lines, in two files read by one reader (a batch holds both).
        var random = new Random(17);
        var expected = new List<(string File, string Line)>();
        var paths = new List<string>();
        foreach (var name in new[] { "one.jsonl", "two.jsonl" })
        {
            var text = new StringBuilder();
            for (var i = 0; i < 9_000; i++)
            {
                var length = i % 3_000 == 1_500 ? 9_000_000 : i % 7 == 0 ? random.Next(1_000, 300_000) : random.Next(1, 60);
                var line = "{\"id\":\"" + name + i + "\",\"text\":\"" + new string((char)('a' + (i % 26)), length) + "\"}";
                text.Append(line).Append(i % 5 == 0 ? "\r\n" : "\n");
                if (i % 11 == 0)
                {
                    text.Append('\n');
                }

                expected.Add((name, line));
            }

            paths.Add(dir.Write(name, text.ToString()));
        }

        var reader = new InputReader(InputSet.Expand(paths).Files, new ReaderOptions());
        var read = new List<(RawRecord Record, byte[] Bytes)>();
        foreach (var batch in reader.ReadBatches(CancellationToken.None))
        {
            using (batch)
            {
                read.AddRange(batch.Records.Select(r => (r, batch.Bytes(r).ToArray())));
            }
        }

        Assert.Equal(expected.Count, read.Count);
        var files = paths.ToDictionary(p => Path.GetFileName(p), File.ReadAllBytes);
        for (var i = 0; i < read.Count; i++)
        {
            var (record, bytes) = read[i];
            Assert.Null(record.Rejection);
            Assert.Equal(i, record.Ordinal);
            Assert.True(expected[i].Line == Encoding.UTF8.GetString(bytes), $"record {i}");
            Assert.True(files[expected[i].File].AsSpan((int)record.FileOffset, bytes.Length).SequenceEqual(bytes), $"record {i}'s place");
        }
    }
}
