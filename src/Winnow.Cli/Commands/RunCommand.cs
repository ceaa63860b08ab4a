using System.CommandLine;
using Winnow.NearDedup;
using Winnow.Reuse;

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
        var boilerplate = new BoilerplateCliOptions();
        boilerplate.AddTo(command);
        var reuse = new Option<bool>("--reuse") { Description = "Also find passages shared between kept documents (reuse.jsonl; see 'winnow reuse' for its options)" };
        command.Options.Add(reuse);
        command.SetAction(result =>
        {
            if (!options.TryLoadCleaningStages(result, out var cleaning))
            {
                return ExitCodes.Usage;
            }

            using var nearDedup = result.GetValue(noNearDedup) ? null : new NearDedupStage(near.ToOptions(result));
            var pipeline = new DefaultPipeline
            {
                Chrome = result.GetValue(options.Chrome),
                Exact = options.ToExactDedupOptions(result),
                Cleaning = cleaning,
                NearDedup = nearDedup,
                Boilerplate = boilerplate.ToStage(result),
                Reuse = result.GetValue(reuse) ? new ReuseStage() : null,
            }.Build();
            return PipelineExecution.Execute(
                pipeline, options.ToRunOptions(result), result.GetValue(options.Quiet), report: !result.GetValue(noReport));
        });
        return command;
    }
}
