using System.Diagnostics;
using Winnow.Cli;
using Winnow.Synth;
using Winnow.Tests.Support;

namespace Winnow.Tests.Cli;

/// <summary>`winnow run --tasks`, resuming, `winnow status`, and the Slurm scripts (run here by hand, with a stand-in sbatch).</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class ShardedCliTests
{
    private static string[] Corpus(TempDir dir)
    {
        SyntheticCorpus.Generate(new SynthOptions { Docs = 800, Seed = 5 }, dir["in/c.jsonl"]);
        return [dir["in/c.jsonl"], "--boilerplate", "annotate", "--reuse", "-q", "--no-report"];
    }

    [Fact]
    public void ASecondRunResumesNothingAndAnotherConfigurationIsRefused()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir["in"]);
        var common = Corpus(dir);
        var (code, _, _) = CliTests.Capture(() => Program.Run(["run", .. common, "--out", dir["single"]]));
        Assert.Equal(0, code);
        string[] sharded = ["run", .. common, "--out", dir["sharded"], "--tasks", "2", "--input-shard-mb", "1"];
        (code, var output, _) = CliTests.Capture(() => Program.Run(sharded));
        Assert.Equal(0, code);
        Assert.Contains("kept:", output, StringComparison.Ordinal);
        RunOutputReader.AssertSameRun(dir["single"], dir["sharded"]);

        // The same command again: every unit is done, nothing runs, the output stays.
        (code, output, _) = CliTests.Capture(() => Program.Run([.. sharded, "--workers", "1"]));
        Assert.Equal(0, code);
        Assert.Contains("already complete", output, StringComparison.Ordinal);
        RunOutputReader.AssertSameRun(dir["single"], dir["sharded"]);

        // Another option that changes the output would mix two configurations: refused.
        (code, _, var error) = CliTests.Capture(() => Program.Run([.. sharded, "--min-docs", "5"]));
        Assert.Equal(1, code);
        Assert.Contains("other options", error, StringComparison.Ordinal);
        Assert.Contains("--overwrite", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AShardedDedupPrintsTheNearDedupSummaryOfASingleProcessRun()
    {
        using var dir = new TempDir();
        SyntheticCorpus.Generate(new SynthOptions { Docs = 800, Seed = 6 }, dir["in/c.jsonl"]);
        string[] common = ["dedup", dir["in/c.jsonl"], "-q"];
        var (code, single, _) = CliTests.Capture(() => Program.Run([.. common, "--out", dir["single"]]));
        Assert.Equal(0, code);
        (code, var sharded, _) = CliTests.Capture(() => Program.Run([.. common, "--out", dir["sharded"], "--tasks", "3", "--input-shard-mb", "1"]));
        Assert.Equal(0, code);
        static string NearLine(string output) => output.Split('\n').Single(l => l.StartsWith("near dedup:", StringComparison.Ordinal));
        Assert.Contains(" clusters, ", NearLine(single), StringComparison.Ordinal);
        Assert.Equal(NearLine(single), NearLine(sharded));
    }

    [Fact]
    public void AnEditedRunFileOrAnotherBuildDoesNotResumeARun()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir["in"]);
        var common = Corpus(dir);
        dir.Write("run.yaml", "filters:\n  - gopher_repetition\n");
        string[] sharded = ["run", .. common, "--config", dir["run.yaml"], "--out", dir["run"], "--tasks", "2", "--input-shard-mb", "1"];
        Assert.Equal(0, CliTests.Capture(() => Program.Run(sharded)).Code);

        // The same path, other content: the run's units would mix two configurations.
        dir.Write("run.yaml", "filters:\n  - c4\n");
        var (code, _, error) = CliTests.Capture(() => Program.Run(sharded));
        Assert.Equal(1, code);
        Assert.Contains("other options", error, StringComparison.Ordinal);

        // A plan made by another build: neither a resumed run nor a Slurm task works on it.
        dir.Write("run.yaml", "filters:\n  - gopher_repetition\n");
        var plan = Path.Combine(dir["run"], ".winnow", "plan.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(plan))!;
        Assert.Equal(Winnow.WinnowInfo.Build, (string?)json["build"]);
        json["build"] = "0.0.1+other";
        File.WriteAllText(plan, json.ToJsonString());
        (code, _, error) = CliTests.Capture(() => Program.Run(sharded));
        Assert.Equal(1, code);
        Assert.Contains("planned by winnow 0.0.1+other", error, StringComparison.Ordinal);
        (code, _, error) = CliTests.Capture(() => Program.Run(["task", dir["run"], "--step", "0", "--task", "0", "--tasks", "1"]));
        Assert.Equal(1, code);
        Assert.Contains("--overwrite", error, StringComparison.Ordinal);
    }

    [Fact]
    public void StatusShowsTheStepsOfAnUnfinishedRun()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir["in"]);
        var common = Corpus(dir);
        string[] sharded = ["run", .. common, "--out", dir["run"], "--tasks", "3", "--input-shard-mb", "1"];
        Assert.Equal(0, CliTests.Capture(() => Program.Run(sharded)).Code);
        var (code, output, _) = CliTests.Capture(() => Program.Run(["status", dir["run"]]));
        Assert.Equal(0, code);
        Assert.Contains(": complete", output, StringComparison.Ordinal);
        Assert.Contains("resolve near_dedup", output, StringComparison.Ordinal);

        // Forget the finish step, as if the machine died during it.
        File.Delete(Directory.GetFiles(Path.Combine(dir["run"], ".winnow", "done")).Max()!);
        (code, output, _) = CliTests.Capture(() => Program.Run(["status", dir["run"]]));
        Assert.Equal(3, code);
        Assert.Contains("incomplete", output, StringComparison.Ordinal);
        Assert.Contains("finish: merge outputs", output, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSlurmScriptsRunTheTasksThatGiveTheLocalRunsBytes()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir["in"]);
        var common = Corpus(dir);

        // A stand-in sbatch records each script and its arguments and hands out job ids.
        Directory.CreateDirectory(dir["bin"]);
        File.WriteAllText(dir["bin/sbatch"], $"#!/bin/sh\necho \"$@\" >> '{dir["sbatch.log"]}'\nn=$(wc -l < '{dir["sbatch.log"]}')\necho $((100 + n))\n");
        File.WriteAllText(dir["bin/scontrol"], $"#!/bin/sh\necho \"$@\" >> '{dir["scontrol.log"]}'\n");
        Assert.False(OperatingSystem.IsWindows(), "the Slurm executor runs on Linux");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dir["bin/sbatch"], UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            File.SetUnixFileMode(dir["bin/scontrol"], UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var path = Environment.GetEnvironmentVariable("PATH");
        Environment.SetEnvironmentVariable("PATH", dir["bin"] + ":" + path);
        // A run file named relative to this folder; the tasks below start in another one.
        var runFile = $"sharded-cli-{Guid.NewGuid():N}.yaml";
        File.WriteAllText(runFile, "filters:\n  - gopher_repetition\n  - c4: {min_sentences: 2}\n");
        try
        {
            Assert.Equal(0, CliTests.Capture(() => Program.Run(["run", .. common, "--config", runFile, "--out", dir["single/run"]])).Code);
            var (code, output, error) = CliTests.Capture(() => Program.Run(
                ["run", .. common, "--config", runFile, "--out", dir["slurm/run"], "--executor", "slurm", "--tasks", "2", "--input-shard-mb", "1", "--slurm-partition", "cpu", "--slurm-throttle", "4", "--slurm-arg=--account=lm"]));
            Assert.True(code == 0, error);
            Assert.Contains("submitted", output, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
        }

        var calls = File.ReadAllLines(dir["sbatch.log"]);
        Assert.All(calls, c => Assert.Contains("--kill-on-invalid-dep=yes", c, StringComparison.Ordinal));
        Assert.DoesNotContain("--dependency", calls[0], StringComparison.Ordinal);
        // The first array waits, held, until the command has let the folder go; then it is released.
        Assert.Contains("--hold", calls[0], StringComparison.Ordinal);
        Assert.Equal(["release 101"], File.ReadAllLines(dir["scontrol.log"]));
        for (var i = 1; i < calls.Length; i++)
        {
            Assert.Contains($"--dependency=afterok:{100 + i}", calls[i], StringComparison.Ordinal);
        }

        // Run each array as Slurm would: every task of a step, steps in order.
        foreach (var script in calls.Select(c => c.Split(' ')[^1]))
        {
            var text = File.ReadAllText(script);
            Assert.Contains("#SBATCH --partition=cpu", text, StringComparison.Ordinal);
            Assert.Contains("#SBATCH --account=lm", text, StringComparison.Ordinal);
            var array = text.Split('\n').Single(l => l.StartsWith("#SBATCH --array=0-", StringComparison.Ordinal));
            Assert.EndsWith("%4", array, StringComparison.Ordinal);
            var last = int.Parse(array["#SBATCH --array=0-".Length..array.IndexOf('%', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
            for (var task = 0; task <= last; task++)
            {
                RunScript(script, task, dir["bin"]);
            }
        }

        File.Delete(runFile);
        RunOutputReader.AssertSameRun(dir["single/run"], dir["slurm/run"]);
    }

    private static void RunScript(string script, int task, string workingDirectory)
    {
        var start = new ProcessStartInfo("sh") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        start.ArgumentList.Add(script);
        start.Environment["SLURM_ARRAY_TASK_ID"] = task.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{script} task {task}: {error}{output.Result}");
    }
}
