using System.Diagnostics;
using System.Text;
using Winnow.Tests.Support;

namespace Winnow.Tests.Robustness;

/// <summary>
/// Ctrl-C (SIGINT) or SIGTERM during a single-process run: the command stops between batches, says
/// what the folder now holds and what to do, removes its scratch, and exits 130.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class InterruptTests
{
    [UnixTheory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public void AnInterruptedRunSaysSoAndRemovesItsScratch(string signal)
    {
        using var dir = new TempDir();
        var pipe = dir["in.jsonl"];
        NamedPipeInputTests.MakeFifo(pipe);

        // The input is a pipe held open, so the run is still reading when the signal comes.
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Winnow.Cli.dll"), "run", pipe, "--out", dir["r"], "-q", "--no-report"])
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var run = Process.Start(start)!;
        var errors = run.StandardError.ReadToEndAsync();
        _ = run.StandardOutput.ReadToEndAsync();
        try
        {
            var opening = Task.Run(() => new FileStream(pipe, FileMode.Open, FileAccess.Write));
            Assert.True(opening.Wait(TimeSpan.FromSeconds(60)), "the run never opened its input");
            using var writer = opening.Result;
            writer.Write(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 100).Select(i => $"{{\"text\":\"record {i}\"}}\n"))));
            writer.Flush();
            for (var i = 0; i < 600 && !Directory.Exists(dir["r/.work"]); i++)
            {
                Thread.Sleep(100);
            }

            Assert.True(Directory.Exists(dir["r/.work"]), "the run never started");
            using (var kill = Process.Start(new ProcessStartInfo("kill", [$"-{signal}", run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!)
            {
                kill.WaitForExit();
            }

            Assert.True(run.WaitForExit(TimeSpan.FromSeconds(60)), "the run did not stop");
            Assert.Equal(130, run.ExitCode);
            Assert.Contains("stopped; ", errors.Result, StringComparison.Ordinal);
            Assert.Contains("run the command again with --overwrite", errors.Result, StringComparison.Ordinal);
            Assert.False(Directory.Exists(dir["r/.work"]), "the scratch of a run that cannot be resumed is removed");
            Assert.False(File.Exists(dir["r/stats.json"]));
        }
        finally
        {
            if (!run.HasExited)
            {
                run.Kill();
            }
        }
    }
}
