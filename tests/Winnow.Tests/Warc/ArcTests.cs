using System.IO.Compression;
using System.Text;
using Winnow.Documents;
using Winnow.Pipeline;
using Winnow.Tests.Support;
using Winnow.Warc;
using static Winnow.Tests.Support.RunOutputReader;

namespace Winnow.Tests.Warc;

/// <summary>ARC files (the Internet Archive's format before WARC), version 1 and 2, plain and gzipped.</summary>
public sealed class ArcTests
{
    private const string Page = "<html><head><title>Old page</title></head><body><p>An archived page from the days of ARC files, with enough words in it to be a page.</p></body></html>";

    private static string Http(string body, int status = 200, string type = "text/html") =>
        $"HTTP/1.0 {status} OK\r\nContent-Type: {type}\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}";

    private static string Description(int version) =>
        version == 1 ? "1 0 Example Archive\nURL IP-address Archive-date Content-type Archive-length\n"
            : "2 0 Example Archive\nURL IP-address Archive-date Content-type Result-code Checksum Location Offset Filename Archive-length\n";

    private static string Record(string url, string content, string type = "text/html", int version = 1)
    {
        var length = Encoding.UTF8.GetByteCount(content);
        var header = version == 1
            ? $"{url} 192.0.2.1 19961104142103 {type} {length}"
            : $"{url} 192.0.2.1 19961104142103 {type} 200 - - 0 example.arc {length}";
        return header + "\n" + content + "\n";
    }

    private static string Arc(int version, params string[] records) =>
        Record("filedesc://example.arc", Description(version), "text/plain", 1).Replace("filedesc://example.arc 192.0.2.1", "filedesc://example.arc 0.0.0.0", StringComparison.Ordinal)
        + "\n" + string.Join("\n", records);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void TheHtmlPagesOfAnArcFileAreRead(int version)
    {
        var arc = Arc(version,
            Record("http://old.example/a.html", Http(Page), version: version),
            Record("dns:old.example", "192.0.2.1", "text/dns", version),
            Record("http://old.example/logo.gif", Http("GIF89a", type: "image/gif"), version: version),
            Record("http://old.example/gone.html", Http(Page, 404), version: version),
            Record("http://old.example/b.html", Http(Page.Replace("Old page", "Second page", StringComparison.Ordinal)), version: version));
        var (pages, damage, skipped) = WarcReads.Read(Encoding.UTF8.GetBytes(arc));
        Assert.Empty(damage);
        Assert.Equal(["http://old.example/a.html", "http://old.example/b.html"], pages.Select(p => p.TargetUri));
        Assert.Equal("19961104142103", pages[0].Date);
        Assert.Equal(Page, Encoding.UTF8.GetString(pages[0].Body));
        Assert.Equal(arc.IndexOf("http://old.example/a.html", StringComparison.Ordinal), pages[0].Offset);
        Assert.Equal(new Dictionary<string, long>
        {
            [WarcSkipReasons.NotResponse] = 1,
            [WarcSkipReasons.NotHtml] = 2,
            [WarcSkipReasons.NotOk] = 1,
        }, skipped);
    }

    [Fact]
    public void AnArcGzWithAMemberPerRecordGivesEachPageItsMembersOffset()
    {
        var records = new[] { Arc(1), Record("http://old.example/a.html", Http(Page)) + "\n", Record("http://old.example/b.html", Http(Page)) + "\n" };
        using var file = new MemoryStream();
        var offsets = new List<long>();
        foreach (var record in records)
        {
            offsets.Add(file.Position);
            using var gzip = new GZipStream(file, CompressionLevel.Optimal, leaveOpen: true);
            gzip.Write(Encoding.UTF8.GetBytes(record));
        }

        using var dir = new TempDir();
        dir.Write("in/old.arc.gz", file.ToArray());
        var stats = new WinnowPipelineBuilder().Build().Run(new RunOptions { Inputs = [dir["in"]], OutputDirectory = dir["out"] });
        Assert.Equal([$"old.arc.gz@{offsets[1]}", $"old.arc.gz@{offsets[2]}"], Records(dir["out"], "documents").Select(d => d["id"]!.GetValue<string>()));
        Assert.Equal("text/html", Records(dir["out"], "documents")[0]["content_type"]!.GetValue<string>());
        Runs.AssertBalanced(stats);
    }

    [Fact]
    public void ABadLengthIsABadHeaderAndReadingGoesOnAtTheNextLine()
    {
        var arc = Arc(1,
            "http://old.example/x.html 192.0.2.1 19961104142103 text/html -1\n",
            Record("http://old.example/a.html", Http(Page)));
        var (pages, damage, _) = WarcReads.Read(Encoding.UTF8.GetBytes(arc));
        Assert.Equal("http://old.example/a.html", Assert.Single(pages).TargetUri);
        var bad = Assert.Single(damage);
        Assert.Equal(RejectionReasons.WarcBadHeader, bad.Reason);
        Assert.Contains("without a valid length", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnArcCutShortKeepsThePagesBeforeTheCut()
    {
        var arc = Encoding.UTF8.GetBytes(Arc(1, Record("http://old.example/a.html", Http(Page)), Record("http://old.example/b.html", Http(Page))));
        var (pages, damage, _) = WarcReads.Read(arc[..^40]);
        Assert.Equal("http://old.example/a.html", Assert.Single(pages).TargetUri);
        Assert.Equal(RejectionReasons.WarcTruncatedRecord, Assert.Single(damage).Reason);
    }

    [Fact]
    public void EveryCutOfAnArcEndsWithWholePagesOnly()
    {
        var arc = Encoding.UTF8.GetBytes(Arc(1, Record("http://old.example/a.html", Http(Page)), Record("http://old.example/b.html", Http(Page))));
        var whole = WarcReads.Read(arc).Pages;
        for (var cut = 0; cut < arc.Length; cut += 7)
        {
            var (pages, _, _) = WarcReads.Read(arc[..cut]);
            Assert.True(pages.Count <= whole.Count);
            for (var i = 0; i < pages.Count; i++)
            {
                Assert.Equal(whole[i].Body, pages[i].Body);
            }
        }
    }

    [WarcTestDataFact]
    public void PywbsArcFileGoesThroughARunAsAPage()
    {
        using var dir = new TempDir();
        var stats = new WinnowPipelineBuilder().Add(new Winnow.Extraction.ExtractStage()).Build()
            .Run(new RunOptions { Inputs = [WarcTestData.File("pywb/example.arc")], OutputDirectory = dir["out"] });
        var document = Assert.Single(Records(dir["out"], "documents"));
        Assert.Equal("http://example.com/", document["url"]!.GetValue<string>());
        Assert.Equal("Example Domain", document["attributes"]!["extract"]!["title"]!.GetValue<string>());
        Assert.Contains("This domain is established to be used for illustrative examples", document["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Runs.AssertBalanced(stats);
    }
}
