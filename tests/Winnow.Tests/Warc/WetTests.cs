using System.IO.Compression;
using System.Text;
using Winnow.Extraction;
using Winnow.Pipeline;
using Winnow.Tests.Support;
using Winnow.Warc;
using static Winnow.Tests.Support.RunOutputReader;

namespace Winnow.Tests.Warc;

/// <summary>WET files: Common Crawl's plain text of each page, one conversion record per page.</summary>
public sealed class WetTests
{
    /// <summary>A WET record as Common Crawl writes it.</summary>
    internal static string Conversion(string uri, string text, string date = "2024-05-18T01:58:10Z") =>
        $"WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: {uri}\r\nWARC-Date: {date}\r\nContent-Type: text/plain\r\nContent-Length: {Encoding.UTF8.GetByteCount(text)}\r\n\r\n{text}\r\n\r\n";

    private static byte[] GzipPerRecord(IEnumerable<string> records)
    {
        using var file = new MemoryStream();
        foreach (var record in records)
        {
            using var gzip = new GZipStream(file, CompressionLevel.Optimal, leaveOpen: true);
            gzip.Write(Encoding.UTF8.GetBytes(record));
        }

        return file.ToArray();
    }

    [Fact]
    public void ConversionRecordsArePlainTextDocumentsWithTheirTargetUri()
    {
        using var dir = new TempDir();
        var info = "WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Type: application/warc-fields\r\nContent-Length: 9\r\n\r\nisPartOf:\r\n\r\n";
        dir.Write("in/CC-MAIN-0001.warc.wet.gz", GzipPerRecord([info, Conversion("https://a.example/one", "First page.\nA second line.\n"), Conversion("https://b.example/two", "Deuxième page.")]));
        var stats = new WinnowPipelineBuilder().Add(new ExtractStage()).Build().Run(new RunOptions { Inputs = [dir["in"]], OutputDirectory = dir["out"] });
        var documents = Records(dir["out"], "documents");
        Assert.Equal(["https://a.example/one", "https://b.example/two"], documents.Select(d => d["url"]!.GetValue<string>()));
        Assert.Equal("First page.\nA second line.\n", documents[0]["text"]!.GetValue<string>());
        Assert.Equal("Deuxième page.", documents[1]["text"]!.GetValue<string>());
        Assert.All(documents, d => Assert.Null(d["content_type"]));
        Assert.All(documents, d => Assert.Null(d["attributes"]));
        Assert.Equal(1, stats.SkippedRecords[WarcSkipReasons.NotResponse]);
        Runs.AssertBalanced(stats);
    }

    [WarcTestDataFact]
    public void AWetMadeFromARealWarcGivesTheTextOfEachPage()
    {
        // Our own WET: resiliparse's Common Crawl WARC, each page's text extracted by our extractor,
        // written as conversion records the way Common Crawl writes them.
        var extractor = new HtmlExtractor();
        using var reader = WarcReader.Open(WarcTestData.File("resiliparse/warcfile.warc"));
        var pages = reader.Pages();
        var texts = pages.Select(p => (p.TargetUri!, extractor.Extract(Winnow.Text.CharsetDecoder.Decode(p.Body, p.ContentType), p.TargetUri).Text)).ToList();
        using var dir = new TempDir();
        dir.Write("in/warcfile.warc.wet.gz", GzipPerRecord(texts.Select(t => Conversion(t.Item1, t.Item2))));

        var stats = new WinnowPipelineBuilder().Build().Run(new RunOptions { Inputs = [dir["in"]], OutputDirectory = dir["out"] });
        var documents = Records(dir["out"], "documents");
        Assert.Equal(16, documents.Count);
        Assert.Equal(texts.Select(t => t.Item1), documents.Select(d => d["url"]!.GetValue<string>()));
        Assert.Equal(texts.Select(t => t.Item2), documents.Select(d => d["text"]!.GetValue<string>()));
        Runs.AssertBalanced(stats);
    }

    [WarcTestDataFact]
    public void CommonCrawlsWetSampleIsOneDocument()
    {
        using var dir = new TempDir();
        var stats = new WinnowPipelineBuilder().Build().Run(new RunOptions { Inputs = [WarcTestData.File("commoncrawl/whirlwind.warc.wet.gz")], OutputDirectory = dir["out"] });
        var document = Assert.Single(Records(dir["out"], "documents"));
        Assert.Equal("https://an.wikipedia.org/wiki/Escopete", document["url"]!.GetValue<string>());
        Assert.StartsWith("Escopete - Biquipedia, a enciclopedia libre\n", document["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, stats.SkippedRecords[WarcSkipReasons.NotResponse]);
        Runs.AssertBalanced(stats);
    }
}
