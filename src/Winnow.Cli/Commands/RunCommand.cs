using System.CommandLine;
using Winnow.Dedup;
using Winnow.NearDedup;
using Winnow.Pipeline;

namespace Winnow.Cli.Commands;

/// <summary>`winnow run`: the whole pipeline on a corpus.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var options = new PipelineOptions();
        var command = new Command("run", "Run the pipeline: read, deduplicate, and write kept, removed and rejected documents with stats");
        var near = new NearDedupCliOptions();
        var nearDedup = new Option<bool>("--near-dedup") { Description = "Add the near-duplicate (MinHash-LSH) stage after exact dedup; see 'winnow dedup' for its options" };
        options.AddTo(command);
        near.AddTo(command);
        command.Options.Add(nearDedup);
        command.SetAction(result =>
        {
            var builder = new WinnowPipelineBuilder().Add(new ExactDedupStage(options.ToExactDedupOptions(result)));
            using var stage = result.GetValue(nearDedup) ? new NearDedupStage(near.ToOptions(result)) : null;
            if (stage is not null)
            {
                builder.Add(stage);
            }

            var code = PipelineExecution.Execute(builder.Build(), options.ToRunOptions(result), result.GetValue(options.Quiet));
            if (stage is not null)
            {
                NearDedupCliOptions.PrintSummary(stage);
            }

            return code;
        });
        return command;
    }
}
