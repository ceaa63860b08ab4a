using Winnow.Extraction;
using Winnow.Pipeline;
using Winnow.Readers;
using Winnow.Stats;
using Winnow.Tests.Cli;
using Winnow.Tests.Robustness;
using Winnow.Tests.Support;
using static Winnow.Tests.Support.RunOutputReader;

namespace Winnow.Tests.Formats;

/// <summary>Crawl dumps with the raw page in a column: --html-field makes it a page for extraction.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class HtmlFieldTests
{
    private const string Article = "<p>The harbour reopened on Monday after three weeks of repairs to the old sea wall, the council said in a statement.</p><p>Fishing boats returned at dawn and the market hall was busy again by nine.</p>";

    private static string Page(string title, string body = Article) =>
        $"<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>{title}</h1>{body}</article><footer>Copyright</footer></body></html>";

    private static RunStats Extract(string input, string output, Func<ReaderOptions, ReaderOptions> reader) =>
        new WinnowPipelineBuilder().Add(new ExtractStage()).Build().Run(new RunOptions
        {
            Inputs = [input],
            OutputDirectory = output,
            Threads = 2,
            Reader = reader(new ReaderOptions()),
        });

    [Fact]
    public void TheHtmlColumnOfAJsonlRecordIsExtractedAndNotCopied()
    {
        using var dir = new TempDir();
        var record = new System.Text.Json.Nodes.JsonObject { ["id"] = "p1", ["url"] = "https://news.example/harbour", ["html"] = Page("Harbour reopens"), ["text"] = "a crawler's own text", ["lang"] = "en" };
        dir.Write("in.jsonl", record.ToJsonString() + "\n{\"id\":\"p2\",\"html\":null,\"text\":\"no page: read as text\"}\n");
        var stats = Extract(dir["in.jsonl"], dir["out"], r => r with { HtmlField = "html" });
        var documents = Records(dir["out"], "documents");
        var page = documents[0];
        Assert.Contains("The harbour reopened on Monday", page["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("<p>", page["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Harbour reopens", page["attributes"]!["extract"]!["title"]!.GetValue<string>());
        Assert.Null(page["metadata"]!["html"]);
        Assert.Equal("a crawler's own text", page["metadata"]!["text"]!.GetValue<string>());
        Assert.Equal("en", page["metadata"]!["lang"]!.GetValue<string>());
        Assert.Equal("no page: read as text", documents[1]["text"]!.GetValue<string>());
        Runs.AssertBalanced(stats);
    }

    [Fact]
    public void KeepHtmlKeepsThePageAsMetadata()
    {
        using var dir = new TempDir();
        var html = Page("Kept");
        dir.Write("in.jsonl", new System.Text.Json.Nodes.JsonObject { ["page"] = html }.ToJsonString() + "\n");
        Extract(dir["in.jsonl"], dir["out"], r => r with { HtmlField = "page", KeepHtml = true });
        var document = Assert.Single(Records(dir["out"], "documents"));
        Assert.Equal(html, document["metadata"]!["page"]!.GetValue<string>());
        Assert.Equal("in.jsonl:1", document["id"]!.GetValue<string>());
    }

    [Fact]
    public void ARecordWithNeitherFieldSaysWhichItLooksFor()
    {
        using var dir = new TempDir();
        dir.Write("in.jsonl", "{\"body\":\"x\"}\n");
        Extract(dir["in.jsonl"], dir["out"], r => r with { HtmlField = "html" });
        var rejected = Assert.Single(Records(dir["out"], "rejected"));
        Assert.Contains("no \"html\" or \"text\" field", rejected["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void AParquetBinaryPageIsDecodedByItsCharsetColumn()
    {
        using var dir = new TempDir();
        // windows-1252 bytes: é is E9, which is not UTF-8 on its own.
        var latin = Page("Caf\\xE9 owners", "<p>The caf\\xE9 on the harbour reopened on Monday after three weeks of repairs, its owners said in a statement to the local paper.</p>");
        DuckDb.Execute($"""
            COPY (SELECT 'c1' AS id, {Sql(latin)}::BLOB AS content, 'windows-1252' AS charset
                  UNION ALL SELECT 'c2', encode({Sql(Page("Utf caf\xE9", "<p>The caf\xE9 by the sea reopened after the storm and served its first coffee to the fishermen at dawn.</p>"))}), NULL)
            TO {DuckDb.Quote(dir["in.parquet"])} (FORMAT parquet)
            """);
        Extract(dir["in.parquet"], dir["out"], r => r with { HtmlField = "content", CharsetField = "charset" });
        var documents = Records(dir["out"], "documents");
        Assert.Contains("The café on the harbour reopened", documents[0]["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Café owners", documents[0]["attributes"]!["extract"]!["title"]!.GetValue<string>());
        Assert.Contains("The café by the sea", documents[1]["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("windows-1252", documents[0]["metadata"]!["charset"]!.GetValue<string>());
    }

    private static string Sql(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    [Fact]
    public void TheCliTakesTheHtmlField()
    {
        using var dir = new TempDir();
        dir.Write("in.jsonl", new System.Text.Json.Nodes.JsonObject { ["html"] = Page("From the command line") }.ToJsonString() + "\n");
        var stats = CliRun.Ok("run", dir["in.jsonl"], "--out", dir["out"], "--html-field", "html", "--no-report", "--no-filters");
        Assert.Equal(1, Long(stats["documents"]!["kept"]));
        Assert.Contains("harbour reopened", Records(dir["out"], "documents")[0]["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
