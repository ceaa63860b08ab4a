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
        var clusters = new Option<int>("--max-clusters") { Description = "Duplicate clusters listed, largest first", DefaultValueFactory = _ => new ReportOptions().MaxClusters }.AtLeast(0);
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace the --out file if it exists (DIR/report.html is the run's own and is always replaced)" };
        var command = new Command("report", "Write DIR/report.html: one self-contained page with counts, reasons, clusters, boilerplate, reuse and filter decisions")
        {
            dir, output, clusters, overwrite,
        };
        command.SetAction(result =>
        {
            var options = new ReportOptions { MaxClusters = result.GetValue(clusters) };
            if (options.MaxClusters < 0)
            {
                System.Console.Error.WriteLine("winnow: --max-clusters must be 0 or more");
                return ExitCodes.Usage;
            }

            if (result.GetValue(output) is { } path)
            {
                try
                {
                    IO.OutputFile.Check(path, result.GetValue(overwrite), []);
                }
                catch (ArgumentException e)
                {
                    System.Console.Error.WriteLine($"winnow: {e.Message}");
                    return ExitCodes.Usage;
                }
            }

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
        catch (InvalidDataException e)
        {
            System.Console.Error.WriteLine($"winnow: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            System.Console.Error.WriteLine($"winnow: cannot write the report: {e.Message}");
            return ExitCodes.Failed;
        }
    }
}
