using System.Text;
using Winnow.IO;
using Winnow.Pipeline;
using Winnow.Tests.Support;
using Winnow.Warc;
using static Winnow.Tests.Warc.WarcReaderTests;

namespace Winnow.Tests.Warc;

/// <summary>WARC files as crawlers really write them: each quirk read as warcio reads it.</summary>
public class WarcLeniencyTests
{
    private const string Page = "<!doctype html>\n<html><head><title>T</title></head><body><p>Hello</p></body></html>\n";

    [Fact]
    public void StaleChunkedHeaderOverADechunkedBodyKeepsTheBodyAsStored()
    {
        // pywb's iana.warc.gz: "Transfer-Encoding: chunked" and "Content-Length: -1" over a plain body.
        var http = Http(200, "text/html", Encoding.UTF8.GetBytes(Page), "Transfer-Encoding: chunked\r\nContent-Length: -1\r\n");
        var page = Assert.Single(WarcReads.Read(Record("response", "http://a.example/", http)).Pages);
        Assert.Equal(Page, Encoding.UTF8.GetString(page.Body));
    }

    [Fact]
    public void StaleContentEncodingOverAPlainBodyKeepsTheBodyAsStored()
    {
        foreach (var coding in new[] { "gzip", "br", "deflate" })
        {
            var http = Http(200, "text/html; charset=EUC-JP", Encoding.UTF8.GetBytes(Page), $"Content-Encoding: {coding}\r\n");
            var page = Assert.Single(WarcReads.Read(Record("response", "http://a.example/", http)).Pages);
            Assert.True(Encoding.UTF8.GetString(page.Body) == Page, coding);
        }
    }

    [Fact]
    public void BareLineFeedHeadEndsAtItsFirstEmptyLineNotAtACrLfPairInTheHtml()
    {
        // resiliparse's clueweb-quirk.warc.gz: LF-only HTTP heads over HTML that holds CRLF CRLF.
        var html = "<html>\n<head><title>T</title></head>\r\n\r\n<body>text</body></html>";
        var http = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Encoding: gzip\n\n" + html);
        var page = Assert.Single(WarcReads.Read(Record("response", "http://a.example/", http)).Pages);
        Assert.Equal(html, Encoding.ASCII.GetString(page.Body));
        Assert.Equal("text/html", page.ContentType);
    }

    [Fact]
    public void HeadsWithCrCrLfLineEndsAreRead()
    {
        var http = Encoding.ASCII.GetBytes("HTTP/1.0 200 \r\r\nContent-Type: text/html\r\r\n\r\r\n" + Page);
        var record = Encoding.ASCII.GetBytes($"WARC/1.0\r\r\nWARC-Type: response\r\r\nWARC-Target-URI: http://a.example/\r\r\nContent-Length: {http.Length}\r\r\n\r\r\n");
        var page = Assert.Single(WarcReads.Read([.. record, .. http, .. "\r\n\r\n"u8]).Pages);
        Assert.Equal(Page, Encoding.ASCII.GetString(page.Body));
    }

    [Fact]
    public void AngleBracketsAroundTheTargetUriAreStripped()
    {
        // GNU Wget 1.19 writes "WARC-Target-URI: <http://...>".
        var page = Assert.Single(WarcReads.Read(Record("response", "<http://example.com/>", Http(200, "text/html", Encoding.UTF8.GetBytes(Page)))).Pages);
        Assert.Equal("http://example.com/", page.TargetUri);
    }

    [Fact]
    public void ResourceRecordsHoldingHtmlArePages()
    {
        var resource = Record("resource", "http://a.example/", Encoding.UTF8.GetBytes(Page), "text/html; charset=utf-8");
        var text = Record("resource", "metadata://a/log.txt", "a log\n"u8.ToArray(), "text/plain");
        var (pages, damage, skipped) = WarcReads.Read([.. resource, .. text]);
        var page = Assert.Single(pages);
        Assert.Empty(damage);
        Assert.Equal((0, "text/html; charset=utf-8", Page), (page.Status, page.ContentType, Encoding.UTF8.GetString(page.Body)));
        Assert.Equal(1, skipped[WarcSkipReasons.NotHtml]);
    }

