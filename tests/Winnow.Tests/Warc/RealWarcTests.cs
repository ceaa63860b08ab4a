using System.Security.Cryptography;
using Winnow.Documents;
using Winnow.Pipeline;
using Winnow.Tests.Support;
using Winnow.Warc;

namespace Winnow.Tests.Warc;

/// <summary>
/// The public test WARCs of warcio, pywb, resiliparse and jwarc (warc-testdata.tsv), each read as
/// warcio 1.8.1 reads it: its ArchiveIterator's response and resource records whose HTTP (or, for a
/// resource, record) Content-Type is text/html or application/xhtml+xml. The expectations were
/// counted with warcio; the digest is SHA-256 over the bodies of all those pages, any status, in
/// file order (its first 16 hex digits), as warcio's content_stream() gives them.
/// </summary>
public class RealWarcTests
{
    /// <summary>Files where Winnow reads what warcio reads: name, pages with status 200, pages of any status, digest, the damage reported (reasons, comma-separated).</summary>
    public static TheoryData<string, int, int, string, string> AsWarcio => new()
    {
        { "warcio/example-digest.warc", 0, 0, NoPages, "" },
        { "warcio/example-iana.org-chunked.warc", 1, 1, "aaf8c52338baf919", "" },
        { "warcio/example-resource.warc.gz", 1, 1, "c7c34a8693799a25", "" }, // a resource record
        { "warcio/example-space-in-target-uri.warc.gz", 0, 0, NoPages, "" },
        { "warcio/example-trunc.warc", 1, 1, ExamplePage, Stray }, // Content-Length 4 bytes short, gzip trailer cut
        { "warcio/example-wget-bad-target-uri.warc.gz", 1, 1, ExamplePage, "" }, // WARC-Target-URI: <http://...>
        { "warcio/example.warc", 1, 1, ExamplePage, "" },
        { "warcio/example.warc.gz", 1, 1, ExamplePage, "" },
        { "warcio/post-test.warc.gz", 0, 0, NoPages, "" },
        { "pywb/dupes.warc.gz", 1, 1, ExamplePage, "" },
        { "pywb/example-extra.warc", 2, 2, "64e350f46c612f96", "" }, // "HTTPX/1.1 200 OK"
        { "pywb/example-url-agnostic-orig.warc.gz", 1, 1, ExamplePage, "" },
        { "pywb/example-url-agnostic-revisit.warc.gz", 0, 0, NoPages, "" },
        { "pywb/example-wget-1-14.warc.gz", 1, 1, ExamplePage, "" },
        { "pywb/example-wpull.warc.gz", 1, 1, ExamplePage, "" },
        { "pywb/example.warc", 1, 2, "9a195732e17168cf", Stray }, // a revisit with a wrong Content-Length
        { "pywb/example.warc.gz", 1, 2, "9a195732e17168cf", "" },
        { "pywb/example2.warc.gz", 1, 1, ExamplePage, "" },
        { "pywb/httpbin-resource.warc.gz", 0, 0, NoPages, "" },
        { "pywb/iana.warc.gz", 16, 20, "7bfcfc7e38f9b261", "" }, // stale chunked, Content-Length: -1
        { "pywb/missing-status-text.warc", 0, 0, NoPages, "" }, // CR CR LF line ends
        { "pywb/post-test.warc.gz", 0, 0, NoPages, "" },
        { "resiliparse/block-sized-records.warc", 0, 0, NoPages, "" },
        { "resiliparse/block-sized-records.warc.gz", 0, 0, NoPages, "" },
        { "resiliparse/clueweb-quirk.warc.gz", 29, 29, "f1f07ad71d24995b", "" }, // stale gzip, bare LF heads, EUC-JP
        { "resiliparse/warcfile.warc", 16, 16, "548c201a14361430", "" },
        { "resiliparse/warcfile.warc.gz", 16, 16, "548c201a14361430", "" },
        { "jwarc/cc.warc.gz", 1, 1, "31a00a784de5c0ef", "" },
        { "jwarc/gzip_extra_sl.warc.gz", 0, 0, NoPages, "" },
        { "warcio/example.arc", 1, 1, ExamplePage, "" }, // ARC version 1
        { "warcio/example.arc.gz", 1, 1, ExamplePage, "" },
        { "warcio/bad.arc", 0, 0, NoPages, BadArc }, // lengths of -1 and "abc": warcio yields empty records, Winnow reports each header
        { "pywb/example.arc", 1, 1, ExamplePage, "" },
        { "pywb/example.arc.gz", 1, 1, ExamplePage, "" },
        { "pywb/bad.arc", 0, 0, NoPages, BadArc },
        { "resiliparse/warcfile.warc.lz4", 16, 16, "548c201a14361430", "" }, // LZ4 frames: warcio's counts are those of the .warc twin
        { "resiliparse/block-sized-records.warc.lz4", 0, 0, NoPages, "" },
    };

