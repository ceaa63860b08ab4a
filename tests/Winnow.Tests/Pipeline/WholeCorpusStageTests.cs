using System.Text.Json.Nodes;
using Winnow.Documents;
using Winnow.Pipeline;
using Winnow.Tests.Support;
using static Winnow.Tests.Support.RunOutputReader;

namespace Winnow.Tests.Pipeline;

/// <summary>A whole-corpus stage observes everything, resolves, then applies in a second pass.</summary>
public sealed class WholeCorpusStageTests
{
    /// <summary>Removes documents shorter than the corpus's mean length: needs the whole corpus.</summary>
    private sealed class BelowMeanStage : CorpusStage
    {
        /// <summary>What the last run observed and applied, for the test to check.</summary>
        public List<long> Observed { get; } = [];

        public List<long> Applied { get; } = [];

        public override string Name => "below_mean";

        internal override CorpusStageRun Start(StageContext context) => new Run(this, context);

        private sealed class Run(BelowMeanStage stage, StageContext context) : CorpusStageRun(context)
        {
            private long _total;
            private long _count;
            private double _mean = double.NaN;

            public override void Observe(IReadOnlyList<Document> batch)
            {
                Assert.True(double.IsNaN(_mean), "observation after resolve");
                foreach (var d in batch)
                {
                    stage.Observed.Add(d.Ordinal);
                    _total += d.Text.Length;
                    _count++;
                }
            }

            public override void Resolve() => _mean = (double)_total / _count;

            public override void Apply(IReadOnlyList<Document> batch)
            {
                foreach (var d in batch)
                {
                    stage.Applied.Add(d.Ordinal);
                    if (d.Text.Length < _mean)
                    {
                        d.Remove(new Removal(stage.Name, "below_mean", Detail: $"mean={_mean:F1}"));
                    }
                }
            }

            public override void SaveObservations(string directory) => throw new NotSupportedException();

            public override void LoadObservations(string directory, ShardSpan shard) => throw new NotSupportedException();

            public override void SaveDecisions(string directory, IReadOnlyList<ShardSpan> shards) => throw new NotSupportedException();

            public override void LoadDecisions(string directory, ShardSpan shard, string applied) => throw new NotSupportedException();

            public override JsonObject? Finish(string? decisions, IReadOnlyList<(string Directory, ShardSpan Shard)> applied) => null;
        }
    }

    private sealed class TagStage : DocumentStage
    {
        public override string Name => "tag";

