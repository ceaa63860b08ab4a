using Winnow.Boilerplate;
using Winnow.Dedup;
using Winnow.NearDedup;
using Winnow.Pipeline;
using Winnow.Reuse;
using Winnow.Synth;
using Winnow.Tests.Support;

namespace Winnow.Tests.Pipeline;

/// <summary>A built pipeline holds no run state: run again, or twice at once, it gives the bytes of a fresh one.</summary>
public sealed class ReusablePipelineTests
{
    private static WinnowPipeline EveryCorpusStage() => new WinnowPipelineBuilder()
        .Add(new ExactDedupStage())
        .Add(new NearDedupStage())
        .Add(new BoilerplateStage(new BoilerplateOptions { GroupBy = "host", MinDocs = 3 }))
        .Add(new ReuseStage())
        .Build();

    [Fact]
    public void TheSamePipelineRunTwiceAndAtOnceGivesTheBytesOfFreshOnes()
    {
        using var dir = new TempDir();
        SyntheticCorpus.Generate(new SynthOptions { Docs = 600, Seed = 3 }, dir["a.jsonl"]);
        SyntheticCorpus.Generate(new SynthOptions { Docs = 500, Seed = 4 }, dir["b.jsonl"]);
        RunOptions Options(string input, string output) => new() { Inputs = [dir[input]], OutputDirectory = dir[output], Threads = 2 };

        EveryCorpusStage().Run(Options("a.jsonl", "fresh-a"));
        EveryCorpusStage().Run(Options("b.jsonl", "fresh-b"));
        var shared = EveryCorpusStage();
        shared.Run(Options("a.jsonl", "first-a"));
        shared.Run(Options("a.jsonl", "second-a"));
        Parallel.Invoke(() => shared.Run(Options("a.jsonl", "concurrent-a")), () => shared.Run(Options("b.jsonl", "concurrent-b")));

        foreach (var (expected, actual) in new[] { ("fresh-a", "first-a"), ("fresh-a", "second-a"), ("fresh-a", "concurrent-a"), ("fresh-b", "concurrent-b") })
        {
            var want = RunOutputReader.AllFiles(dir[expected]);
            var got = RunOutputReader.AllFiles(dir[actual]);
            Assert.Equal(want.Keys, got.Keys);
            Assert.True(want.Sum(f => f.Value.Length) > 100_000, "the run wrote its outputs");
            foreach (var (name, bytes) in want)
            {
                Assert.True(bytes.AsSpan().SequenceEqual(got[name]), $"{actual}/{name} differs from {expected}/{name}");
            }
        }

        var stats = RunOutputReader.Stats(dir["second-a"]);
        Assert.True(RunOutputReader.Long(stats["documents"]!["removed"]) > 0, "the second run removed duplicates, as the first did");
    }
}
