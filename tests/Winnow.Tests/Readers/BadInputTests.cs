using System.IO.Compression;
using System.Text;
using Winnow.Documents;
using Winnow.Pipeline;
using Winnow.Tests.Support;
using static Winnow.Tests.Support.RunOutputReader;

namespace Winnow.Tests.Readers;

/// <summary>Each kind of bad input is rejected with its file and line, and the run goes on.</summary>
public sealed class BadInputTests
{
    private const string Good = "{\"id\":\"good\",\"text\":\"a good document\"}\n";

    [Theory]
    [InlineData("{\"id\":\"x\",\"text\":\"unterminated}\n", RejectionReasons.MalformedJson, 2)]
    [InlineData("{\"id\":\"x\"}\n", RejectionReasons.MissingText, 2)]
    [InlineData("{\"id\":\"x\",\"text\":42}\n", RejectionReasons.TextNotString, 2)]
    [InlineData("{\"id\":\"x\",\"text\":null}\n", RejectionReasons.TextNotString, 2)]
    [InlineData("[\"not an object\"]\n", RejectionReasons.MalformedJson, 2)]
    [InlineData("{\"text\":\"a\"} trailing\n", RejectionReasons.MalformedJson, 2)]
    public void BadLineIsRejectedWithFileAndLineAndTheRunGoesOn(string badLine, string reason, int line)
    {
        using var dir = new TempDir();
        dir.Write("in/corpus.jsonl", Good + badLine + Good.Replace("good", "also good", StringComparison.Ordinal));
        var seen = new List<Rejection>();
        var stats = Runs.Exact(dir["in"], dir["out"], configure: o => o with { OnRejected = seen.Add });

        var rejection = Assert.Single(seen);
        Assert.Equal(reason, rejection.Reason);
        Assert.Equal(new DocumentSource("corpus.jsonl", line), rejection.Source);
        Assert.Contains($"corpus.jsonl:{line}: ", rejection.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, stats.Kept.Documents);
        var rejected = Assert.Single(Records(dir["out"], "rejected"));
        Assert.Equal(reason, rejected["reason"]!.GetValue<string>());
        Assert.Equal(line, Long(rejected["source"]!["line"]));
        Runs.AssertBalanced(stats);
    }

