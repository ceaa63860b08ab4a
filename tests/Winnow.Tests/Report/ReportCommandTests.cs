using Winnow.Cli;
using Winnow.Tests.Cli;
using Winnow.Tests.Support;

namespace Winnow.Tests.Report;

/// <summary>`winnow report`, and the report at the end of `winnow run` (on by default).</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class ReportCommandTests
{
    [Fact]
    public void RunWritesTheReportUnlessToldNotTo()
    {
        using var dir = new TempDir();
        dir.Write("in.jsonl", "{\"id\":\"a\",\"text\":\"one\"}\n{\"id\":\"b\",\"text\":\"one\"}\n");
        var (code, output, _) = CliTests.Capture(() => Program.Run(["run", dir["in.jsonl"], "--out", dir["out"], "-q"]));
        Assert.Equal(0, code);
        Assert.True(File.Exists(dir["out/report.html"]));
        Assert.Contains("report:", output, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(dir["out"], "report.html"), output, StringComparison.Ordinal);

        (code, output, _) = CliTests.Capture(() => Program.Run(["run", dir["in.jsonl"], "--out", dir["quiet"], "-q", "--no-report"]));
        Assert.Equal(0, code);
        Assert.False(File.Exists(dir["quiet/report.html"]));
        Assert.DoesNotContain("report:", output, StringComparison.Ordinal);

        (code, _, _) = CliTests.Capture(() => Program.Run(["report", dir["quiet"]]));
        Assert.Equal(0, code);
        Assert.True(File.Exists(dir["quiet/report.html"]));
    }

    [Fact]
    public void TheDemoReportListsTheNearDuplicateClustersOfTheRun()
    {
        using var dir = new TempDir();
        var (code, output, _) = CliTests.Capture(() => Program.Run(["demo", "--dir", dir["demo"], "--docs", "400", "-q", "-t", "2"]));
        Assert.Equal(0, code);
        Assert.Contains("report:", output, StringComparison.Ordinal);
        var run = dir["demo/run"];
        var lines = File.ReadAllLines(Path.Combine(run, "clusters.jsonl")).Select(l => System.Text.Json.Nodes.JsonNode.Parse(l)!).ToList();
        Assert.NotEmpty(lines);
        using var data = ReportFixture.Data(File.ReadAllText(Path.Combine(run, "report.html")));
        var near = data.RootElement.GetProperty("clusters").EnumerateArray().Where(c => c.GetProperty("kind").GetString() == "near").ToList();
        Assert.Equal(lines.Count, near.Count);
        foreach (var line in lines)
        {
            var shown = near.Single(c => c.GetProperty("id").GetString() == "near:" + (long)line["cluster"]!);
            Assert.Equal((string)line["kept"]!, shown.GetProperty("kept").GetString());
            Assert.Equal((long)line["size"]!, shown.GetProperty("members").GetArrayLength());
        }
    }

    [Fact]
    public void AMissingFolderIsAUsageError()
    {
        using var dir = new TempDir();
        var (code, _, error) = CliTests.Capture(() => Program.Run(["report", dir["absent"]]));
        Assert.Equal(1, code);
        Assert.Contains("no such run folder", error, StringComparison.Ordinal);
    }
}
