using Winnow.Cli;
using Winnow.Pipeline;
using Winnow.Tests.Cli;
using Winnow.Tests.Support;
using static Winnow.Tests.Support.RunOutputReader;

namespace Winnow.Tests.Robustness;

/// <summary>No command overwrites or deletes what it did not write, and two runs never share a folder.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class OutputSafetyTests
{
    private const string Page = "<html><body><p>A page of the user's own, with a paragraph long enough to be the article.</p></body></html>";

    [Fact]
    public void ExtractRefusesToWriteOverItsOwnInput()
    {
        using var dir = new TempDir();
        var page = dir.Write("page.html", Page);
        CliRun.Fails(1, "this is an input of the command", "extract", page, "--out", page, "--overwrite", "-q");
        Assert.Equal(Page, File.ReadAllText(page));
    }

    [Theory]
    [InlineData("extract")]
    [InlineData("synth")]
    [InlineData("report")]
    public void AnExistingFileIsReplacedOnlyWithOverwrite(string command)
    {
        using var dir = new TempDir();
        var page = dir.Write("in/page.html", Page);
        var existing = dir.Write("mine.jsonl", "my own data\n");
        string[] args = command switch
        {
            "extract" => ["extract", page, "--out", existing, "-q"],
            "synth" => ["synth", "--docs", "20", "--out", existing],
            _ => ["report", Run(dir), "--out", existing],
        };
        CliRun.Fails(1, "the file exists; pass --overwrite", args);
        Assert.Equal("my own data\n", File.ReadAllText(existing));
        var (code, _, error) = CliRun.Winnow([.. args, "--overwrite"]);
        Assert.True(code == 0, error);
        Assert.NotEqual("my own data\n", File.ReadAllText(existing));
        Assert.Empty(Directory.GetFiles(dir.Path, ".*.tmp"));
    }

    [Fact]
    public void OverwriteRemovesOnlyWhatTheEarlierRunWrote()
    {
        using var dir = new TempDir();
        var input = dir.Write("in.jsonl", "{\"text\":\"one\"}\n");
        CliRun.Ok("run", input, "--out", dir["out"]);
        var mine = dir.Write("out/my-notes.txt", "keep me");
        dir.Write("out/documents/my-extra.txt", "keep me too");
        CliRun.Fails(1, "already holds a run; pass --overwrite", "run", input, "--out", dir["out"]);
        CliRun.Ok("run", input, "--out", dir["out"], "--overwrite");
        Assert.Equal("keep me", File.ReadAllText(mine));
        Assert.Equal("keep me too", File.ReadAllText(dir["out/documents/my-extra.txt"]));
        Assert.True(File.Exists(dir["out/report.html"]));
        Assert.True(File.Exists(dir["out/stats.json"]));
    }

    [Fact]
    public void AnInputInsideTheOutputFolderIsRefused()
    {
        using var dir = new TempDir();
        var input = dir.Write("in.jsonl", "{\"text\":\"one\"}\n");
        CliRun.Ok("run", input, "--out", dir["out"], "--no-report", "--no-filters");
        var kept = dir["out/documents/part-00000.jsonl"];
        var before = File.ReadAllBytes(kept);
        CliRun.Fails(1, "lies inside the output folder", "run", dir["out/documents"], "--out", dir["out"], "--overwrite");
        Assert.Equal(before, File.ReadAllBytes(kept));
    }

    [Fact]
    public void ASecondRunOnAFolderInUseIsRefused()
    {
        using var dir = new TempDir();
        var input = dir.Write("in.jsonl", "{\"text\":\"one\"}\n");
        using (OutputFolder.Claim(dir["out"], []))
        {
            CliRun.Fails(1, "in use by another winnow run", "run", input, "--out", dir["out"], "--overwrite");
            CliRun.Fails(1, "in use by another winnow run", "run", input, "--out", dir["out"], "--overwrite", "--tasks", "2");
        }

        CliRun.Ok("run", input, "--out", dir["out"], "--overwrite");
    }

    [Fact]
    public void TwoShardedRunsAtOnceNeverShareAFolder()
    {
        using var dir = new TempDir();
        var lines = string.Concat(Enumerable.Range(0, 4000).Select(i => $"{{\"id\":\"d{i}\",\"text\":\"document number {i} with some words in it\"}}\n"));
        var input = dir.Write("in.jsonl", lines);
        string[] args = ["run", input, "--out", dir["out"], "--tasks", "3", "--input-shard-mb", "1", "-q", "--no-report", "--no-filters"];
        // One capture around both runs: the console is the process's, shared by the two.
        var codes = new int[2];
        var (_, _, errors) = CliTests.Capture(() =>
        {
            Parallel.For(0, 2, i => codes[i] = Program.Run(args));
            return 0;
        });
        Array.Sort(codes);
        Assert.True(codes is [0, 0] or [0, 1], errors);
        if (codes[1] == 1)
        {
            Assert.Contains("in use", errors, StringComparison.Ordinal);
        }

        var stats = RunOutputReader.Stats(dir["out"]);
        Assert.Equal(4000, Long(stats["documents"]!["in"]));
        Assert.Equal(4000, Long(stats["documents"]!["kept"]));
    }

    [Fact]
    public void ATaskOfAFolderHeldByARunIsRefused()
    {
        using var dir = new TempDir();
        var input = dir.Write("in.jsonl", "{\"text\":\"one\"}\n");
        CliRun.Ok("run", input, "--out", dir["out"], "--tasks", "1", "--no-report");
        using (OutputFolder.Claim(dir["out"], []))
        {
            CliRun.Fails(1, "in use", "task", dir["out"], "--step", "0");
        }
    }

    [Fact]
    public void StandardInputCannotBeSharded()
    {
        using var dir = new TempDir();
        CliRun.Fails(1, "standard input cannot be read by a sharded run", "run", "-", "--out", dir["out"], "--tasks", "2", "-q");
    }

    [Fact]
    public void AResumedShardedRunRefusesAChangedInput()
    {
        using var dir = new TempDir();
        var input = dir.Write("in.jsonl", "{\"text\":\"one\"}\n{\"text\":\"two\"}\n");
        string[] args = ["run", input, "--out", dir["out"], "--tasks", "1", "-q", "--no-report", "--no-filters"];
        CliRun.Ok(args);
        StopBeforeFinish(dir["out"]);
        File.AppendAllText(input, "{\"text\":\"three\"}\n");
        CliRun.Fails(1, "the input changed since the run was planned (in.jsonl was 30 bytes and is 47)", args);
    }

    [Fact]
    public void AResumedShardedRunRefusesAShardWhoseBytesChangedUnderTheSameSizeAndTime()
    {
        using var dir = new TempDir();
        var input = dir.Write("in.jsonl", "{\"text\":\"one\"}\n{\"text\":\"two\"}\n");
        string[] args = ["run", input, "--out", dir["out"], "--tasks", "1", "-q", "--no-report", "--no-filters"];
        CliRun.Ok(args);
        StopBeforeFinish(dir["out"]);
        File.WriteAllText(input, "{\"text\":\"eno\"}\n{\"text\":\"owt\"}\n");

        // An edit that keeps size and time (a copy with -p, a clock set back) is seen by the hash of the shard read.
        var plan = dir["out/.winnow/plan.json"];
        var node = Winnow.IO.FileSystemNode.Stat(input);
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(plan))!;
        json["shards"]![0]![0]!["mtime_s"] = node.Modified.Seconds;
        json["shards"]![0]![0]!["mtime_ns"] = node.Modified.Nanoseconds;
        File.WriteAllText(plan, json.ToJsonString());
        CliRun.Fails(1, "the bytes of input shard 0 (in.jsonl…) changed", args);
    }

    [Fact]
    public void TheDemoReplacesOnlyAFolderItMade()
    {
        using var dir = new TempDir();
        dir.Write("mine/thesis.tex", "mine");
        CliRun.Fails(1, "holds no demo", "demo", "--dir", dir["mine"], "--docs", "50", "-q");
        Assert.Equal("mine", File.ReadAllText(dir["mine/thesis.tex"]));
    }

    /// <summary>Makes a finished sharded run look stopped before its finish step: that step's marker removed.</summary>
    private static void StopBeforeFinish(string output) =>
        File.Delete(Directory.GetFiles(Path.Combine(output, ".winnow", "done")).Max(StringComparer.Ordinal)!);

    private static string Run(TempDir dir)
    {
        var input = dir.Write("run-in.jsonl", "{\"text\":\"one\"}\n");
        CliRun.Ok("run", input, "--out", dir["run"], "--no-report");
        return dir["run"];
    }
}
