using System.IO.Compression;
using System.Text;
using Winnow.IO;
using Winnow.Warc;

namespace Winnow.Tests.Warc;

public class WarcReaderTests
{
    private const string Page = "<html><head><title>T</title></head><body><p>Hello</p></body></html>";

    [Fact]
    public void ReadsHtmlResponsesAndCountsSkips()
    {
        var records = new[]
        {
            Record("warcinfo", null, "software: test\r\n"u8.ToArray()),
            Record("response", "http://a.example/", Http(200, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(Page))),
            Record("request", "http://a.example/", "GET / HTTP/1.1\r\n\r\n"u8.ToArray()),
            Record("response", "http://b.example/", Http(404, "text/html", "<html>gone</html>"u8.ToArray())),
            Record("response", "http://c.example/x.png", Http(200, "image/png", [1, 2, 3])),
            Record("response", "http://d.example/", Http(200, "text/html", Chunked(Encoding.UTF8.GetBytes(Page)), "Transfer-Encoding: chunked\r\n")),
        };
        using var reader = new WarcReader(new MemoryStream(records.SelectMany(r => r).ToArray()));
        var pages = reader.Pages();

        Assert.Equal(["http://a.example/", "http://d.example/"], pages.Select(p => p.TargetUri));
        Assert.All(pages, p => Assert.Equal(Page, Encoding.UTF8.GetString(p.Body)));
        Assert.Equal(records[0].Length, pages[0].Offset);
        Assert.Equal(2, reader.Skipped[WarcSkipReasons.NotResponse]);
        Assert.Equal(1, reader.Skipped[WarcSkipReasons.NotOk]);
        Assert.Equal(1, reader.Skipped[WarcSkipReasons.NotHtml]);
    }

    [Fact]
    public void GzippedWarcGivesMemberOffsets()
    {
        var members = new[]
        {
            Gzip(Record("warcinfo", null, "x: y\r\n"u8.ToArray())),
            Gzip(Record("response", "http://a.example/", Http(200, "text/html", Encoding.UTF8.GetBytes(Page)))),
            Gzip(Record("response", "http://b.example/", Http(200, "text/html", Encoding.UTF8.GetBytes(Page)))),
        };
        using var reader = new WarcReader(new GzipReadStream(new MemoryStream(members.SelectMany(m => m).ToArray())));
        var pages = reader.Pages();
        if (!GzipReadStream.IsNativeZlibAvailable)
        {
            return;
        }

        Assert.Equal([members[0].Length, members[0].Length + members[1].Length], pages.Select(p => p.Offset));
    }

    [Fact]
    public void GzipBombInsideARecordIsSkipped()
    {
        var bomb = Gzip(new byte[64 << 20]);
        var record = Record("response", "http://bomb.example/", Http(200, "text/html", bomb, "Content-Encoding: gzip\r\n"));
        using var reader = new WarcReader(new MemoryStream(record), new WarcReaderOptions { MaxRecordBytes = 4 << 20 });
        Assert.Empty(reader.Pages());
        Assert.Equal(1, reader.Skipped[WarcSkipReasons.TooLarge]);
    }

    [Fact]
    public void ContentEncodingGzipIsDecoded()
    {
        var record = Record("response", "http://z.example/", Http(200, "text/html", Gzip(Encoding.UTF8.GetBytes(Page)), "Content-Encoding: gzip\r\n"));
        using var reader = new WarcReader(new MemoryStream(record));
        Assert.Equal(Page, Encoding.UTF8.GetString(Assert.Single(reader.Pages()).Body));
    }

    internal static byte[] Record(string type, string? uri, byte[] block, string? contentType = null)
    {
        var head = new StringBuilder("WARC/1.1\r\n")
            .Append("WARC-Type: ").Append(type).Append("\r\n")
            .Append(uri is null ? "" : $"WARC-Target-URI: {uri}\r\n")
            .Append(contentType is null ? "" : $"Content-Type: {contentType}\r\n")
            .Append("WARC-Date: 2024-01-02T03:04:05Z\r\n")
            .Append("Content-Length: ").Append(block.Length).Append("\r\n\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. block, .. "\r\n\r\n"u8];
    }

    internal static byte[] Http(int status, string contentType, byte[] body, string extra = "") =>
        [.. Encoding.ASCII.GetBytes($"HTTP/1.1 {status} X\r\nContent-Type: {contentType}\r\n{extra}\r\n"), .. body];

    internal static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gz.Write(data);
        }

        return output.ToArray();
    }

    private static byte[] Chunked(byte[] body) =>
        [.. Encoding.ASCII.GetBytes($"{10:x}\r\n"), .. body.AsSpan(0, 10), .. "\r\n"u8,
         .. Encoding.ASCII.GetBytes($"{body.Length - 10:x}\r\n"), .. body.AsSpan(10), .. "\r\n0\r\n\r\n"u8];
}
