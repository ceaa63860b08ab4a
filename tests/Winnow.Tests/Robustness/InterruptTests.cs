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
    [SigIntFact]
    public void ARunStoppedByCtrlCSaysSoAndRemovesItsScratch() => AnInterruptedRunSaysSoAndRemovesItsScratch("INT");

    [UnixFact]
    public void ARunStoppedBySigTermSaysSoAndRemovesItsScratch() => AnInterruptedRunSaysSoAndRemovesItsScratch("TERM");

    private static void AnInterruptedRunSaysSoAndRemovesItsScratch(string signal)
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

/// <summary>
/// A fact that sends SIGINT to a command it starts: skipped when this process ignores SIGINT (a
/// shell starts background jobs so), since the command inherits that and rightly keeps ignoring it.
/// </summary>
public sealed class SigIntFactAttribute : FactAttribute
{
    public SigIntFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "needs Unix signals";
        }
        else if (SigIntIgnored())
        {
            Skip = "SIGINT is ignored in this process (started in the background?), and so in the command it starts";
        }
    }

    private static bool SigIntIgnored()
    {
        if (!File.Exists("/proc/self/status"))
        {
            return false; // no procfs (macOS): assume the default disposition
        }

        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null
            && ulong.TryParse(line["SigIgn:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, null, out var ignored)
            && (ignored & (1UL << (2 - 1))) != 0; // bit n-1 for signal n; SIGINT is 2
    }
}
