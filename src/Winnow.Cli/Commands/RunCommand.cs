using System.CommandLine;
using Winnow.NearDedup;
using Winnow.Pipeline;
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
        var noExact = new Option<bool>("--no-exact") { Description = "Skip exact dedup: every document reaches the filters, identical texts included" };
        var command = new Command("run", "Run the pipeline: read, extract, deduplicate, filter, redact, and write kept, removed and rejected documents with stats");
        options.AddTo(command);
        var noReport = new Option<bool>("--no-report") { Description = "Do not write DIR/report.html at the end" };
        command.Options.Add(noReport);
        near.AddTo(command);
        command.Options.Add(noNearDedup);
        command.Options.Add(noExact);
        var boilerplate = new BoilerplateCliOptions();
        boilerplate.AddTo(command);
        var reuse = new Option<bool>("--reuse") { Description = "Also find passages shared between kept documents (reuse.jsonl; see 'winnow reuse' for its options)" };
        command.Options.Add(reuse);
        var executor = new ExecutorOptions();
        executor.AddTo(command);
        command.SetAction(result =>
        {
            if (!options.TryLoadCleaningStages(result, out var cleaning))
            {
                return ExitCodes.Usage;
            }

            var nearOptions = near.ToOptions(result);
            if (!result.GetValue(noNearDedup) && !NearDedupCliOptions.Check(nearOptions))
            {
                return ExitCodes.Usage;
            }

            WinnowPipeline Pipeline() => new DefaultPipeline
            {
                Chrome = result.GetValue(options.Chrome),
                Exact = options.ToExactDedupOptions(result),
                ExactDedup = !result.GetValue(noExact),
                Cleaning = cleaning,
                NearDedup = result.GetValue(noNearDedup) ? null : new NearDedupStage(nearOptions),
                Boilerplate = boilerplate.ToStage(result),
                Reuse = result.GetValue(reuse) ? new ReuseStage() : null,
            }.Build();
            var spec = new RunSpec(Pipeline(), options.ToRunOptions(result), "winnow", Report: !result.GetValue(noReport));
            return PipelineExecution.Execute(spec, result.GetValue(options.Quiet), executor, result);
        });
        return command;
    }
}
