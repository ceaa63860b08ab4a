using System.Text.Json.Nodes;
using Winnow.Cli;
using Winnow.Tests.Cli;
using Winnow.Tests.Support;

namespace Winnow.Tests.Robustness;

/// <summary>Runs the `winnow` command in-process as a user would, under a watchdog, and reads what it wrote.</summary>
internal static class CliRun
{
    private static readonly TimeSpan NoProgress = TimeSpan.FromSeconds(120);

    public static (int Code, string Out, string Error) Winnow(params string[] args) =>
        Watchdog.Run(() => CliTests.Capture(() => Program.Run(args)), NoProgress, () => "winnow " + string.Join(' ', args));

    /// <summary>A run that must succeed; returns its stats.json, checked to add up.</summary>
    public static JsonNode Ok(params string[] args)
    {
        var (code, _, error) = Winnow([.. args, "-q"]);
        Assert.True(code == 0, $"exit {code}: {error}");
        var stats = RunOutputReader.Stats(args[Array.IndexOf(args, "--out") + 1]);
        var docs = stats["documents"]!;
        Assert.Equal(RunOutputReader.Long(docs["in"]), RunOutputReader.Long(docs["kept"]) + RunOutputReader.Long(docs["removed"]) + RunOutputReader.Long(docs["rejected"]));
        return stats;
    }

    /// <summary>A command that must fail with <paramref name="code"/> and one line naming the problem (no stack trace).</summary>
    public static string Fails(int code, string expected, params string[] args)
    {
        var (actual, output, error) = Winnow(args);
        Assert.True(actual == code, $"exit {actual} (expected {code}): {error}{output}");
        Assert.True((error + output).Contains(expected, StringComparison.Ordinal), $"expected \"{expected}\" in: {error}{output}");
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", error, StringComparison.Ordinal);
        return error;
    }
}
