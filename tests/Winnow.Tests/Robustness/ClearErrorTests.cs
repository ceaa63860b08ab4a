using System.Diagnostics;
using Winnow.Tests.Cli;
using Winnow.Tests.Support;

namespace Winnow.Tests.Robustness;

/// <summary>Every error is one line that says what is wrong and what to do, with a documented exit code; never a stack trace.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class ClearErrorTests
{
    [Theory]
    [InlineData("--part-docs", "0", "--part-docs must be at least 1")]
    [InlineData("--part-bytes", "0", "--part-bytes must be at least 1")]
    [InlineData("--threads", "0", "--threads must be at least 1")]
    [InlineData("--tasks", "-1", "--tasks must be at least 0")]
    [InlineData("--workers", "0", "--workers must be at least 1")]
    [InlineData("--retries", "-1", "--retries must be at least 0")]
    [InlineData("--max-doc-bytes", "-1", "--max-doc-bytes must be between 1 and")]
    [InlineData("--input-shard-mb", "0", "--input-shard-mb must be at least 1")]
    [InlineData("--slurm-cpus", "0", "--slurm-cpus must be at least 1")]
    [InlineData("--min-docs", "0", "--min-docs must be at least 2")]
    [InlineData("--threshold", "1.5", "--threshold must be between 0 and 1")]
    [InlineData("--num-perm", "0", "--num-perm must be between 1 and 4096")]
    [InlineData("--ngram", "0", "--ngram must be between 1 and 64")]
    [InlineData("--bands", "0", "--bands must be at least 1")]
    [InlineData("--sort-memory-mb", "0", "--sort-memory-mb must be between 1 and")]
    public void ANumericOptionOutOfRangeIsAUsageErrorNamingIt(string option, string value, string expected)
    {
        using var dir = new TempDir();
        var input = dir.Write("in.jsonl", "{\"text\":\"x\"}\n");
        CliRun.Fails(1, expected, "run", input, "--out", dir["out"], option, value);
        Assert.False(Directory.Exists(dir["out"]), "nothing is written for a refused command line");
    }

    [Theory]
    [InlineData("synth", "--docs", "0")]
    [InlineData("extract", "--threads", "0")]
    [InlineData("report", "--max-clusters", "-1")]
    [InlineData("reuse", "--min-similarity", "2")]
    public void OtherCommandsCheckTheirNumbersToo(string command, string option, string value)
    {
        using var dir = new TempDir();
        var input = dir.Write("in.jsonl", "{\"text\":\"x\"}\n");
        string[] args = command switch
        {
            "synth" => ["synth", "--out", dir["c.jsonl"]],
            "extract" => ["extract", input, "--out", dir["x.jsonl"]],
            "report" => ["report", dir.Path],
            _ => ["reuse", input, "--out", dir["out"]],
        };
        CliRun.Fails(1, $"{option} must be", [.. args, option, value]);
    }

    [Fact]
    public void AnUnknownOptionIsNamedAsOne()
    {
        using var dir = new TempDir();
        var input = dir.Write("in.jsonl", "{\"text\":\"x\"}\n");
        CliRun.Fails(1, "unknown option --bogus", "run", input, "--out", dir["out"], "--bogus");
    }

    [Fact]
    public void DedupAndReuseDoNotOfferTheRunFile()
    {
        using var dir = new TempDir();
        var input = dir.Write("in.jsonl", "{\"text\":\"x\"}\n");
        var config = dir.Write("run.yaml", "filters: []\n");
        CliRun.Fails(1, "--config", "dedup", input, "--out", dir["out"], "--config", config);
        CliRun.Fails(1, "--config", "reuse", input, "--out", dir["out2"], "--config", config);
    }

    [Fact]
    public void ARunFileNestedTooDeepIsACleanError()
    {
        using var dir = new TempDir();
        var input = dir.Write("in.jsonl", "{\"text\":\"x\"}\n");
        var config = dir.Write("deep.yaml", "filters:\n  - " + new string('[', 100_000) + new string(']', 100_000) + "\n");
        CliRun.Fails(1, "deep.yaml:2:", "run", input, "--out", dir["out"], "--config", config);
        CliRun.Fails(1, "nested more than 64 levels deep", "run", input, "--out", dir["out"], "--config", config);
    }

    [Theory]
    [InlineData("filters:\n  - gopher_quality:\n      min_words: -5\n", "3:18")]
    [InlineData("filters:\n  - c4:\n      min_words_per_line: 1e20\n", "3:27")]
    public void ANegativeOrHugeCountInARunFileIsAnErrorWithItsPlace(string yaml, string at)
    {
        using var dir = new TempDir();
        var input = dir.Write("in.jsonl", "{\"text\":\"x\"}\n");
        var config = dir.Write("run.yaml", yaml);
        CliRun.Fails(1, $"run.yaml:{at}: ", "run", input, "--out", dir["out"], "--config", config);
    }

    [Theory]
    [InlineData("status")]
    [InlineData("report")]
    public void ADamagedStatsFileIsSaidToBeDamaged(string command)
    {
        using var dir = new TempDir();
        var input = dir.Write("in.jsonl", "{\"text\":\"x\"}\n");
        CliRun.Ok("run", input, "--out", dir["out"], "--no-report");
        File.WriteAllText(dir["out/stats.json"], "{\"documents\": {\"in\": 1,");
        CliRun.Fails(3, "stats.json is damaged", command, dir["out"]);
    }

    [Fact]
    public void AnOutputFolderThatCannotBeMadeIsOneLineAndExitThree()
    {
        using var dir = new TempDir();
        var input = dir.Write("in.jsonl", "{\"text\":\"x\"}\n");
        var file = dir.Write("a-file", "x");
        CliRun.Fails(3, "winnow: ", "run", input, "--out", Path.Combine(file, "out"));
    }

    [UnixFact]
    public void PermissionDeniedIsOneLineAndExitThree()
    {
        using var dir = new TempDir();
        var input = dir.Write("in.jsonl", "{\"text\":\"x\"}\n");

        // /proc refuses new entries even to root: the one place every Linux user meets EACCES-like refusal.
        CliRun.Fails(3, "winnow: ", "run", input, "--out", "/proc/winnow-test-out");
    }

    [UnixFact]
    public void ADiskFullIsOneLineSayingSoAndExitThree()
    {
        using var dir = new TempDir();
        var small = dir["small"];
        Directory.CreateDirectory(small);
        if (!Mount(small))
        {
            return; // Mounting a small tmpfs needs root; where it cannot be had, the case is covered by the message test below.
        }

        try
        {
            var input = dir.Write("in.jsonl", string.Concat(Enumerable.Range(0, 20_000).Select(i => $"{{\"text\":\"document {i} {new string('x', 200)}\"}}\n")));
            CliRun.Fails(3, "the disk is full", "run", input, "--out", Path.Combine(small, "out"), "--no-filters", "--no-report");
        }
        finally
        {
            Exec("umount", small);
        }
    }

    [Fact]
    public void AMissingNativeLibraryIsOneLineSayingWhatToKeepTogether()
    {
        // What the native command throws when copied without libMono.Unix.so beside it.
        var error = new TypeInitializationException("Mono.Unix.Native.Syscall", new DllNotFoundException(
            "Unable to load shared library 'libMono.Unix' or one of its dependencies.\n/tmp/x/libMono.Unix: cannot open shared object file: No such file or directory\n"));
        var line = ReportedLine(error);
        Assert.StartsWith("winnow: a library the command needs cannot be loaded (Unable to load shared library 'libMono.Unix'", line, StringComparison.Ordinal);
        Assert.Contains("libMono.Unix.so beside it", line, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", line, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorsInsideParallelWorkAreReportedAsTheirCause()
    {
        var error = new AggregateException(new IOException("No space left on device : '/x/part-00000.jsonl'"));
        Assert.StartsWith("winnow: the disk is full", ReportedLine(error), StringComparison.Ordinal);
    }

    /// <summary>The one line the command prints for <paramref name="error"/> (exit 3).</summary>
    private static string ReportedLine(Exception error)
    {
        using var sink = new StringWriter();
        var old = Console.Error;
        Console.SetError(sink);
        try
        {
            Assert.Equal(3, global::Winnow.Cli.Commands.ErrorMessages.Report(error));
        }
        finally
        {
            Console.SetError(old);
        }

        return Assert.Single(sink.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static bool Mount(string folder) =>
        Environment.UserName == "root" && File.Exists("/usr/bin/mount") && Exec("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", folder);

    private static bool Exec(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { UseShellExecute = false, RedirectStandardError = true })!;
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0;
    }
}
