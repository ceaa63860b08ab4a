using Winnow.Cli;
using Winnow.Tests.Support;

namespace Winnow.Tests.Cli;

/// <summary>The `winnow` command end to end; serialized because it writes to the console.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class CliTests
{
    [Fact]
    public void SynthThenRunAccountsForEveryDocument()
    {
        using var dir = new TempDir();
        var (code, output, _) = Capture(() => Program.Run(["synth", "--docs", "300", "--out", dir["c.jsonl"], "--seed", "7"]));
        Assert.Equal(0, code);
        Assert.Contains("300 documents", output, StringComparison.Ordinal);
        (code, output, _) = Capture(() => Program.Run(["run", dir["c.jsonl"], "--out", dir["out"], "-q", "-t", "1"]));
        Assert.Equal(0, code);
        var stats = RunOutputReader.Stats(dir["out"]);
        Assert.Equal(300, RunOutputReader.Long(stats["documents"]!["in"]));
        Assert.Contains("documents in:", output, StringComparison.Ordinal);
        var kept = RunOutputReader.Long(stats["documents"]!["kept"]);
        var removed = RunOutputReader.Long(stats["documents"]!["removed"]);
        Assert.Equal(300, kept + removed);
        Assert.True(removed > 0, "the synthetic corpus has exact copies");
    }

    [Fact]
    public void ChromeOptionRemovesSharePromptsOnlyWhenAsked()
    {
        using var dir = new TempDir();
        dir.Write("in/a.txt", "Share this:\nThe body starts here with a sentence long enough to count as prose in the article.\n");
        var (code, _, _) = Capture(() => Program.Run(["run", dir["in"], "--out", dir["plain"], "--no-filters", "-q"]));
        Assert.Equal(0, code);
        Assert.Contains("Share this:", File.ReadAllText(dir["plain/documents/part-00000.jsonl"]), StringComparison.Ordinal);
        (code, _, _) = Capture(() => Program.Run(["run", dir["in"], "--out", dir["chrome"], "--no-filters", "--chrome", "-q"]));
        Assert.Equal(0, code);
        var line = File.ReadAllText(dir["chrome/documents/part-00000.jsonl"]);
        Assert.DoesNotContain("Share this:", line, StringComparison.Ordinal);
        Assert.Contains("\"removed_lines\":1", line, StringComparison.Ordinal);
    }

    [Fact]
    public void FailOnErrorExitsNonZeroAndNamesTheRecord()
    {
        using var dir = new TempDir();
        dir.Write("in.jsonl", "{\"text\":\"ok\"}\n{broken\n");
        var (code, _, error) = Capture(() => Program.Run(["run", dir["in.jsonl"], "--out", dir["out"], "--on-error", "fail", "-q"]));
        Assert.Equal(2, code);
        Assert.Contains("in.jsonl:2", error, StringComparison.Ordinal);
        (code, _, error) = Capture(() => Program.Run(["run", dir["in.jsonl"], "--out", dir["out2"], "-q"]));
        Assert.Equal(0, code);
        Assert.Contains("rejected in.jsonl:2: malformed JSON", error, StringComparison.Ordinal);
    }

    [Fact]
    public void StatusTellsCompleteFromIncompleteRuns()
    {
        using var dir = new TempDir();
        dir.Write("in.jsonl", "{\"text\":\"one\"}\n{\"text\":\"one\"}\n");
        Assert.Equal(0, Capture(() => Program.Run(["run", dir["in.jsonl"], "--out", dir["out"], "-q", "--no-report", "--no-filters"])).Code);
        var (code, output, _) = Capture(() => Program.Run(["status", dir["out"]]));
        Assert.Equal(0, code);
        Assert.Contains("complete", output, StringComparison.Ordinal);
        Assert.Contains("documents in 2, kept 1, removed 1, rejected 0", output, StringComparison.Ordinal);

        File.Delete(dir["out/stats.json"]);
        (code, output, _) = Capture(() => Program.Run(["status", dir["out"]]));
        Assert.Equal(3, code);
        Assert.Contains("incomplete", output, StringComparison.Ordinal);
        Assert.Equal(1, Capture(() => Program.Run(["status", dir.Path])).Code);
    }

    [Fact]
    public void MissingInputIsAUsageError()
    {
        using var dir = new TempDir();
        var (code, _, error) = Capture(() => Program.Run(["run", dir["absent.jsonl"], "--out", dir["out"], "-q"]));
        Assert.Equal(1, code);
        Assert.Contains("no such file or folder", error, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryStageTogetherGivesTheSameBytesOnAnyThreadCount()
    {
        using var dir = new TempDir();
        foreach (var threads in new[] { "1", "3" })
        {
            var (code, _, _) = Capture(() => Program.Run(["demo", "--dir", dir["t" + threads], "--docs", "500", "-t", threads, "-q"]));
            Assert.Equal(0, code);
        }

        var one = RunOutputReader.AllFiles(dir["t1/run"]);
        var three = RunOutputReader.AllFiles(dir["t3/run"]);
        Assert.Contains("clusters.jsonl", one.Keys);
        Assert.Contains("reuse.jsonl", one.Keys);
        Assert.Contains("report.html", one.Keys);
        Assert.Equal(one.Keys, three.Keys);
        foreach (var (name, bytes) in one)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(three[name]), $"{name} differs between 1 and 3 threads");
        }
    }

    [Fact]
    public void DemoRunsThePipelineOnTheBuiltInSample()
    {
        using var dir = new TempDir();
        var (code, output, _) = Capture(() => Program.Run(["demo", "--dir", dir["demo"], "--docs", "400", "-q"]));
        Assert.Equal(0, code);
        Assert.Contains("kept:", output, StringComparison.Ordinal);
        var stats = RunOutputReader.Stats(dir["demo/run"]);
        Assert.Equal(400, RunOutputReader.Long(stats["documents"]!["in"]));
    }

    internal static (int Code, string Out, string Error) Capture(Func<int> run)
    {
        var (oldOut, oldError) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var error = new StringWriter();
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            return (run(), output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }
}

[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;
