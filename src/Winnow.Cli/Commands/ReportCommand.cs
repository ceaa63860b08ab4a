using System.CommandLine;
using System.Diagnostics;
using Winnow.Report;

namespace Winnow.Cli.Commands;

/// <summary>`winnow report DIR`: writes DIR/report.html for a run folder (docs/report.md).</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var dir = new Argument<string>("DIR") { Description = "A run folder written by 'winnow run'" };
        var output = new Option<string?>("--out", "-o") { Description = "Where to write the page (default DIR/report.html)" };
        var clusters = new Option<int>("--max-clusters") { Description = "Duplicate clusters listed, largest first", DefaultValueFactory = _ => new ReportOptions().MaxClusters };
        var command = new Command("report", "Write DIR/report.html: one self-contained page with counts, reasons, clusters, boilerplate, reuse and filter decisions")
        {
            dir, output, clusters,
        };
        command.SetAction(result =>
        {
            var options = new ReportOptions { MaxClusters = Math.Max(0, result.GetValue(clusters)) };
            return Write(result.GetValue(dir)!, options, result.GetValue(output));
        });
        return command;
    }

    /// <summary>Writes the report and prints its path; also used at the end of `run` and `demo`.</summary>
    public static int Write(string runDirectory, ReportOptions? options = null, string? output = null)
    {
        try
        {
            var clock = Stopwatch.StartNew();
            var report = ReportWriter.Write(runDirectory, options, output);
            System.Console.Out.WriteLine($"report: {Path.GetFullPath(report.Path)} ({report.Bytes / 1e6:N1} MB, {clock.Elapsed.TotalSeconds:N1} s)");
            return ExitCodes.Ok;
        }
        catch (DirectoryNotFoundException e)
        {
            System.Console.Error.WriteLine($"winnow: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (IOException e)
        {
            System.Console.Error.WriteLine($"winnow: cannot write the report: {e.Message}");
            return ExitCodes.Failed;
        }
    }
}