        public override void Process(Document document) => document.SetAttribute(Name, "length", document.Text.Length);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(8)]
    public void SecondPassReplaysSurvivorsInOrderWithEverythingIntact(int threads)
    {
        using var dir = new TempDir();
        var lines = Enumerable.Range(0, 5000).Select(i =>
            $"{{\"id\":\"d{i}\",\"text\":\"{new string('x', i % 97)} {i}\",\"url\":\"https://h{i % 3}.example/{i}\",\"metadata\":{{\"n\":{i}}}}}");
        dir.Write("in/a.jsonl", string.Join('\n', lines) + "\n{broken\n");
        var stage = new BelowMeanStage();
        var pipeline = new WinnowPipelineBuilder().Add(new TagStage()).Add(stage).Build();
        var stats = pipeline.Run(new RunOptions { Inputs = [dir["in"]], OutputDirectory = dir["out"], Threads = threads });

        Assert.Equal(Enumerable.Range(0, 5000).Select(i => (long)i), stage.Observed);
        Assert.Equal(stage.Observed, stage.Applied);
        var kept = Records(dir["out"], "documents");
        var removed = Records(dir["out"], "removed");
        Assert.Equal(5000, kept.Count + removed.Count);
        Assert.All(removed, r => Assert.Equal("below_mean", r["removed"]!["reason"]!.GetValue<string>()));
        var first = kept[0];
        var i0 = int.Parse(first["id"]!.GetValue<string>()[1..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(i0, Long(first["metadata"]!["n"]));
        Assert.Equal($"https://h{i0 % 3}.example/{i0}", first["url"]!.GetValue<string>());
        Assert.Equal(i0 + 1, Long(first["source"]!["line"]));
        Assert.Equal(first["text"]!.GetValue<string>().Length, Long(first["attributes"]!["tag"]!["length"]));
        Assert.DoesNotContain("_ordinal", Json(first), StringComparison.Ordinal);
        Assert.Equal(removed.Count, stats.Stages[1].Removed.Documents);
        Assert.Equal(1, stats.Rejected.Documents);
        Runs.AssertBalanced(stats);
        Assert.False(Directory.Exists(dir["out/.work"]));
    }

    [Fact]
    public void UnchangedTextsAreWrittenAsTheInputWroteThemAcrossTheSpill()
    {
        // Escapes the writer would spell otherwise (\u00e9, \/): a whole-corpus stage's spill must not respell them.
        using var dir = new TempDir();
        var lines = Enumerable.Range(0, 50).Select(i => $"{{\"id\":\"d{i}\",\"text\":\"caf\\u00e9 \\/ {new string('z', i)}\"}}").ToList();
        dir.Write("in/a.jsonl", string.Join('\n', lines) + "\n");
        var pipeline = new WinnowPipelineBuilder().Add(new BelowMeanStage()).Build();
        pipeline.Run(new RunOptions { Inputs = [dir["in"]], OutputDirectory = dir["out"], Threads = 2 });
        var written = Directory.GetFiles(dir["out/documents"]).Concat(Directory.GetFiles(dir["out/removed"])).SelectMany(File.ReadAllLines).ToList();
        Assert.Equal(50, written.Count);
        Assert.All(written, line => Assert.Contains("\"text\":\"caf\\u00e9 \\/ ", line, StringComparison.Ordinal));
    }

    [Fact]
    public void OutputIsByteIdenticalWhateverTheThreadCount()
    {
        using var dir = new TempDir();
        var lines = Enumerable.Range(0, 3000).Select(i => $"{{\"id\":\"d{i}\",\"text\":\"{new string('y', i * 31 % 50)} t{i % 700}\"}}");
        dir.Write("in/a.jsonl", string.Join('\n', lines));
        SortedDictionary<string, byte[]>? reference = null;
        foreach (var threads in new[] { 1, 2, 8 })
        {
            var pipeline = new WinnowPipelineBuilder()
                .Add(new Winnow.Dedup.ExactDedupStage())
                .Add(new TagStage())
                .Add(new BelowMeanStage())
                .Build();
            pipeline.Run(new RunOptions { Inputs = [dir["in"]], OutputDirectory = dir[$"out{threads}"], Threads = threads, Output = new() { MaxDocuments = 500 } });
            var files = AllFiles(dir[$"out{threads}"]);
            Assert.True(files.Count > 3);
            if (reference is null)
            {
                reference = files;
                continue;
            }

            Assert.Equal(reference.Keys, files.Keys);
            foreach (var (name, bytes) in reference)
            {
                Assert.True(bytes.AsSpan().SequenceEqual(files[name]), $"{name} differs with {threads} threads");
            }
        }
    }

    [Fact]
    public void EmptyCorpusAfterFilteringStillCompletes()
    {
        using var dir = new TempDir();
        dir.Write("in/a.jsonl", "{nope\n");
        var stage = new BelowMeanStage();
        var stats = new WinnowPipelineBuilder().Add(stage).Build()
            .Run(new RunOptions { Inputs = [dir["in"]], OutputDirectory = dir["out"] });
        Assert.Empty(stage.Applied);
        Assert.Equal(1, stats.Rejected.Documents);
        Assert.True(File.Exists(dir["out/stats.json"]));
        Assert.IsType<JsonObject>(RunOutputReader.Stats(dir["out"]));
    }
}
