using System.CommandLine;
using Winnow.Dedup;
using Winnow.NearDedup;
using Winnow.Pipeline;

namespace Winnow.Cli.Commands;

/// <summary>`winnow dedup`: exact then near-duplicate removal only (no cleaning), with clusters.jsonl.</summary>
internal static class DedupCommand
{
    public static Command Create()
    {
        var options = new PipelineOptions();
        var near = new NearDedupCliOptions();
        var noExact = new Option<bool>("--no-exact") { Description = "Skip exact dedup: identical texts then cluster through MinHash like any near duplicate" };
        var clustersOnly = new Option<bool>("--clusters-only")
        {
            Description = "Write clusters.jsonl and stats.json only, not the documents (kept and removed are still counted); one pass over the input",
        };
        var command = new Command("dedup", "Remove exact and near duplicates (MinHash-LSH); writes kept and removed documents, stats and clusters.jsonl");
        options.AddTo(command, cleaning: false);
        near.AddTo(command);
        command.Options.Add(noExact);
        command.Options.Add(clustersOnly);
        var executor = new ExecutorOptions();
        executor.AddTo(command);
        command.SetAction(result =>
        {
            var nearOptions = near.ToOptions(result);
            if (!NearDedupCliOptions.Check(nearOptions))
            {
                return ExitCodes.Usage;
            }

            var writeDocuments = !result.GetValue(clustersOnly);
            if (!writeDocuments && executor.IsSharded(result))
            {
                System.Console.Error.WriteLine("winnow: --clusters-only runs in one process; drop the sharding options");
                return ExitCodes.Usage;
            }

            WinnowPipeline Pipeline()
            {
                var builder = new WinnowPipelineBuilder();
                if (!result.GetValue(noExact))
                {
                    builder.Add(new ExactDedupStage(options.ToExactDedupOptions(result)));
                }

                return builder.Add(new NearDedupStage(nearOptions)).Build();
            }

            var run = options.ToRunOptions(result) with { WriteDocuments = writeDocuments };
            return PipelineExecution.Execute(new RunSpec(Pipeline(), run, "dedup", Report: false), result.GetValue(options.Quiet), executor, result);
        });
        return command;
    }
}
