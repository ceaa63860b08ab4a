using System.Text;
using Winnow.Extraction;
using Winnow.Pipeline;
using Winnow.Tests.Support;
using Winnow.Tests.Warc;
using Winnow.Warc;

namespace Winnow.Tests.Pipeline;

public class SkippedRecordsTests
{
    [Fact]
    public void SkippedWarcRecordsAreCountedInStatsButNotAsDocuments()
    {
        using var dir = new TempDir();
        var page = Encoding.UTF8.GetBytes("<html><body><p>A page long enough to be kept as the content of the page.</p></body></html>");
        var warc = new[]
        {
            WarcReaderTests.Record("warcinfo", null, "software: test\r\n"u8.ToArray()),
            WarcReaderTests.Record("request", "http://a.example/", "GET / HTTP/1.1\r\n\r\n"u8.ToArray()),
            WarcReaderTests.Record("response", "http://a.example/", WarcReaderTests.Http(200, "text/html", page)),
            WarcReaderTests.Record("response", "http://b.example/", WarcReaderTests.Http(404, "text/html", page)),
            WarcReaderTests.Record("response", "http://c.example/x.png", WarcReaderTests.Http(200, "image/png", [1, 2, 3])),
        }.SelectMany(r => r).ToArray();
        dir.Write("in/crawl.warc", warc);

        var stats = new WinnowPipelineBuilder().Add(new ExtractStage()).Build()
            .Run(new RunOptions { Inputs = [dir["in"]], OutputDirectory = dir["out"] });

        Assert.Equal(1, stats.In.Documents);
        Assert.True(stats.IsBalanced);
        Assert.Equal(2, stats.SkippedRecords[WarcSkipReasons.NotResponse]);
        Assert.Equal(1, stats.SkippedRecords[WarcSkipReasons.NotOk]);
        Assert.Equal(1, stats.SkippedRecords[WarcSkipReasons.NotHtml]);
        var json = RunOutputReader.Stats(dir["out"])["skipped_records"]!.AsObject();
        Assert.Equal(["warc_not_html", "warc_not_response", "warc_status_not_200"], json.Select(p => p.Key));
        Assert.Equal(2, json["warc_not_response"]!.GetValue<long>());
    }
}
