using System.CommandLine;
using Winnow.Dedup;
using Winnow.Extraction;
using Winnow.Pipeline;

namespace Winnow.Cli.Commands;

/// <summary>`winnow run`: the whole pipeline on a corpus.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var options = new PipelineOptions();
        var command = new Command("run", "Run the pipeline: read, deduplicate, and write kept, removed and rejected documents with stats");
        options.AddTo(command);
        command.SetAction(result =>
        {
            var pipeline = new WinnowPipelineBuilder()
                .Add(new ExtractStage())
                .Add(new ExactDedupStage(options.ToExactDedupOptions(result)))
                .Build();
            return PipelineExecution.Execute(pipeline, options.ToRunOptions(result), result.GetValue(options.Quiet));
        });
        return command;
    }
}
