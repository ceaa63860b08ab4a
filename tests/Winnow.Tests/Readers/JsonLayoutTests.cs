using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Winnow.Documents;
using Winnow.Readers;
using Winnow.Sharding;
using Winnow.Tests.Support;
using static Winnow.Tests.Support.RunOutputReader;

namespace Winnow.Tests.Readers;

/// <summary>
/// A file of JSON records that are not one a line is read record by record: one JSON array
/// (<c>[{…}, {…}]</c>), or indented objects one after another.
/// </summary>
public sealed class JsonLayoutTests
{
    // Texts whose strings hold what the element scan must not take for structure.
    private static readonly string[] Texts =
    [
        "a plain text",
        "brackets ] and [ and braces } { inside, with commas, ,",
        "an escaped quote \" and a backslash \\ then \\\" and \\\\\" ends",
        "unicode: caf\u00e9, \u4e2d\u6587, \U0001F600, a line\nbreak and a tab\t",
        "",
    ];

    private static List<JsonObject> Records(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new JsonObject
        {
            ["id"] = $"r{i}",
            ["text"] = Texts[i % Texts.Length] + $" number {i}",
            ["meta"] = new JsonObject { ["nested"] = new JsonArray(1, new JsonObject { ["x"] = "]}" }, new JsonArray()) },
        })];

    private static string Jsonl(IEnumerable<JsonObject> records) => string.Concat(records.Select(r => Json(r) + "\n"));

    private static string Array(IEnumerable<JsonObject> records, bool indented) =>
        new JsonArray([.. records.Select(r => r.DeepClone())]).ToJsonString(new JsonSerializerOptions { WriteIndented = indented });

    private static List<(string Id, string Text)> Kept(string output) =>
        [.. RunOutputReader.Records(output, "documents").Select(r => (r["id"]!.GetValue<string>(), r["text"]!.GetValue<string>()))];

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void TheRecordsOfAnArrayAreTheRecordsOfItsJsonLines(bool indented, bool gzip)
    {
        using var dir = new TempDir();
        // Over 3 MB, so that records straddle the reader's buffer.
        var records = Records(4000);
        dir.Write("lines/r.jsonl", Jsonl(records));
        var array = Encoding.UTF8.GetBytes(Array(records, indented));
        dir.Write(gzip ? "array/r.json.gz" : "array/r.json", gzip ? Gzip(array) : array);

        var fromLines = Runs.Exact(dir["lines"], dir["out-lines"]);
        var fromArray = Runs.Exact(dir["array"], dir["out-array"]);

        Assert.Equal(Kept(dir["out-lines"]), Kept(dir["out-array"]));
        Assert.Equal(4000, fromArray.In.Documents);
        Assert.Equal(fromLines.Kept.Documents, fromArray.Kept.Documents);
        Assert.Equal(0, fromArray.Rejected.Documents);
        // A record's place in the array stands for its line.
        var sources = RunOutputReader.Records(dir["out-array"], "documents").Select(r => Long(r["source"]!["line"])).ToList();
        Assert.Equal(sources.Order(), sources);
        Assert.Equal(1, sources[0]);
        Runs.AssertBalanced(fromArray);
    }

    [Fact]
    public void ABadElementIsRejectedWithItsPlaceAndTheRestIsRead()
    {
        using var dir = new TempDir();
        dir.Write("in/a.json", "\uFEFF \n [ {\"id\":\"one\",\"text\":\"first\"}, 42, \"a string\", {\"id\":\"four\"}, } , {\"id\":\"six\",\"text\":\"last\"} ]\n");
        var seen = new List<Rejection>();
        var stats = Runs.Exact(dir["in"], dir["out"], configure: o => o with { OnRejected = seen.Add });

        Assert.Equal([("one", "first"), ("six", "last")], Kept(dir["out"]));
        Assert.Equal(
            [(2L, RejectionReasons.MalformedJson), (3L, RejectionReasons.MalformedJson), (4L, RejectionReasons.MissingText), (5L, RejectionReasons.MalformedJson)],
            seen.Select(r => (r.Source.Line, r.Reason)).Order());
        Assert.All(seen, r => Assert.Equal("a.json", r.Source.File));
        Runs.AssertBalanced(stats);
    }

    [Fact]
    public void AnArrayCutShortKeepsTheRecordsBeforeTheCutAndSaysSo()
    {
        using var dir = new TempDir();
        var whole = Array(Records(50), indented: true);
        dir.Write("in/inside.json", whole[..(whole.Length / 2)]);
        dir.Write("in/unclosed.json", "[{\"id\":\"a\",\"text\":\"one\"},\n{\"id\":\"b\",\"text\":\"two\"},\n");
        var seen = new List<Rejection>();
        var stats = Runs.Exact(dir["in"], dir["out"], configure: o => o with { OnRejected = seen.Add });

        var inside = Assert.Single(seen, r => r.Source.File == "inside.json");
        Assert.Equal(RejectionReasons.MalformedJson, inside.Reason);
        Assert.Contains("cut short", inside.Message, StringComparison.Ordinal);
        var unclosed = Assert.Single(seen, r => r.Source.File == "unclosed.json");
        Assert.Contains("before its JSON array is closed (after 2 records)", unclosed.Message, StringComparison.Ordinal);
        Assert.Equal(inside.Source.Line - 1 + 2, stats.Kept.Documents);
        Runs.AssertBalanced(stats);
    }

    [Fact]
    public void AnEmptyArrayAndAnElementOverTheLimitAreSaid()
    {
        using var dir = new TempDir();
        dir.Write("in/empty.json", " [ ] ");
        dir.Write("in/big.json", $"[{{\"text\":\"{new string('x', 5000)}\"}},{{\"id\":\"small\",\"text\":\"fits\"}}]");
        var seen = new List<Rejection>();
        var stats = Runs.Exact(dir["in"], dir["out"], configure: o => o with { OnRejected = seen.Add, Reader = o.Reader with { MaxDocumentBytes = 1000 } });

        Assert.Equal(RejectionReasons.EmptyFile, Assert.Single(seen, r => r.Source.File == "empty.json").Reason);
        var big = Assert.Single(seen, r => r.Source.File == "big.json");
        Assert.Equal((RejectionReasons.TooLarge, 1L), (big.Reason, big.Source.Line));
        Assert.Equal([("small", "fits")], Kept(dir["out"]));
        Runs.AssertBalanced(stats);
    }

    [Fact]
    public void JsonLinesWhoseFirstLineIsAnArrayAreStillReadAsLines()
    {
        using var dir = new TempDir();
        dir.Write("in/a.jsonl", "[\"not an object\"]\n{\"id\":\"x\",\"text\":\"second line\"}\n{\"text\":\"third line\"}\n");
        var seen = new List<Rejection>();
        var stats = Runs.Exact(dir["in"], dir["out"], configure: o => o with { OnRejected = seen.Add });

        Assert.Equal(new DocumentSource("a.jsonl", 1), Assert.Single(seen).Source);
        Assert.Equal([("x", "second line"), ("a.jsonl:3", "third line")], Kept(dir["out"]));
        Runs.AssertBalanced(stats);
    }

    [Fact]
    public void JsonLinesWhoseFirstLineIsALongArrayOfObjectsAreStillReadAsLines()
    {
        // The first line opens an array of objects and closes it 200 kB on, past the 64 kB the
        // layout used to be told from: only that line's end shows more lines after it. (Found by
        // RunPropertyTests.HostileJsonlThroughEveryStage: the line was read as an array's elements.)
        using var dir = new TempDir();
        var element = "{\"note\":\"" + new string('x', 1000) + "\"}";
        var first = "[" + string.Join(",", Enumerable.Repeat(element, 200)) + "]";
        dir.Write("in/a.jsonl", first + "\n{\"id\":\"x\",\"text\":\"second line\"}\n{\"text\":\"third line\"}\n");
        var seen = new List<Rejection>();
        var stats = Runs.Exact(dir["in"], dir["out"], configure: o => o with { OnRejected = seen.Add });

        Assert.Equal(new DocumentSource("a.jsonl", 1), Assert.Single(seen).Source);
        Assert.Equal([("x", "second line"), ("a.jsonl:3", "third line")], Kept(dir["out"]));
        Runs.AssertBalanced(stats);

        // The same array alone in its file is an array of records, each one read.
        dir.Write("alone/b.json", first + "\n");
        var alone = Runs.Exact(dir["alone"], dir["out-alone"]);
        Assert.Equal(200, alone.In.Documents);
    }

    [Fact]
    public void IndentedObjectsAreRecordsAsTheirLinesWouldBe()
    {
        using var dir = new TempDir();
        var records = Records(30);
        dir.Write("lines/r.jsonl", Jsonl(records));
        // One indented object a file, as a news crawler writes each article; and many in one file.
        for (var i = 0; i < 3; i++)
        {
            dir.Write($"values/article-{i}.json", records[i].ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        }

        dir.Write("values/many.json", string.Join("\n", records.Skip(3).Select(r => r.ToJsonString(new JsonSerializerOptions { WriteIndented = true }))));
        var fromLines = Runs.Exact(dir["lines"], dir["out-lines"]);
        var fromValues = Runs.Exact(dir["values"], dir["out-values"]);

        Assert.Equal(Kept(dir["out-lines"]), Kept(dir["out-values"]));
        Assert.Equal(30, fromValues.In.Documents);
        Assert.Equal(0, fromValues.Rejected.Documents);
        var first = RunOutputReader.Records(dir["out-values"], "documents")[0];
        Assert.Equal(("article-0.json", 1L), (first["source"]!["file"]!.GetValue<string>(), Long(first["source"]!["line"])));
        Runs.AssertBalanced(fromValues);
    }

    [Fact]
    public void AnIndentedObjectWithoutAnIdIsNamedByItsPlace()
    {
        using var dir = new TempDir();
        dir.Write("in/a.json", "{\n  \"text\": \"first }\"\n}\n{\n  \"title\": \"no text\"\n}\n{\n  \"text\": \"third\"\n}\n");
        var seen = new List<Rejection>();
        var stats = Runs.Exact(dir["in"], dir["out"], configure: o => o with { OnRejected = seen.Add });

        Assert.Equal([("a.json:1", "first }"), ("a.json:3", "third")], Kept(dir["out"]));
        Assert.Equal((new DocumentSource("a.json", 2), RejectionReasons.MissingText), (Assert.Single(seen).Source, seen[0].Reason));
        Runs.AssertBalanced(stats);
    }

    /// <summary>Random texts full of what the scan watches for, in arrays compact and indented: every one comes back.</summary>
    [Fact]
    public void RandomTextsComeBackWhole()
    {
        var random = new Random(17);
        const string Alphabet = "[]{},:\"\\ \n\tab\u00e9\u4e2d/\u2028";
        var records = Enumerable.Range(0, 300).Select(i => new JsonObject
        {
            ["id"] = $"r{i}",
            ["text"] = new string([.. Enumerable.Range(0, random.Next(1, 80)).Select(_ => Alphabet[random.Next(Alphabet.Length)])]) + $" #{i}",
        }).ToList();
        foreach (var indented in new[] { false, true })
        {
            using var dir = new TempDir();
            dir.Write("in/r.json", Array(records, indented));
            var stats = Runs.Exact(dir["in"], dir["out"]);
            Assert.Equal(300, stats.Kept.Documents);
            Assert.Equal(records.Select(r => r["text"]!.GetValue<string>()), Kept(dir["out"]).Select(k => k.Text));
        }
    }

    private static ReadOnlySpan<byte> Watched => "[]{},\"\\\n "u8;

    /// <summary>Random bytes after an opening bracket or an object's first line: the run ends, every byte accounted for.</summary>
    [Fact]
    public void RandomBytesAfterAnOpeningEndTheRun()
    {
        var random = new Random(5);
        using var dir = new TempDir();
        for (var i = 0; i < 40; i++)
        {
            var bytes = new byte[random.Next(0, 3000)];
            random.NextBytes(bytes);
            // Bias toward the bytes the scan acts on.
            for (var k = 0; k < bytes.Length; k++)
            {
                if (random.Next(3) == 0)
                {
                    bytes[k] = Watched[random.Next(Watched.Length)];
                }
            }

            dir.Write($"in/f{i:D2}.json", [.. (i % 2 == 0 ? "["u8 : "{\n"u8), .. bytes]);
        }

        var stats = Runs.Exact(dir["in"], dir["out"]);
        Assert.True(stats.In.Documents >= 40);
        Runs.AssertBalanced(stats);
    }

    /// <summary>JSONL saved as UTF-16 with its byte-order mark (Windows PowerShell's Out-File), little- or big-endian, plain or gzipped.</summary>
    [Theory]
    [InlineData("utf-16le", false)]
    [InlineData("utf-16be", false)]
    [InlineData("utf-16le", true)]
    public void Utf16JsonlIsReadAsItsText(string encodingName, bool gzip)
    {
        using var dir = new TempDir();
        var records = Records(40);
        var encoding = Encoding.GetEncoding(encodingName);
        var bytes = (byte[])[.. encoding.GetPreamble(), .. encoding.GetBytes(Jsonl(records).Replace("\n", "\r\n", StringComparison.Ordinal))];
        dir.Write("in/r.jsonl", gzip ? Gzip(bytes) : bytes);
        dir.Write("lines/r.jsonl", Jsonl(records));

        var stats = Runs.Exact(dir["in"], dir["out"]);
        Runs.Exact(dir["lines"], dir["out-lines"]);

        Assert.Equal(0, stats.Rejected.Documents);
        Assert.Equal(Kept(dir["out-lines"]), Kept(dir["out"]));
        Runs.AssertBalanced(stats);
    }

    [Fact]
    public void StandardInputMayHoldAnArray()
    {
        using var dir = new TempDir();
        using var stdin = new MemoryStream(Gzip(Encoding.UTF8.GetBytes(Array(Records(3), indented: true))));
        Runs.Exact("-", dir["out"], configure: o => o with { StandardInput = stdin });
        Assert.Equal(["r0", "r1", "r2"], Kept(dir["out"]).Select(k => k.Id));
    }

    [Fact]
    public void AShardedRunNeverCutsAnArray()
    {
        using var dir = new TempDir();
        var records = Records(3000);
        dir.Write("in/r.json", Array(records, indented: false));
        dir.Write("in/r.jsonl", Jsonl(records));
        var files = InputSet.Expand([dir["in"]]).Files;

        var shards = ShardPlanner.Shards(files, 64 << 10);

        Assert.Single(shards, s => s.Any(f => f.Name.EndsWith("r.json", StringComparison.Ordinal)));
        Assert.True(shards.Count(s => s.Any(f => f.Name.EndsWith("r.jsonl", StringComparison.Ordinal))) > 2);
        Assert.Equal(JsonLayout.Array, InputReader.LayoutOf("\uFEFF \r\n\t[\n  {"u8));
        Assert.Equal(JsonLayout.Array, InputReader.LayoutOf("[]"u8));
        Assert.Equal(JsonLayout.Lines, InputReader.LayoutOf("[link](http://x) text\n{\"text\":\"a\"}"u8));
        Assert.Equal(JsonLayout.Lines, InputReader.LayoutOf("[\"a string\"]\n"u8));
        Assert.Equal(JsonLayout.Lines, InputReader.LayoutOf("{\"a\": {\n\"text\": 1}}"u8));
        // An array record on JSON Lines' first line, and a lone brace whose object never closes, stay lines.
        Assert.Equal(JsonLayout.Lines, InputReader.LayoutOf("[{\"text\":\"a\"}]\n{\"text\":\"b\"}\n"u8));
        Assert.Equal(JsonLayout.Lines, InputReader.LayoutOf("{\n{\"text\":\"a\"}\n"u8, wholeFile: true));
        Assert.Equal(JsonLayout.Values, InputReader.LayoutOf("{\n{\"text\":\"a\"}\n"u8, wholeFile: false));
        Assert.Equal(JsonLayout.Lines, InputReader.LayoutOf(" {\"text\":\"[\\n{\"}\n{"u8));
        Assert.Equal(JsonLayout.Values, InputReader.LayoutOf("{\n  \"text\": \"}\""u8));
        Assert.Equal(JsonLayout.Lines, InputReader.LayoutOf("{\"text\": \"a line longer than what was read"u8));
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }
}