    [Fact]
    public void AnyProtocolTokenBeforeTheStatusCodeIsAccepted()
    {
        // pywb's example-extra.warc holds "HTTPX/1.1 200 OK"; warcio reads it.
        var http = Encoding.ASCII.GetBytes("HTTPX/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + Page);
        Assert.Single(WarcReads.Read(Record("response", "http://a.example/", http)).Pages);
    }

    [Fact]
    public void NonHttpResponsesAreTypedByTheirRecordContentType()
    {
        var dns = Record("response", "dns:example.com", "20240102030405\nexample.com. 300 IN A 1.2.3.4\n"u8.ToArray(), "text/dns");
        var (pages, damage, skipped) = WarcReads.Read(dns);
        Assert.Empty(pages);
        Assert.Empty(damage);
        Assert.Equal(1, skipped[WarcSkipReasons.NotHtml]);
    }

    [Fact]
    public void ChunksCutShortKeepWhatTheyHoldAndGarbageAfterGoodChunksIsKeptAsStored()
    {
        var body = Encoding.UTF8.GetBytes(Page);
        byte[] cut = [.. Encoding.ASCII.GetBytes($"{body.Length + 100:x}\r\n"), .. body];
        Assert.Equal(Page, Decode(cut));
        byte[] garbage = [.. "5\r\n<!doc\r\n"u8, .. "not a size\r\nrest"u8];
        Assert.Equal("<!docnot a size\r\nrest", Decode(garbage));
        byte[] proper = [.. "5\r\n<!doc\r\n"u8, .. "3;x=y\ntyp\n0\r\n\r\n"u8];
        Assert.Equal("<!doctyp", Decode(proper));

        static string Decode(byte[] chunked)
        {
            var output = new byte[chunked.Length];
            return Encoding.ASCII.GetString(output, 0, HttpBodyDecoder.Dechunk(chunked, output));
        }
    }

    [Fact]
    public void GzipBodyWithoutItsTrailerIsDecoded()
    {
        // warcio's example-trunc.warc: a Content-Length four bytes short cuts the gzip trailer off.
        var gz = Gzip(Encoding.UTF8.GetBytes(Page));
        var http = Http(200, "text/html", gz[..^4], "Content-Encoding: gzip\r\n");
        Assert.Equal(Page, Encoding.UTF8.GetString(Assert.Single(WarcReads.Read(Record("response", "http://a.example/", http)).Pages).Body));
    }

    [Fact]
    public void ChunkedAndGzippedBodyIsDecodedInThatOrder()
    {
        var gz = Gzip(Encoding.UTF8.GetBytes(Page));
        byte[] chunked = [.. Encoding.ASCII.GetBytes($"{gz.Length:x}\r\n"), .. gz, .. "\r\n0\r\n\r\n"u8];
        var http = Http(200, "text/html", chunked, "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n");
        Assert.Equal(Page, Encoding.UTF8.GetString(Assert.Single(WarcReads.Read(Record("response", "http://a.example/", http)).Pages).Body));
    }

    [Fact]
    public void RecordsOfASingleMemberWarcGzGetDistinctIds()
    {
        // warcio's example-bad-non-chunked.warc.gz: the whole file is one gzip member.
        var plain = new[]
        {
            Record("warcinfo", null, "x: y\r\n"u8.ToArray()),
            Record("response", "http://a.example/", Http(200, "text/html", Encoding.UTF8.GetBytes(Page))),
            Record("response", "http://b.example/", Http(200, "text/html", Encoding.UTF8.GetBytes(Page))),
        };
        var (pages, damage, _) = WarcReads.Read(Gzip([.. plain.SelectMany(r => r)]));
        Assert.Empty(damage);
        Assert.Equal(["http://a.example/", "http://b.example/"], pages.Select(p => p.TargetUri));
        if (GzipReadStream.IsNativeZlibAvailable)
        {
            Assert.All(pages, p => Assert.Equal(0, p.Offset));
        }

        Assert.Equal([plain[0].Length, plain[0].Length + plain[1].Length], pages.Select(p => p.OffsetInMember));
        Assert.Equal(["a.warc.gz@0+" + plain[0].Length, $"a.warc.gz@0+{plain[0].Length + plain[1].Length}"],
            pages.Select(p => WarcEntry.Locate("a.warc.gz", p.Offset, p.OffsetInMember)));
    }

    [Fact]
    public void DocumentsOfASingleMemberWarcGzGetDistinctIds()
    {
        using var dir = new TempDir();
        var page = Encoding.UTF8.GetBytes(Page);
        dir.Write("in/one-member.warc.gz", Gzip([.. Record("response", "http://a.example/", Http(200, "text/html", page)),
            .. Record("response", "http://a.example/", Http(200, "text/html", page))]));
        var stats = new WinnowPipelineBuilder().Build().Run(new RunOptions { Inputs = [dir["in"]], OutputDirectory = dir["out"] });

        Runs.AssertBalanced(stats);
        var ids = RunOutputReader.Records(dir["out"], "documents").Select(d => d["id"]!.GetValue<string>()).ToList();
        Assert.Equal(2, ids.Count);
        Assert.Equal("one-member.warc.gz@0", ids[0]);
        Assert.StartsWith("one-member.warc.gz@0+", ids[1], StringComparison.Ordinal);
    }

    [Fact]
    public void RecordSplitAcrossGzipMembersIsReadWhole()
    {
        // warcio's example-wrong-chunks.warc.gz: a member ends inside the record's block.
        var record = Record("response", "http://a.example/", Http(200, "text/html", Encoding.UTF8.GetBytes(Page)));
        var (pages, damage, _) = WarcReads.Read([.. Gzip(record[..200]), .. Gzip(record[200..])]);
        Assert.Empty(damage);
        Assert.Equal(Page, Encoding.UTF8.GetString(Assert.Single(pages).Body));
    }

    [Fact]
    public void OlderWarcVersionsAreRead()
    {
        var record = Record("response", "http://a.example/", Http(200, "text/html", Encoding.UTF8.GetBytes(Page)));
        var old = Encoding.ASCII.GetBytes("WARC/0.18").Concat(record.Skip("WARC/1.1".Length)).ToArray();
        Assert.Single(WarcReads.Read(old).Pages);
    }
}
