using Winnow.Cli.Console;
using Winnow.NearDedup;
using Winnow.Pipeline;
using Winnow.Stats;

namespace Winnow.Cli.Commands;

/// <summary>
/// Runs a pipeline for a command: progress, rejection messages, errors, the summary (with each
/// near-dedup stage's own), and the report when asked.
/// </summary>
internal static class PipelineExecution
{
    public static int Execute(WinnowPipeline pipeline, RunOptions options, bool quiet, string label = "winnow", bool report = false)
    {
        var reporter = new ProgressReporter(quiet);
        try
        {
            var stats = reporter.Run(label, progress => pipeline.Run(options with { Progress = progress, OnRejected = reporter.Rejected }));
            if (reporter.Rejections > 20)
            {
                System.Console.Error.WriteLine($"winnow: … and {reporter.Rejections - 20:N0} more rejected records, all in {Path.Combine(options.OutputDirectory, "rejected")}/");
            }

            PrintSummary(stats, options.OutputDirectory, options.WriteDocuments);
            foreach (var nearDedup in pipeline.Stages.OfType<NearDedupStage>())
            {
                NearDedupCliOptions.PrintSummary(nearDedup);
            }

            return report ? ReportCommand.Write(options.OutputDirectory) : ExitCodes.Ok;
        }
        catch (InputRejectedException e)
        {
            System.Console.Error.WriteLine($"winnow: stopped at bad input (--on-error fail): {e.Message}");
            return ExitCodes.InputRejected;
        }
        catch (ArgumentException e)
        {
            System.Console.Error.WriteLine($"winnow: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException)
        {
            System.Console.Error.WriteLine("winnow: cancelled");
            return ExitCodes.Cancelled;
        }
        catch (IOException e)
        {
            System.Console.Error.WriteLine($"winnow: {e.Message}");
            return ExitCodes.Failed;
        }
    }

    public static void PrintSummary(RunStats stats, string outputDirectory, bool documents = true)
    {
        var o = System.Console.Out;
        var width = stats.RemovedByReason.Keys.Concat(stats.RejectedByReason.Keys).Concat(stats.SkippedRecords.Keys)
            .Select(r => r.Length + 4).Append(34).Max();
        void Line(string label, long value, string extra = "") => o.WriteLine($"{label.PadRight(width)}{value,12:N0}{extra}");
        Line("documents in:", stats.In.Documents, $"  ({stats.In.Bytes / 1e6:N1} MB)");
        Line("kept:", stats.Kept.Documents);
        Line("removed:", stats.Removed.Documents);
        foreach (var (reason, tally) in stats.RemovedByReason)
        {
            Line("  " + reason, tally.Documents);
        }

        Line("rejected:", stats.Rejected.Documents);
        foreach (var (reason, tally) in stats.RejectedByReason)
        {
            Line("  " + reason, tally.Documents);
        }

        if (stats.SkippedRecords.Count > 0)
        {
            // Container records that are not documents (WARC requests, non-HTML, non-200): counted, not in "in".
            Line("skipped records (not documents):", stats.SkippedRecords.Values.Sum());
            foreach (var (reason, count) in stats.SkippedRecords)
            {
                Line("  " + reason, count);
            }
        }

        var written = documents ? "documents/, removed/, rejected/, stats.json" : "no documents: clusters.jsonl, rejected/, stats.json";
        o.WriteLine($"output: {Path.GetFullPath(outputDirectory)}/ ({written})");
    }
}
