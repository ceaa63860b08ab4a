using System.CommandLine;
using Winnow.NearDedup;

namespace Winnow.Cli.Commands;

/// <summary>`winnow run`: the whole pipeline on a corpus.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var options = new PipelineOptions();
        var near = new NearDedupCliOptions();
        var noNearDedup = new Option<bool>("--no-near-dedup") { Description = "Skip the near-duplicate (MinHash-LSH) stage" };
        var command = new Command("run", "Run the pipeline: read, extract, deduplicate, filter, redact, and write kept, removed and rejected documents with stats");
        options.AddTo(command);
        var noReport = new Option<bool>("--no-report") { Description = "Do not write DIR/report.html at the end" };
        command.Options.Add(noReport);
        near.AddTo(command);
        command.Options.Add(noNearDedup);
        command.SetAction(result =>
        {
            if (!options.TryLoadCleaningStages(result, out var cleaning))
            {
                return ExitCodes.Usage;
            }

            using var nearDedup = result.GetValue(noNearDedup) ? null : new NearDedupStage(near.ToOptions(result));
            var pipeline = DefaultPipeline.Build(cleaning, options.ToExactDedupOptions(result), nearDedup);
            var code = PipelineExecution.Execute(pipeline, options.ToRunOptions(result), result.GetValue(options.Quiet));
            if (nearDedup is not null && code == ExitCodes.Ok)
            {
                NearDedupCliOptions.PrintSummary(nearDedup);
            }

            if (code == ExitCodes.Ok && !result.GetValue(noReport))
            {
                code = ReportCommand.Write(options.ToRunOptions(result).OutputDirectory);
            }

            return code;
        });
        return command;
    }
}
