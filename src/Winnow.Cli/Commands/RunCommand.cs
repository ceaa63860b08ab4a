using System.CommandLine;
using Winnow.Dedup;
using Winnow.Filters;
using Winnow.Pipeline;

namespace Winnow.Cli.Commands;

/// <summary>`winnow run`: the whole pipeline on a corpus.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var options = new PipelineOptions();
        var config = new Option<string?>("--config") { Description = "YAML run file (docs/run-file.md); without it: Gopher, C4 and FineWeb filters, then PII redaction" };
        var command = new Command("run", "Run the pipeline: read, filter, redact, deduplicate, and write kept, removed and rejected documents with stats");
        options.AddTo(command);
        command.Options.Add(config);
        command.SetAction(result =>
        {
            IReadOnlyList<Stage> stages;
            try
            {
                var path = result.GetValue(config);
                stages = path is null ? FilterConfig.Default() : FilterConfig.Load(path);
            }
            catch (Exception e) when (e is FilterConfigException or IOException)
            {
                System.Console.Error.WriteLine(e.Message);
                return ExitCodes.Usage;
            }

            var builder = new WinnowPipelineBuilder();
            foreach (var stage in stages)
            {
                builder.Add(stage);
            }

            var pipeline = builder
                .Add(new ExactDedupStage(options.ToExactDedupOptions(result)))
                .Build();
            return PipelineExecution.Execute(pipeline, options.ToRunOptions(result), result.GetValue(options.Quiet));
        });
        return command;
    }
}
