using System.CommandLine;

namespace Winnow.Cli.Commands;

/// <summary>`winnow run`: the whole pipeline on a corpus.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var options = new PipelineOptions();
        var command = new Command("run", "Run the pipeline: read, extract, deduplicate, filter, redact, and write kept, removed and rejected documents with stats");
        options.AddTo(command);
        command.SetAction(result =>
        {
            if (!options.TryLoadCleaningStages(result, out var cleaning))
            {
                return ExitCodes.Usage;
            }

            var pipeline = DefaultPipeline.Build(cleaning, options.ToExactDedupOptions(result), result.GetValue(options.Chrome));
            return PipelineExecution.Execute(pipeline, options.ToRunOptions(result), result.GetValue(options.Quiet));
        });
        return command;
    }
}
