using System.Text;
using Winnow.Readers;
using Winnow.Tests.Support;
using static Winnow.Tests.Support.RunOutputReader;

namespace Winnow.Tests.Readers;

public sealed class ReaderTests
{
    [Fact]
    public void JsonlFieldsAreMappedAndTheRestKeptAsMetadata()
    {
        using var dir = new TempDir();
        dir.Write("in/a.jsonl",
            "{\"doc_id\":\"one\",\"body\":\"caf\u00e9 \\\"quoted\\\"\",\"link\":\"https://a.example/1\",\"lang\":\"fr\",\"metadata\":{\"site\":\"a\"},\"n\":[1,{\"x\":null}]}\n" +
            "{\"body\":\"no id here\"}\n");
        Runs.Exact(dir["in"], dir["out"], configure: o => o with
        {
            Reader = new ReaderOptions { TextField = "body", IdField = "doc_id", UrlField = "link" },
        });
        var docs = Records(dir["out"], "documents");
        Assert.Equal("one", docs[0]["id"]!.GetValue<string>());
        Assert.Equal("caf\u00e9 \"quoted\"", docs[0]["text"]!.GetValue<string>());
        Assert.Equal("https://a.example/1", docs[0]["url"]!.GetValue<string>());
        Assert.Equal("{\"lang\":\"fr\",\"site\":\"a\",\"n\":[1,{\"x\":null}]}", Json(docs[0]["metadata"]!));
        Assert.Equal("a.jsonl:2", docs[1]["id"]!.GetValue<string>());
    }

    [Fact]
    public void NumericIdsBecomeStrings()
    {
        using var dir = new TempDir();
        dir.Write("in/a.jsonl", "{\"id\":12345678901234,\"text\":\"x\"}\n");
        Runs.Exact(dir["in"], dir["out"]);
        Assert.Equal("12345678901234", Records(dir["out"], "documents")[0]["id"]!.GetValue<string>());
    }

    [Fact]
    public void FoldersAreReadRecursivelyInOrdinalOrderWithRelativeIds()
    {
        using var dir = new TempDir();
        dir.Write("in/b/z.txt", "zed");
        dir.Write("in/B.md", "# big b");
        dir.Write("in/a.html", "<p>a</p>");
        dir.Write("in/b/a.txt.gz", GzipText("gz text"));
        dir.Write("in/ignored.bin", "binary");
        Runs.Exact(dir["in"], dir["out"]);
        var docs = Records(dir["out"], "documents");
        Assert.Equal(["B.md", "a.html", "b/a.txt.gz", "b/z.txt"], docs.Select(d => d["id"]!.GetValue<string>()));
        Assert.Equal("gz text", docs[2]["text"]!.GetValue<string>());
        Assert.Equal("text/markdown", docs[0]["content_type"]!.GetValue<string>());
        Assert.Equal("text/html", docs[1]["content_type"]!.GetValue<string>());
        Assert.Null(docs[3]["content_type"]);
    }

    [Theory]
    [InlineData("**/*.md", new[] { "x.md", "sub/y.md" })]
    [InlineData("*.md", new[] { "x.md", "sub/y.md" })]
    [InlineData("sub/*", new[] { "sub/notes.log", "sub/y.md" })]
    public void GlobSelectsFiles(string glob, string[] expected)
    {
        using var dir = new TempDir();
        dir.Write("in/x.md", "x");
        dir.Write("in/sub/y.md", "y");
        dir.Write("in/sub/notes.log", "log");
        dir.Write("in/z.txt", "z");
        var files = InputSet.Expand([dir["in"]], glob).Files;
        Assert.Equal(expected.OrderBy(e => e, StringComparer.Ordinal), files.Select(f => f.Name));
    }

    [Fact]
    public void StandardInputIsReadAsJsonl()
    {
        using var dir = new TempDir();
        using var stdin = new MemoryStream(Encoding.UTF8.GetBytes("{\"text\":\"from stdin\"}\n{\"text\":\"again\"}"));
        Runs.Exact("-", dir["out"], configure: o => o with { StandardInput = stdin });
        var docs = Records(dir["out"], "documents");
        Assert.Equal(["-:1", "-:2"], docs.Select(d => d["id"]!.GetValue<string>()));
        Assert.Equal("again", docs[1]["text"]!.GetValue<string>());
    }

