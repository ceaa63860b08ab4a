using System.Text;
using Winnow.Documents;
using Winnow.Tests.Cli;
using Winnow.Tests.Support;
using static Winnow.Tests.Support.RunOutputReader;

namespace Winnow.Tests.Robustness;

/// <summary>Bad records: each is accounted for (kept, or rejected with FILE:LINE and a reason) and the run goes on.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class BadRecordTests
{
    private const string Plain = "{\"id\":\"c\",\"text\":\"plain\"}\n";

    [Theory]
    [InlineData("\u001c")]
    [InlineData("\u001d")]
    [InlineData("\u001e")]
    [InlineData("\u001f")]
    public void AnInformationSeparatorInTextEndsTheRun(string separator)
    {
        using var dir = new TempDir();
        var input = dir.Write("us.jsonl", $"{{\"id\":\"a\",\"text\":\"hello \\u{(int)separator[0]:x4} world\"}}\n" + Plain);
        var stats = CliRun.Ok("run", input, "--out", dir["r"], "--no-report");
        Assert.Equal(2, Long(stats["documents"]!["in"]));
        CliRun.Ok("dedup", input, "--out", dir["d"], "--clusters-only");
    }

    [Theory]
    [InlineData("{\"id\":\"b\",\"text\":\"x \\ud800 y\"}", "\"text\"")]
    [InlineData("{\"id\":\"b\\udc00\",\"text\":\"x\"}", "\"id\"")]
    [InlineData("{\"text\":\"x\",\"a\\ud83d\":1}", "holds a lone surrogate")]
    [InlineData("{\"text\":\"x\",\"url\":\"http://a/\\udfff\"}", "\"url\"")]
    public void ALoneSurrogateEscapeRejectsItsRecordWithFileAndLine(string line, string named)
    {
        using var dir = new TempDir();
        var input = dir.Write("sur.jsonl", line + "\n" + Plain);
        var (code, _, error) = CliRun.Winnow("run", input, "--out", dir["r"], "-q", "--no-report", "--no-filters");
        Assert.Equal(0, code);
        Assert.Contains("sur.jsonl:1", error, StringComparison.Ordinal);
        Assert.Contains(named, error, StringComparison.Ordinal);
        var rejected = Assert.Single(Records(dir["r"], "rejected"));
        Assert.Equal(RejectionReasons.InvalidUnicode, rejected["reason"]!.GetValue<string>());
        Assert.Equal("c", Assert.Single(Records(dir["r"], "documents"))["id"]!.GetValue<string>());
    }

    [Fact]
    public void AByteOrderMarkBeforeTheFirstRecordIsDropped()
    {
        using var dir = new TempDir();
        var input = dir.Write("bom.jsonl", Encoding.UTF8.GetBytes("\uFEFF{\"id\":\"first\",\"text\":\"one\"}\n" + Plain));
        var stats = CliRun.Ok("run", input, "--out", dir["r"], "--no-report", "--no-filters");
        Assert.Equal(0, Long(stats["documents"]!["rejected"]));
        Assert.Equal(["first", "c"], Records(dir["r"], "documents").Select(d => d["id"]!.GetValue<string>()));
    }

    [Fact]
    public void AUrlOrIdThatIsNotAStringIsKeptAsMetadata()
    {
        using var dir = new TempDir();
        var input = dir.Write("in.jsonl", "{\"id\":[1,2],\"text\":\"x\",\"url\":{\"host\":\"a\"}}\n");
        CliRun.Ok("run", input, "--out", dir["r"], "--no-report", "--no-filters");
        var doc = Assert.Single(Records(dir["r"], "documents"));
        Assert.Equal("in.jsonl:1", doc["id"]!.GetValue<string>());
        Assert.Equal("[1,2]", doc["metadata"]!["id"]!.ToJsonString());
        Assert.Equal("a", doc["metadata"]!["url"]!["host"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{\"text\":\"x\",\"site\":\"top\",\"metadata\":{\"site\":\"nested\"}}", "nested")]
    [InlineData("{\"text\":\"x\",\"site\":\"first\",\"site\":\"second\"}", "second")]
    public void AMetadataNameIsWrittenOnceLastValueWinning(string line, string site)
    {
        using var dir = new TempDir();
        var input = dir.Write("in.jsonl", line + "\n");
        CliRun.Ok("run", input, "--out", dir["r"], "--no-report", "--no-filters");
        var raw = File.ReadAllText(dir["r/documents/part-00000.jsonl"]);
        Assert.Equal(1, raw.Split("\"site\"").Length - 1);
        Assert.Equal(site, Assert.Single(Records(dir["r"], "documents"))["metadata"]!["site"]!.GetValue<string>());
    }

    [Fact]
    public void AJsonRecordNestedDeeperThanTheLimitIsRejected()
    {
        using var dir = new TempDir();
        var input = dir.Write("in.jsonl", "{\"text\":\"x\",\"m\":" + new string('[', 5000) + new string(']', 5000) + "}\n" + Plain);
        var stats = CliRun.Ok("run", input, "--out", dir["r"], "--no-report", "--no-filters");
        Assert.Equal(1, Long(stats["rejected_by_reason"]![RejectionReasons.MalformedJson]!["documents"]));
        Assert.Equal(1, Long(stats["documents"]!["kept"]));
    }
}
