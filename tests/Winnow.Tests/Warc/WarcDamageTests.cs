using System.Text;
using Winnow.Documents;
using Winnow.Extraction;
using Winnow.Pipeline;
using Winnow.Tests.Support;
using Winnow.Warc;
using static Winnow.Tests.Warc.WarcReaderTests;

namespace Winnow.Tests.Warc;

/// <summary>Damaged WARC input: every bad byte is reported with its offset, and never becomes a page.</summary>
public class WarcDamageTests
{
    private static readonly byte[] PageBytes = Encoding.UTF8.GetBytes("<html><body><p>A page long enough to be kept as the content of the page.</p></body></html>");

    private static byte[] Response(string uri) => Record("response", uri, Http(200, "text/html", PageBytes));

    /// <summary>The one damage of input that gives no page.</summary>
    private static WarcDamage OnlyDamage(byte[] warc)
    {
        var (pages, damage, _) = WarcReads.Read(warc);
        Assert.Empty(pages);
        return Assert.Single(damage);
    }

    [Fact]
    public void RecordCutShortIsDamageNotAPage()
    {
        var first = Response("http://a.example/");
        var second = Response("http://b.example/");
        byte[] warc = [.. first, .. second[..^40]];
        var (pages, damage, _) = WarcReads.Read(warc);

        Assert.Equal("http://a.example/", Assert.Single(pages).TargetUri);
        var cut = Assert.Single(damage);
        Assert.Equal((RejectionReasons.WarcTruncatedRecord, (long)first.Length, (long)second.Length - 40), (cut.Reason, cut.Offset, cut.Bytes));
        Assert.Contains("record cut short", cut.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordCutInsideItsHeaderIsDamage()
    {
        Assert.Equal(RejectionReasons.WarcTruncatedRecord, OnlyDamage("WARC/1.0\r\nWARC-Type: response\r\nContent-Le"u8.ToArray()).Reason);
    }

    [Fact]
    public void TruncatedGzipCutsTheRecordWithTheGzipMessage()
    {
        // resiliparse's clipped.warc.gz: the file stops inside the member of its only record.
        var gz = Gzip(Response("http://a.example/"));
        var cut = OnlyDamage(gz[..(gz.Length / 2)]);
        Assert.Equal((RejectionReasons.CorruptCompression, 0L), (cut.Reason, cut.Offset));
        Assert.Contains("truncated", cut.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongContentLengthResynchronisesAtTheNextWarcLineAndCountsTheSkippedBytes()
    {
        var first = Response("http://a.example/");
        var second = Response("http://b.example/");
        var text = Encoding.ASCII.GetString(first);

        // One less than the block: the last byte of the block is left between the records.
        var lengthAt = text.IndexOf("Content-Length: ", StringComparison.Ordinal) + "Content-Length: ".Length;
        var length = int.Parse(text[lengthAt..text.IndexOf('\r', lengthAt)], System.Globalization.CultureInfo.InvariantCulture);
        var wrong = Encoding.ASCII.GetBytes(text.Remove(lengthAt, length.ToString(System.Globalization.CultureInfo.InvariantCulture).Length)
            .Insert(lengthAt, (length - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        byte[] warc = [.. wrong, .. second];

        var (pages, damage, _) = WarcReads.Read(warc);
        Assert.Equal(["http://a.example/", "http://b.example/"], pages.Select(p => p.TargetUri));
        var stray = Assert.Single(damage);
        Assert.Equal(RejectionReasons.WarcStrayBytes, stray.Reason);
        Assert.Equal(wrong.Length - 4 - 1, stray.Offset);
        Assert.Equal(1 + 4, stray.Bytes);
        Assert.Equal(wrong.Length, pages[1].Offset);
    }

    [Fact]
    public void HeaderWithoutContentLengthIsDamageAndReadingGoesOn()
    {
        byte[] bad = [.. "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: twelve\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<html>x</html>\r\n\r\n"u8];
        var good = Response("http://b.example/");
        var (pages, damage, _) = WarcReads.Read([.. bad, .. good]);
        Assert.Equal("http://b.example/", Assert.Single(pages).TargetUri);
        var header = Assert.Single(damage);
        Assert.Equal((RejectionReasons.WarcBadHeader, 0L, (long)bad.Length), (header.Reason, header.Offset, header.Bytes));
    }

    [Fact]
    public void HeaderOverTheLimitIsDamage()
    {
        var huge = "WARC/1.0\r\nX-Pad: " + new string('x', 5000) + "\r\nContent-Length: 0\r\n\r\n";
        var good = Response("http://b.example/");
        var (pages, damage, _) = WarcReads.Read([.. Encoding.ASCII.GetBytes(huge), .. good], new WarcReaderOptions { MaxHeaderBytes = 1024 });
        Assert.Single(pages);
        Assert.Equal(RejectionReasons.WarcBadHeader, Assert.Single(damage).Reason);
    }

    [Fact]
    public void BrokenHttpHeadIsDamage()
    {
        var bad = OnlyDamage(Record("response", "http://a.example/", "<html>no head</html>"u8.ToArray()));
        Assert.Equal(RejectionReasons.WarcBadHttp, bad.Reason);
        Assert.Contains("<html>no head</html>", bad.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "empty file")]
    [InlineData("\r\n\r\n  \n", "only blank lines")]
    public void EmptyWarcSaysSo(string content, string says)
    {
        var empty = OnlyDamage(Encoding.ASCII.GetBytes(content));
        Assert.Equal(RejectionReasons.EmptyFile, empty.Reason);
        Assert.Contains(says, empty.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ArcFileIsRejectedNotReadAsGarbage()
    {
        var arc = "filedesc://example.arc 127.0.0.1 20140101000000 text/plain 75\n1 0 Example\nURL IP-address Archive-date Content-type Archive-length\n\n"u8.ToArray();
        var unsupported = OnlyDamage(arc);
        Assert.Equal((RejectionReasons.UnsupportedFormat, (long)arc.Length), (unsupported.Reason, unsupported.Bytes));
        Assert.Contains("ARC", unsupported.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BytesThatAreNoWarcAreOneDamage()
    {
        var stray = OnlyDamage(Encoding.ASCII.GetBytes("{\"text\": \"a JSON line, not a WARC\"}\n"));
        Assert.Equal((RejectionReasons.WarcStrayBytes, 0L), (stray.Reason, stray.Offset));
        Assert.Contains("before the first WARC record", stray.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DamageBecomesRejectionsNamingFileAndOffsetAndTheStatsAddUp()
    {
        using var dir = new TempDir();
        var first = Response("http://a.example/");
        var second = Response("http://b.example/");
        dir.Write("in/cut.warc", [.. first, .. "garbage\r\n"u8, .. second[..^10]]);
        dir.Write("in/empty.warc", []);
        dir.Write("in/old.arc", "filedesc://old.arc 0.0.0.0 20000101000000 text/plain 10\n"u8.ToArray());

        var stats = new WinnowPipelineBuilder().Add(new ExtractStage()).Build()
            .Run(new RunOptions { Inputs = [dir["in"]], OutputDirectory = dir["out"] });

        Runs.AssertBalanced(stats);
        Assert.Equal(1 + 4, stats.In.Documents);
        var rejected = RunOutputReader.Records(dir["out"], "rejected");
        Assert.Equal(
            [("cut.warc", first.Length, RejectionReasons.WarcStrayBytes), ("cut.warc", first.Length + 9, RejectionReasons.WarcTruncatedRecord),
             ("empty.warc", 0, RejectionReasons.EmptyFile), ("old.arc", 0, RejectionReasons.UnsupportedFormat)],
            rejected.Select(r => (r["source"]!["file"]!.GetValue<string>(), (int)r["source"]!["offset"]!.GetValue<long>(), r["reason"]!.GetValue<string>())));
        Assert.All(rejected, r => Assert.DoesNotContain('\n', r["message"]!.GetValue<string>()));
    }
}
