using System.Diagnostics;
using Winnow.Cli;
using Winnow.Synth;
using Winnow.Tests.Cli;
using Winnow.Tests.Support;
using Xunit.Abstractions;

namespace Winnow.Tests.Sharding;

/// <summary>A sharded run killed with SIGKILL at random points and resumed each time ends with the bytes of an uninterrupted run.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class CrashResumeTests(ITestOutputHelper output)
{
    [Fact]
    public void ARunKilledTenTimesAndResumedGivesTheBytesOfAnUninterruptedRun()
    {
        using var dir = new TempDir();
        var corpus = dir["corpus.jsonl"];
        SyntheticCorpus.Generate(new SynthOptions { Docs = 2000, Seed = 11 }, corpus);
        string[] common = [corpus, "--boilerplate", "remove", "--reuse", "-q", "-t", "2"];

        var (code, _, _) = CliTests.Capture(() => Program.Run(["run", .. common, "--out", dir["single/run"]]));
        Assert.Equal(0, code);
        var expected = RunOutputReader.AllFiles(dir["single/run"]);

        // Both outputs are named 'run': the report's title names the folder.
        // How long an uninterrupted sharded run takes here sets the range of the kill points.
        string[] sharded = ["run", .. common, "--out", dir["sharded/run"], "--tasks", "3", "--workers", "2", "--input-shard-mb", "1"];
        var clock = Stopwatch.StartNew();
        Assert.Equal(0, RunProcess(sharded, killAfter: null));
        var full = clock.Elapsed;
        Directory.Delete(dir["sharded/run"], recursive: true);

        var random = new Random(20261122);
        var killed = 0;
        for (var i = 0; i < 10; i++)
        {
            var at = TimeSpan.FromMilliseconds(full.TotalMilliseconds * (0.05 + (0.3 * random.NextDouble())));
            killed += RunProcess(sharded, at) == -1 ? 1 : 0;
        }

        output.WriteLine($"{killed} of 10 kills hit a running process (an uninterrupted run took {full.TotalSeconds:N1} s)");
        Assert.Equal(0, RunProcess(sharded, killAfter: null));
        var actual = RunOutputReader.AllFiles(dir["sharded/run"]);
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (name, bytes) in expected)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actual[name]), $"{name} differs after {killed} kills");
        }

        Assert.False(Directory.Exists(Path.Combine(dir["sharded/run"], ".winnow", "units")), "the units' files are left after the run");
    }

    /// <summary>Runs the CLI in its own process; kills it (SIGKILL) after <paramref name="killAfter"/>. Returns its exit code, or -1 when killed.</summary>
    private static int RunProcess(string[] args, TimeSpan? killAfter)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (killAfter is { } delay && !process.WaitForExit(delay))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return -1;
        }

        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"winnow {string.Join(' ', args)} failed: {error.Result}{output.Result}");
        return process.ExitCode;
    }
}