    [Fact]
    public void InvalidUtf8IsRejected()
    {
        using var dir = new TempDir();
        var bad = Encoding.UTF8.GetBytes("{\"id\":\"x\",\"text\":\"caf\u00e9 ").Concat(new byte[] { 0xC3, 0x28, (byte)'"', (byte)'}', (byte)'\n' });
        dir.Write("in/a.jsonl", Encoding.UTF8.GetBytes(Good).Concat(bad).ToArray());
        var stats = Runs.Exact(dir["in"], dir["out"]);
        var rejected = Assert.Single(Records(dir["out"], "rejected"));
        Assert.Equal(RejectionReasons.InvalidUtf8, rejected["reason"]!.GetValue<string>());
        Assert.Equal(2, Long(rejected["source"]!["line"]));
        Assert.Contains("byte 25", rejected["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Runs.AssertBalanced(stats);
    }

    [Fact]
    public void InvalidUtf8TextFileIsRejected()
    {
        using var dir = new TempDir();
        dir.Write("in/a.txt", new byte[] { (byte)'o', (byte)'k', 0xFF, 0xFE, (byte)'!' });
        dir.Write("in/b.txt", "fine");
        var stats = Runs.Exact(dir["in"], dir["out"]);
        var rejected = Assert.Single(Records(dir["out"], "rejected"));
        Assert.Equal("a.txt", rejected["source"]!["file"]!.GetValue<string>());
        Assert.Equal(RejectionReasons.InvalidUtf8, rejected["reason"]!.GetValue<string>());
        Assert.Equal(1, stats.Kept.Documents);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(200)]
    [InlineData(-9)]
    public void TruncatedGzipIsRejectedAndEarlierLinesKept(int cut)
    {
        using var dir = new TempDir();
        var text = new StringBuilder();
        for (var i = 0; i < 2000; i++)
        {
            text.Append("{\"id\":\"d").Append(i).Append("\",\"text\":\"document number ").Append(i * 7919 % 10007).Append("\"}\n");
        }

        var gz = Gzip(Encoding.UTF8.GetBytes(text.ToString()));
        var length = cut > 0 ? cut : gz.Length + cut;
        dir.Write("in/a.jsonl.gz", gz[..length]);
        dir.Write("in/b.jsonl", Good);
        var stats = Runs.Exact(dir["in"], dir["out"]);

        var rejected = Assert.Single(Records(dir["out"], "rejected"));
        Assert.Equal(RejectionReasons.CorruptCompression, rejected["reason"]!.GetValue<string>());
        Assert.Equal("a.jsonl.gz", rejected["source"]!["file"]!.GetValue<string>());
        Assert.Contains("truncated", rejected["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(Records(dir["out"], "documents"), d => d["id"]!.GetValue<string>() == "good");
        Runs.AssertBalanced(stats);
    }

    [Fact]
    public void EmptyFilesAreRejected()
    {
        using var dir = new TempDir();
        dir.Write("in/a.jsonl", "");
        dir.Write("in/b.jsonl", "\n  \n");
        dir.Write("in/c.txt", "");
        dir.Write("in/d.jsonl", Good);
        var stats = Runs.Exact(dir["in"], dir["out"]);
        var rejected = Records(dir["out"], "rejected");
        Assert.Equal(["a.jsonl", "b.jsonl", "c.txt"], rejected.Select(r => r["source"]!["file"]!.GetValue<string>()));
        Assert.All(rejected, r => Assert.Equal(RejectionReasons.EmptyFile, r["reason"]!.GetValue<string>()));
        Assert.Equal(1, stats.Kept.Documents);
        Runs.AssertBalanced(stats);
    }

    [Fact]
    public void SixtyFourMegabyteDocumentIsRejectedWithoutStoppingTheRun()
    {
        using var dir = new TempDir();
        var path = dir["in/big.jsonl"];
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var file = File.Create(path))
        {
            file.Write(Encoding.UTF8.GetBytes(Good));
            file.Write("{\"id\":\"big\",\"text\":\""u8);
            var chunk = Encoding.ASCII.GetBytes(new string('x', 1 << 20));
            for (var i = 0; i < 64; i++)
            {
                file.Write(chunk);
            }

            file.Write("\"}\n"u8);
            file.Write(Encoding.UTF8.GetBytes(Good.Replace("good", "after", StringComparison.Ordinal)));
        }

        var stats = Runs.Exact(dir["in"], dir["out"]);
        var rejected = Assert.Single(Records(dir["out"], "rejected"));
        Assert.Equal(RejectionReasons.TooLarge, rejected["reason"]!.GetValue<string>());
        Assert.Equal(2, Long(rejected["source"]!["line"]));
        Assert.Equal((64L << 20) + 22, Long(rejected["bytes"]));
        Assert.Equal(["good", "after"], Records(dir["out"], "documents").Select(d => d["id"]!.GetValue<string>()));
        Runs.AssertBalanced(stats);
    }

    [Fact]
    public void ALineOverALowLimitIsTooLargeThoughItFitsTheReadersBuffer()
    {
        // --max-doc-bytes 100000 to leave out long pages: a line under the reader's buffer (1 MB) was kept.
        using var dir = new TempDir();
        dir.Write("in/a.jsonl", Good + "{\"id\":\"long\",\"text\":\"" + new string('x', 5000) + "\"}\r\n" + Good.Replace("good", "after", StringComparison.Ordinal));
        var stats = Runs.Exact(dir["in"], dir["out"], configure: o => o with { Reader = o.Reader with { MaxDocumentBytes = 1000 } });

        var rejected = Assert.Single(Records(dir["out"], "rejected"));
        Assert.Equal(RejectionReasons.TooLarge, rejected["reason"]!.GetValue<string>());
        Assert.Equal(2, Long(rejected["source"]!["line"]));
        Assert.Equal(5023, Long(rejected["bytes"])); // the line without its CR LF
        Assert.Equal(["good", "after"], Records(dir["out"], "documents").Select(d => d["id"]!.GetValue<string>()));
        Runs.AssertBalanced(stats);
    }

    [Fact]
    public void FailPolicyStopsAtTheFirstBadRecord()
    {
        using var dir = new TempDir();
        dir.Write("in/a.jsonl", Good + "{oops\n" + "{\"text\":\"never read\"}\n{also bad\n");
        var e = Assert.Throws<InputRejectedException>(() =>
            Runs.Exact(dir["in"], dir["out"], configure: o => o with { OnError = ErrorPolicy.Fail }));
        Assert.Equal(new DocumentSource("a.jsonl", 2), e.Rejection.Source);
        Assert.False(File.Exists(dir["out/stats.json"]));
    }

    private static byte[] Gzip(byte[] data)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal))
        {
            gz.Write(data);
        }

        return ms.ToArray();
    }
}
