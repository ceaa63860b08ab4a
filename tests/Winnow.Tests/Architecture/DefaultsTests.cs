using Winnow.Boilerplate;
using Winnow.Cli;
using Winnow.Cli.Commands;
using Winnow.NearDedup;
using Winnow.Pipeline;
using Winnow.Readers;
using Winnow.Reuse;
using Winnow.Sharding;
using Winnow.Writers;

namespace Winnow.Tests.Architecture;

/// <summary>What the command does without options is what the library does without options.</summary>
public sealed class DefaultsTests
{
    private static System.CommandLine.ParseResult Parse(params string[] args) => Program.CreateRoot().Parse(args);

    [Fact]
    public void TheRunCommandsDefaultsAreTheLibrarys()
    {
        var options = new PipelineOptions();
        var command = new System.CommandLine.Command("run");
        options.AddTo(command);
        var executor = new ExecutorOptions();
        executor.AddTo(command);
        var near = new NearDedupCliOptions();
        near.AddTo(command);
        var boilerplate = new BoilerplateCliOptions();
        boilerplate.AddTo(command);
        var result = command.Parse(["in.jsonl", "--out", "out"]);
        Assert.Empty(result.Errors);

        var run = options.ToRunOptions(result);
        Assert.Equal(new ReaderOptions(), run.Reader);
        Assert.Equal(new OutputOptions(), run.Output);
        Assert.Equal(new RunOptions { Inputs = [], OutputDirectory = "" }.Threads, run.Threads);
        Assert.Equal(new MinHashOptions(), near.ToOptions(result));

        var sharding = executor.ToShardedRunOptions(result) with { Config = "", Command = [], Tasks = new ShardedRunOptions().Tasks };
        Assert.Equal(new ShardedRunOptions() with { Command = sharding.Command }, sharding);
        Assert.Equal(new SlurmOptions() with { ExtraArguments = [] }, executor.ToSlurmOptions(result) with { ExtraArguments = [] });

        var flagged = command.Parse(["in.jsonl", "--out", "out", "--boilerplate", "remove"]);
        var stage = Assert.IsType<BoilerplateStage>(boilerplate.ToStage(flagged));
        Assert.Equal(new BoilerplateOptions().MinDocs, stage.Options.MinDocs);
        Assert.Equal(new BoilerplateOptions().GroupBy, stage.Options.GroupBy);
    }

    [Fact]
    public void TheReuseCommandsDefaultsAreTheLibrarys()
    {
        var help = Parse("reuse", "--help");
        var reuse = help.RootCommandResult.Command.Subcommands.Single(c => c.Name == "reuse");
        var defaults = new ReuseOptions();
        foreach (var (name, expected) in new (string, object)[] { ("--max-df", defaults.MaxDf), ("--min-words", defaults.MinWords), ("--min-similarity", defaults.MinSimilarity), ("--ngram", defaults.NgramSize) })
        {
            var option = reuse.Options.Single(o => o.Name == name);
            Assert.Equal(expected, option.GetDefaultValue());
        }
    }
}
