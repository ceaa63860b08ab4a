using System.Diagnostics;
using Winnow.Pipeline;
using Winnow.Sharding;
using Winnow.Tests.Support;

namespace Winnow.Tests.Sharding;

/// <summary>The job script each Slurm array task runs, run here by hand with stand-in commands.</summary>
public sealed class SlurmScriptTests
{
    private static readonly PlanStep MapStep = new(0, StepKind.Map, "read", 2, 0, 0, 1, -1);

    [Fact]
    public void ACommandThatCannotStartOnTheNodeIsNamedWithItsReasonAndWhatToDo()
    {
        using var dir = new TempDir();
        // What a native command built for a newer CPU does on an older one: one line of the runtime's, before Main.
        var command = StandIn(dir, "echo 'The required instruction sets are not supported by the current CPU.' >&2; exit 255");

        var (code, error) = RunTask(dir, command);

        Assert.Equal(3, code);
        Assert.Contains($"the command cannot start on node {Environment.MachineName}", error, StringComparison.Ordinal);
        Assert.Contains("The required instruction sets are not supported by the current CPU.", error, StringComparison.Ordinal);
        Assert.Contains("WINNOW_CPU=portable", error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(File.Exists(dir["task-args"]), "the task must not be started");
    }

    [Fact]
    public void ACommandThatStartsRunsItsTask()
    {
        using var dir = new TempDir();
        var command = StandIn(dir, "exit 0");

        var (code, error) = RunTask(dir, command);

        Assert.True(code == 0, error);
        Assert.Equal($"task {dir["run"]} --step 0 --tasks 2 --retries 1 --threads 2 --task 1", File.ReadAllText(dir["task-args"]).Trim());
    }

    /// <summary>A stand-in for the command: runs <paramref name="onVersion"/> for --version, else records its arguments.</summary>
    private static string StandIn(TempDir dir, string onVersion)
    {
        var path = dir["bin/winnow with space"];
        Directory.CreateDirectory(dir["bin"]);
        File.WriteAllText(path, $"#!/bin/sh\nif [ \"$1\" = --version ]; then {onVersion}; fi\necho \"$@\" > '{dir["task-args"]}'\n");
        Assert.False(OperatingSystem.IsWindows(), "the Slurm executor runs on Linux");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    private static (int Code, string Error) RunTask(TempDir dir, string command)
    {
        var executor = new SlurmExecutor(dir["run"], new ShardedRunOptions { Tasks = 2, Retries = 1 }, new SlurmOptions { CpusPerTask = 2 }, [command]);
        File.WriteAllText(dir["job.sh"], executor.Script(MapStep, 2));
        var start = new ProcessStartInfo("sh") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dir["job.sh"]);
        start.Environment["SLURM_ARRAY_TASK_ID"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error + output.Result);
    }
}
