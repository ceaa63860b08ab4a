using Winnow.Boilerplate;
using Winnow.Dedup;
using Winnow.Documents;
using Winnow.Extraction;
using Winnow.Filters;
using Winnow.NearDedup;
using Winnow.Pipeline;
using Winnow.Reuse;
using Winnow.Sharding;
using Winnow.Synth;
using Winnow.Tests.Support;

namespace Winnow.Tests.Sharding;

public sealed class ShardedRunTests
{
    /// <summary>Every stage kind: extraction, exact dedup, filters, near dedup, boilerplate, reuse.</summary>
    internal static WinnowPipeline EveryStage()
    {
        var builder = new WinnowPipelineBuilder().Add(new ExtractStage()).Add(new ExactDedupStage());
        foreach (var stage in FilterConfig.Default())
        {
            builder.Add(stage);
        }

        return builder
            .Add(new NearDedupStage(new MinHashOptions()))
            .Add(new BoilerplateStage(new BoilerplateOptions { GroupBy = "host", MinDocs = 3 }))
            .Add(new ReuseStage())
            .Build();
    }

    /// <summary>A synthetic corpus in one file, plus a small file with bad input, blank lines and a copy.</summary>
    internal static string[] Corpus(TempDir dir, int docs = 600)
    {
        var corpus = dir["in/a-corpus.jsonl"];
        Directory.CreateDirectory(dir["in"]);
        SyntheticCorpus.Generate(new SynthOptions { Docs = docs, Seed = 7 }, corpus);
        var first = File.ReadLines(corpus).First();
        File.WriteAllLines(dir["in/b-extra.jsonl"], ["{\"id\": \"bad\", \"text\": ", "", first.Replace("\"id\":\"", "\"id\":\"copy-", StringComparison.Ordinal), "   "]);
        return [dir["in"]];
    }

    internal static RunOptions Options(string[] inputs, string output, int threads) =>
        new() { Inputs = inputs, OutputDirectory = output, Threads = threads, Output = new Writers.OutputOptions { MaxDocuments = 150 } };

    [Fact]
    public void ShardedRunsGiveTheBytesOfASingleProcessRun()
    {
        using var dir = new TempDir();
        var inputs = Corpus(dir);
        var single = EveryStage().Run(Options(inputs, dir["single"], 2));
        Runs.AssertBalanced(single);
        Assert.True(single.Rejected.Documents > 0);
        Assert.True(single.Removed.Documents > 50);
        var expected = RunOutputReader.AllFiles(dir["single"]);
        foreach (var output in new[] { "clusters.jsonl", "boilerplate.jsonl", "reuse.jsonl", "removed/part-00001.jsonl", "documents/part-00001.jsonl" })
        {
            Assert.True(expected[output].Length > 100, $"{output} is too small to show anything");
        }

        Assert.True(single.RemovedByReason.Count >= 3, string.Join(", ", single.RemovedByReason.Keys));
        foreach (var (tasks, workers, shardBytes) in new[] { (1, 1, 1L << 30), (3, 2, 200_000L), (5, 3, 64_000L) })
        {
            var output = dir[$"sharded-{tasks}-{shardBytes}"];
            var options = Options(inputs, output, 2);
            var sharding = new ShardedRunOptions { Tasks = tasks, Workers = workers, InputShardBytes = shardBytes };
            var plan = ShardedRun.Prepare(EveryStage().Stages, options, sharding);
            Assert.Equal(shardBytes < 1L << 30, plan.Shards.Count > 2);
            var stats = new LocalExecutor(EveryStage(), options, sharding).Run(plan);
            Runs.AssertBalanced(stats!);
            var actual = RunOutputReader.AllFiles(output);
            Assert.Equal(expected.Keys, actual.Keys);
            foreach (var (name, bytes) in expected)
            {
                Assert.True(bytes.AsSpan().SequenceEqual(actual[name]), $"{name} differs with {tasks} tasks over {plan.Shards.Count} shards");
            }
        }
    }

