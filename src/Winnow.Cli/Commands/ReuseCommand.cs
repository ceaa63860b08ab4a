using System.CommandLine;
using Winnow.Pipeline;
using Winnow.Reuse;

namespace Winnow.Cli.Commands;

/// <summary>`winnow reuse`: passages shared between documents, written to reuse.jsonl.</summary>
internal static class ReuseCommand
{
    private static readonly ReuseOptions Defaults = new();

    public static Command Create()
    {
        var pipeline = new PipelineOptions();
        var boilerplate = new BoilerplateCliOptions();
        var maxDf = new Option<int>("--max-df") { Description = "Skip n-grams found in more than this many documents", DefaultValueFactory = _ => Defaults.MaxDf }.AtLeast(1);
        var minWords = new Option<int>("--min-words") { Description = "Shortest passage reported, in words", DefaultValueFactory = _ => Defaults.MinWords }.AtLeast(1);
        var minSimilarity = new Option<double>("--min-similarity") { Description = "Lowest passage similarity reported (0..1)", DefaultValueFactory = _ => Defaults.MinSimilarity }.Between(0.0, 1.0);
        var ngram = new Option<int>("--ngram") { Description = "Words per fingerprint n-gram", DefaultValueFactory = _ => Defaults.NgramSize }.Between(1, 64);
        var differentHosts = new Option<bool>("--different-hosts") { Description = "Only report pairs of documents from different hosts" };
        var command = new Command("reuse", "Find passages shared between documents (quotes, recycled paragraphs, syndicated copies) and write reuse.jsonl");
        pipeline.AddTo(command, cleaning: false, exactDedup: false);
        boilerplate.AddTo(command);
        foreach (var option in new Option[] { maxDf, minWords, minSimilarity, ngram, differentHosts })
        {
            command.Options.Add(option);
        }

        command.SetAction(result =>
        {
            var builder = new WinnowPipelineBuilder();
            if (boilerplate.ToStage(result) is { } stage)
            {
                builder.Add(stage);
            }

            builder.Add(new ReuseStage(new ReuseOptions
            {
                MaxDf = result.GetValue(maxDf),
                MinWords = result.GetValue(minWords),
                MinSimilarity = result.GetValue(minSimilarity),
                NgramSize = result.GetValue(ngram),
                DifferentHosts = result.GetValue(differentHosts),
            }));
            return PipelineExecution.Execute(builder.Build(), pipeline.ToRunOptions(result), result.GetValue(pipeline.Quiet));
        });
        return command;
    }
}