    /// <summary>
    /// Files where Winnow differs from warcio, on purpose: name, warcio's pages with status 200,
    /// Winnow's pages with status 200, of any status, their digest, and the damage reported.
    /// </summary>
    public static TheoryData<string, int, int, int, string, string> NotAsWarcio => new()
    {
        // warcio yields the one record cut short (74,970 of 88,275 bytes); a cut record is never a page.
        { "resiliparse/clipped.warc.gz", 1, 0, 0, NoPages, RejectionReasons.CorruptCompression },

        // Every record in one gzip member: warcio stops ("non-chunked gzip file"); Winnow reads them.
        { "warcio/example-bad-non-chunked.warc.gz", 0, 1, 1, ExamplePage, "" },
        { "warcio/example-bad.warc.gz.bad", 0, 1, 2, "9a195732e17168cf", "" },

        // A gzip member ends inside the record: warcio yields the page with an empty body, then stops.
        { "warcio/example-wrong-chunks.warc.gz", 1, 1, 1, ExamplePage, "" },

        // Spaces in the URL, and line ends made LF after the Archive-length was counted over CRLF: the
        // record is 12 bytes short. warcio yields the cut page; a cut record is never a page.
        { "warcio/example-space-in-url.arc", 1, 0, 0, NoPages, RejectionReasons.WarcTruncatedRecord },

        // Common Crawl's WET sample: warcio reads no HTML page; its one conversion record is a text document.
        { "commoncrawl/whirlwind.warc.wet", 0, 1, 1, WetText, "" },
        { "commoncrawl/whirlwind.warc.wet.gz", 0, 1, 1, WetText, "" },
    };

    /// <summary>The damage of a file whose only damage is stray bytes after a wrong Content-Length.</summary>
    private const string Stray = RejectionReasons.WarcStrayBytes;

    /// <summary>bad.arc: headers whose length is -1 or "abc", and lines read as headers after them.</summary>
    private const string BadArc = "warc_bad_header,warc_bad_header,warc_bad_header,warc_bad_header,warc_bad_http,warc_bad_header";

    /// <summary>The text of the WET sample's conversion record (https://an.wikipedia.org/wiki/Escopete).</summary>
    private const string WetText = "f1f039e4e238795d";

    /// <summary>The digest of no bytes.</summary>
    private const string NoPages = "e3b0c44298fc1c14";

    /// <summary>http://example.com/ as most of warcio's and pywb's files hold it (1,270 bytes).</summary>
    private const string ExamplePage = "3587cb776ce0e4e8";

    [WarcTestDataTheory]
    [MemberData(nameof(AsWarcio))]
    public void ReadsThePagesWarcioReads(string name, int warcioOk, int warcioAll, string warcioDigest, string damageReasons)
    {
        var path = WarcTestData.File(name);
        var (ok, _, _) = Read(path, onlyOk: true);
        var (all, digest, damage) = Read(path, onlyOk: false);

        Assert.Equal(warcioOk, ok.Count);
        Assert.Equal(warcioAll, all.Count);
        Assert.Equal(warcioDigest, digest);
        Assert.Equal(all.Count, all.Select(p => WarcEntry.Locate(name, p.Offset, p.OffsetInMember)).Distinct().Count());
        Assert.Equal(damageReasons, string.Join(",", damage.Select(d => d.Reason)));
    }