    [Theory]
    [InlineData("parquet", "winnow", "zstd")]
    [InlineData("parquet", "datatrove", "snappy")]
    [InlineData("jsonl", "winnow", "zstd")]
    [InlineData("jsonl", "dolma", "gzip")]
    [InlineData("jsonl", "datatrove", "none")]
    public void EveryOutputFormatAndLayoutIsTheSameBytesWhateverTheThreadsAndTasks(string format, string layout, string compression)
    {
        using var dir = new TempDir();
        var inputs = Corpus(dir, docs: 300);
        var shards = new Writers.OutputOptions
        {
            MaxDocuments = 100,
            RowGroupBytes = 30_000,
            Format = format == "parquet" ? Writers.OutputFormat.Parquet : Writers.OutputFormat.Jsonl,
            Layout = Enum.Parse<Writers.OutputLayout>(layout, ignoreCase: true),
            Compression = Enum.Parse<Writers.OutputCompression>(compression, ignoreCase: true),
        };
        RunOptions With(string output, int threads) => Options(inputs, output, threads) with { Output = shards, Tokenizer = "cl100k_base" };
        EveryStage().Run(With(dir["t1"], 1));
        var expected = RunOutputReader.AllFiles(dir["t1"]);
        Assert.True(RunOutputReader.Long(RunOutputReader.Stats(dir["t1"])["tokens"]!["removed"]) > 0);
        Assert.Contains(expected.Keys, k => k.StartsWith("removed/part-00000", StringComparison.Ordinal));
        Assert.Contains(expected.Keys, k => k.StartsWith("documents/part-00001", StringComparison.Ordinal));
        EveryStage().Run(With(dir["t3"], 3));
        var options = With(dir["sharded"], 2);
        var sharding = new ShardedRunOptions { Tasks = 3, Workers = 2, InputShardBytes = 100_000 };
        var plan = ShardedRun.Prepare(EveryStage().Stages, options, sharding);
        Assert.True(plan.Shards.Count > 2);
        new LocalExecutor(EveryStage(), options, sharding).Run(plan);
        foreach (var run in new[] { "t3", "sharded" })
        {
            var actual = RunOutputReader.AllFiles(dir[run]);
            Assert.Equal(expected.Keys, actual.Keys);
            foreach (var (name, bytes) in expected)
            {
                Assert.True(bytes.AsSpan().SequenceEqual(actual[name]), $"{name} differs in {run}");
            }
        }
    }

    [Fact]
    public void AFileCutIntoPiecesKeepsItsLineNumbersInIdsAndRejections()
    {
        using var dir = new TempDir();
        var lines = new List<string>();
        for (var i = 0; i < 400; i++)
        {
            lines.Add(i % 37 == 5 ? "{\"text\": broken" : i % 11 == 0 ? "" : $"{{\"text\": \"document number {i % 150} of the test, with a few words\"}}");
        }

        File.WriteAllLines(dir["in.jsonl"], lines);

        // A file of blank lines alone, large enough to be cut, is rejected as a single process rejects it.
        File.WriteAllText(dir["blank.jsonl"], string.Concat(Enumerable.Repeat("   \t\r\n\n", 600)));
        static WinnowPipeline Exact() => new WinnowPipelineBuilder().Add(new ExactDedupStage()).Build();
        var options = Options([dir["in.jsonl"], dir["blank.jsonl"]], dir["single"], 2);
        var single = Exact().Run(options);
        Assert.Equal(1, single.RejectedByReason[RejectionReasons.EmptyFile].Documents);
        Assert.True(single.Rejected.Documents >= 10);
        Assert.True(single.Removed.Documents >= 100);

        var sharded = options with { OutputDirectory = dir["sharded"] };
        var sharding = new ShardedRunOptions { Tasks = 3, Workers = 2, InputShardBytes = 1_000 };
        var plan = ShardedRun.Prepare(Exact().Stages, sharded, sharding);
        Assert.True(plan.Shards.Count > 10);
        Assert.True(plan.Shards.Skip(1).Where(s => s[0].Path == dir["in.jsonl"]).All(s => s[0].FirstLine > 1));
        var blank = Assert.Single(plan.Shards.SelectMany(s => s), f => f.Path == dir["blank.jsonl"]);
        Assert.False(blank.IsSlice);
        var stats = new LocalExecutor(Exact(), sharded, sharding).Run(plan);
        Assert.Equal(single.BlankLines, stats!.BlankLines);
        var expected = RunOutputReader.AllFiles(dir["single"]);
        var actual = RunOutputReader.AllFiles(dir["sharded"]);
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (name, bytes) in expected)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actual[name]), $"{name} differs");
        }
    }
}