    [Fact]
    public void GzippedStandardInputIsDecompressed()
    {
        using var dir = new TempDir();
        var jsonl = Encoding.UTF8.GetBytes("{\"text\":\"from stdin\"}\n{\"text\":\"again\"}\n");
        using var stdin = new MemoryStream(Winnow.Tests.IO.GzipTestData.Compress(jsonl));
        Runs.Exact("-", dir["out"], configure: o => o with { StandardInput = stdin });
        Assert.Equal(["from stdin", "again"], Records(dir["out"], "documents").Select(d => d["text"]!.GetValue<string>()));
    }

    /// <summary>`curl …/x.warc.gz | winnow run -`: standard input that starts with a WARC record is read as a WARC.</summary>
    [Fact]
    public void StandardInputHoldingAWarcIsReadAsOne()
    {
        using var dir = new TempDir();
        const string Page = "<html><head><title>Piped page</title></head><body><article><p>A page that came in on standard input, long enough to be kept as one.</p></article></body></html>";
        byte[] warc = [
            .. Winnow.Tests.Warc.WarcReaderTests.Record("warcinfo", null, "software: test\r\n"u8.ToArray(), "application/warc-fields"),
            .. Winnow.Tests.Warc.WarcReaderTests.Record("response", "http://a.example/piped", Winnow.Tests.Warc.WarcReaderTests.Http(200, "text/html", Encoding.UTF8.GetBytes(Page))),
        ];
        using var stdin = new MemoryStream(Winnow.Tests.IO.GzipTestData.Compress(warc));
        Runs.Exact("-", dir["out"], configure: o => o with { StandardInput = stdin });
        var document = Assert.Single(Records(dir["out"], "documents"));
        Assert.Equal("http://a.example/piped", document["url"]!.GetValue<string>());
        Assert.StartsWith("-@", document["id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("came in on standard input", document["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void MissingInputAndUnknownTypeAreClearErrors()
    {
        using var dir = new TempDir();
        var e = Assert.Throws<ArgumentException>(() => InputSet.Expand([dir["nope.jsonl"]]));
        Assert.Contains("no such file or folder", e.Message, StringComparison.Ordinal);
        dir.Write("data.avro", "x");
        e = Assert.Throws<ArgumentException>(() => InputSet.Expand([dir["data.avro"]]));
        Assert.Contains("unknown input type", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CrlfLineEndingsAndBomAreNotPartOfTheText()
    {
        using var dir = new TempDir();
        dir.Write("in/a.jsonl", "{\"text\":\"one\"}\r\n{\"text\":\"two\"}\r\n");
        dir.Write("in/b.txt", Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("line one\r\nline two\n")).ToArray());
        Runs.Exact(dir["in"], dir["out"]);
        var docs = Records(dir["out"], "documents");
        Assert.Equal(["one", "two", "line one\r\nline two\n"], docs.Select(d => d["text"]!.GetValue<string>()));
    }

    [Fact]
    public void AnEarlierRunIsNotOverwrittenUnlessAsked()
    {
        using var dir = new TempDir();
        dir.Write("in/a.jsonl", "{\"text\":\"x\"}\n");
        Runs.Exact(dir["in"], dir["out"]);
        var e = Assert.Throws<ArgumentException>(() => Runs.Exact(dir["in"], dir["out"]));
        Assert.Contains("--overwrite", e.Message, StringComparison.Ordinal);
        Runs.Exact(dir["in"], dir["out"], configure: o => o with { Overwrite = true });
        dir.Write("other/keep.txt", "user data");
        e = Assert.Throws<ArgumentException>(() => Runs.Exact(dir["in"], dir["other"], configure: o => o with { Overwrite = true }));
        Assert.Contains("holds no Winnow run", e.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(dir["other/keep.txt"]));
    }

    private static byte[] GzipText(string text)
    {
        using var ms = new MemoryStream();
        using (var gz = new System.IO.Compression.GZipStream(ms, System.IO.Compression.CompressionLevel.Fastest))
        {
            gz.Write(Encoding.UTF8.GetBytes(text));
        }

        return ms.ToArray();
    }
}