    [WarcTestDataTheory]
    [MemberData(nameof(NotAsWarcio))]
    public void DiffersFromWarcioOnlyWhereItShould(string name, int warcioOk, int winnowOk, int winnowAll, string winnowDigest, string damageReason)
    {
        var path = WarcTestData.File(name);
        var (ok, _, _) = Read(path, onlyOk: true);
        var (all, digest, damage) = Read(path, onlyOk: false);

        Assert.True(warcioOk != winnowOk || name.Contains("wrong-chunks", StringComparison.Ordinal), "a row here must differ from warcio");
        Assert.Equal((winnowOk, winnowAll, winnowDigest), (ok.Count, all.Count, digest));
        Assert.Equal(all.Count, all.Select(p => WarcEntry.Locate(name, p.Offset, p.OffsetInMember)).Distinct().Count());
        Assert.Equal(damageReason, string.Join(",", damage.Select(d => d.Reason)));
    }

    [WarcTestDataFact]
    public void EveryFileOfTheManifestHasAnExpectation()
    {
        var expected = AsWarcio.Select(row => (string)row[0]).Concat(NotAsWarcio.Select(row => (string)row[0])).Order(StringComparer.Ordinal);
        Assert.Equal(WarcTestData.Warcs().Order(StringComparer.Ordinal), expected);
    }

    [WarcTestDataFact]
    public void QuirksReadAsWarcioReadsThem()
    {
        var iana = Read(WarcTestData.File("pywb/iana.warc.gz"), onlyOk: true).Pages;
        Assert.All(iana, p => Assert.StartsWith("<!doctype html>", System.Text.Encoding.UTF8.GetString(p.Body).TrimStart(), StringComparison.Ordinal));

        var clueweb = Read(WarcTestData.File("resiliparse/clueweb-quirk.warc.gz"), onlyOk: true).Pages;
        Assert.All(clueweb, p => Assert.Equal("text/html; charset=EUC-JP", p.ContentType));
        Assert.All(clueweb, p => Assert.StartsWith("<html>", System.Text.Encoding.ASCII.GetString(p.Body, 0, 6), StringComparison.Ordinal));

        var wget = Assert.Single(Read(WarcTestData.File("warcio/example-wget-bad-target-uri.warc.gz"), onlyOk: true).Pages);
        Assert.Equal("http://example.com/", wget.TargetUri);

        var oneMember = Read(WarcTestData.File("warcio/example-bad-non-chunked.warc.gz"), onlyOk: true).Pages;
        Assert.True(Assert.Single(oneMember).OffsetInMember > 0, "the page is not the member's first record");
    }

    [WarcTestDataFact]
    public void TheWholeSetRunsWithEveryRecordAccountedFor()
    {
        using var dir = new TempDir();
        // The WARC folders as they lie in the test data (ids are paths relative to the input folder), without the Arrow files beside them.
        foreach (var folder in WarcTestData.WarcFolders())
        {
            foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
            {
                var copy = Path.Combine(dir["in"], Path.GetRelativePath(WarcTestData.Folder!, file));
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(file, copy);
            }
        }

        var stats = new WinnowPipelineBuilder().Build().Run(new RunOptions { Inputs = [dir["in"]], OutputDirectory = dir["out"] });

        // The folder reader takes WARC, ARC and WET files, plain or compressed; example-bad.warc.gz.bad is left out by its name.
        var pages = AsWarcio.Sum(row => (int)row[1]) + NotAsWarcio.Where(row => !((string)row[0]).EndsWith(".bad", StringComparison.Ordinal)).Sum(row => (int)row[2]);
        static int Count(string reasons) => reasons.Length == 0 ? 0 : reasons.Split(',').Length;
        var damages = AsWarcio.Sum(row => Count((string)row[4])) + NotAsWarcio.Sum(row => Count((string)row[5]));
        Runs.AssertBalanced(stats);
        Assert.Equal(pages + damages, stats.In.Documents);
        Assert.Equal(damages, stats.Rejected.Documents);
        var ids = RunOutputReader.Records(dir["out"], "documents").Select(d => d["id"]!.GetValue<string>()).ToList();
        Assert.Equal(pages, ids.Distinct().Count());
    }

    private static (List<WarcRecord> Pages, string Digest, List<WarcDamage> Damage) Read(string path, bool onlyOk)
    {
        using var reader = WarcReader.Open(path, new WarcReaderOptions { OnlyOk = onlyOk });
        var (pages, damage) = reader.ReadAll();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var page in pages)
        {
            sha.AppendData(page.Body);
        }

        return (pages, Convert.ToHexStringLower(sha.GetHashAndReset())[..16], damage);
    }
}
