using System.CommandLine;

namespace Winnow.Cli.Commands;

/// <summary>`winnow run`: the whole pipeline on a corpus.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var options = new PipelineOptions();
        var command = new Command("run", "Run the pipeline: read, deduplicate, and write kept, removed and rejected documents with stats");
        options.AddTo(command);
        var noReport = new Option<bool>("--no-report") { Description = "Do not write DIR/report.html at the end" };
        command.Options.Add(noReport);
        command.SetAction(result =>
        {
            var pipeline = DefaultPipeline.Build(options.ToExactDedupOptions(result));
            return PipelineExecution.Execute(pipeline, options.ToRunOptions(result), result.GetValue(options.Quiet), report: !result.GetValue(noReport));
        });
        return command;
    }
}
