using System.Diagnostics;

namespace Winnow.Tests.Support;

/// <summary>Command-line tools of other projects (zstd, lz4): tests that need one skip when it is absent.</summary>
internal static class Tools
{
    public static bool Has(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, tool)));

    /// <summary>Runs <paramref name="tool"/> and fails the test unless it exits 0.</summary>
    public static void Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', args)}: exit {process.ExitCode}: {error}");
    }
}

/// <summary>A fact that is skipped when a command-line tool is not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(params string[] tools)
    {
        var missing = tools.FirstOrDefault(t => !Tools.Has(t));
        if (missing is not null)
        {
            Skip = $"{missing} is not installed (apt-get install {missing})";
        }
    }
}
