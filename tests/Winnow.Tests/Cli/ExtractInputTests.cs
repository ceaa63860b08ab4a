using System.Text;
using Winnow.Cli;
using Winnow.Extraction;
using Winnow.Readers;
using Winnow.Tests.Support;
using Winnow.Tests.Warc;

namespace Winnow.Tests.Cli;

/// <summary>
/// What `winnow extract` reads: HTML pages and WARC, ARC or WET files, named or in folders, and
/// standard input (one page, or a WARC stream). Files of records (JSONL, Parquet) are not pages: one
/// named outright is a usage error, one met in a folder is skipped and counted.
/// </summary>
[Collection(nameof(ConsoleCollection))]
public sealed class ExtractInputTests
{
    private const string Page = "<html><head><title>Harbour</title></head><body><article><p>The harbour master counts the boats that come in with the tide each morning.</p></article></body></html>";

    [Fact]
    public void AWarcStreamOnStandardInputGivesItsPages()
    {
        var info = WarcReaderTests.Record("warcinfo", null, "software: test\r\n"u8.ToArray(), "application/warc-fields");
        var response = WarcReaderTests.Record("response", "http://a.example/harbour", WarcReaderTests.Http(200, "text/html", Encoding.UTF8.GetBytes(Page)));

        // One gzip member per record, as crawlers write them: a page's id is its member's offset, as from the file.
        byte[] gz = [.. IO.GzipTestData.Compress(info), .. IO.GzipTestData.Compress(response)];
        var page = Assert.Single(Pages(gz));
        Assert.Equal("http://a.example/harbour", page.Url);
        Assert.Equal(Page, Encoding.UTF8.GetString(page.Bytes));
        using var dir = new TempDir();
        var file = dir.Write("crawl.warc.gz", gz);
        var fromFile = PageInput.List(InputSet.Expand([file]).Files).Select(p => p.Read().Page).Single(p => p is not null)!;
        Assert.Equal(fromFile.Source.Replace("crawl.warc.gz", "-", StringComparison.Ordinal), page.Source);
        Assert.NotEqual("-@0", page.Source);
    }

    [Fact]
    public void AnHtmlPageOnStandardInputIsOnePage()
    {
        var page = Assert.Single(Pages(Encoding.UTF8.GetBytes(Page)));
        Assert.Equal("-", page.Source);
        Assert.Equal(Page, Encoding.UTF8.GetString(page.Bytes));
    }

    [Fact]
    public void AJsonlFileNamedOutrightIsAUsageError()
    {
        using var dir = new TempDir();
        dir.Write("records.jsonl", "{\"text\":\"a record\"}\n");
        var (code, _, error) = CliTests.Capture(() => Program.Run(["extract", dir["records.jsonl"], "--out", dir["out.jsonl"], "-q"]));
        Assert.Equal(1, code);
        Assert.Contains("extract reads HTML pages and WARC, ARC or WET files, not JSONL", error, StringComparison.Ordinal);
        Assert.Contains("--html-field", error, StringComparison.Ordinal);
        Assert.False(File.Exists(dir["out.jsonl"]));
    }

    [Fact]
    public void AJsonlFileInAFolderIsSkippedAndCountedNotExtractedAsAPage()
    {
        using var dir = new TempDir();
        dir.Write("in/a.html", Page);
        dir.Write("in/records.jsonl", "{\"text\":\"a record\"}\n");
        var (code, _, error) = CliTests.Capture(() => Program.Run(["extract", dir["in"], "--out", dir["out.jsonl"], "-q"]));
        Assert.Equal(0, code);
        var line = Assert.Single(File.ReadAllLines(dir["out.jsonl"]));
        Assert.Contains("\"file\":\"a.html\"", line, StringComparison.Ordinal);
        Assert.Contains("records.jsonl: skipped", error, StringComparison.Ordinal);
        Assert.Contains("skipped not_a_page_file: 1", error, StringComparison.Ordinal);
    }

    [Fact]
    public void APageExtractedFromTheReadingBufferIsThePageReadThenExtracted()
    {
        // `winnow extract` extracts a plain file from its thread's reading buffer; a WARC record and
        // a damaged file take the way through a page read on its own. The buffer is reused: a
        // long page read before a short one must leave nothing of itself in the short one's text.
        using var dir = new TempDir();
        var longPage = Page.Replace("counts the boats", "counts " + string.Concat(Enumerable.Repeat("the long boats and ", 4000)) + "the boats", StringComparison.Ordinal);
        dir.Write("in/a.html", longPage);
        dir.Write("in/b.html", Page);
        File.WriteAllBytes(dir["in/c.html.gz"], [.. IO.GzipTestData.Compress(Encoding.UTF8.GetBytes(Page))[..20]]);
        var response = WarcReaderTests.Record("response", "http://a.example/harbour", WarcReaderTests.Http(200, "text/html", Encoding.UTF8.GetBytes(Page)));
        File.WriteAllBytes(dir["in/d.warc.gz"], IO.GzipTestData.Compress(response));
        var extractor = new HtmlExtractor();
        var files = InputSet.Expand([dir["in"]]).Files;

        var extracted = PageInput.List(files).Select(p => p.Extract(extractor)).ToList();
        var read = PageInput.List(files).Select(p => p.Read()).ToList();

        Assert.Equal(4, extracted.Count);
        for (var i = 0; i < read.Count; i++)
        {
            var expected = read[i].Page is { } page ? extractor.Extract(page) : null;
            Assert.Equal(expected?.Text, extracted[i].Page?.Text);
            Assert.Equal(expected?.Url, extracted[i].Page?.Url);
            Assert.Equal(read[i].Page?.Source, extracted[i].Source);
            Assert.Equal(read[i].Page?.Bytes.Length ?? 0, extracted[i].Bytes);
            Assert.Equal(read[i].Message, extracted[i].Read.Message);
            Assert.Null(extracted[i].Read.Page);
        }

        Assert.Contains("the long boats", extracted[0].Page!.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("long boats", extracted[1].Page!.Text, StringComparison.Ordinal);
        Assert.Null(extracted[2].Page);
        Assert.Contains("c.html.gz", extracted[2].Read.Message, StringComparison.Ordinal);
        Assert.Equal("http://a.example/harbour", extracted[3].Page!.Url);
    }

    private static List<PageInput> Pages(byte[] standardInput)
    {
        using var stdin = new MemoryStream(standardInput);
        var skipped = new Dictionary<string, long>();
        var pages = new List<PageInput>();
        foreach (var pending in PageInput.List([new InputFile(InputFile.StandardInput, InputFile.StandardInput, InputKind.Jsonl, -1)], stdin))
        {
            var read = pending.Read();
            read.Report(skipped, message => Assert.Fail(message));
            if (read.Page is { } page)
            {
                pages.Add(page);
            }
        }

        return pages;
    }
}
