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
    public void AMissingFolderIsAUsageError()
    {
        using var dir = new TempDir();
        var (code, _, error) = CliTests.Capture(() => Program.Run(["report", dir["absent"]]));
        Assert.Equal(1, code);
        Assert.Contains("no such run folder", error, StringComparison.Ordinal);
    }
}
