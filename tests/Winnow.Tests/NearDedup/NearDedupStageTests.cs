using System.Text.Json.Nodes;
using Winnow.Documents;
using Winnow.NearDedup;
using Winnow.Pipeline;
using Winnow.Tests.Support;
using static Winnow.Tests.Support.RunOutputReader;

namespace Winnow.Tests.NearDedup;

public sealed class NearDedupStageTests
{
    private static List<Document> Documents(IEnumerable<NearDupCorpus.Doc> docs) =>
        [.. docs.Select((d, i) => new Document(d.Id, d.Text, new DocumentSource("mem", i + 1, 0), i, d.Text.Length))];

    /// <summary>Runs the stage's phases by hand, cutting the corpus into batches of the given size.</summary>
    private static (NearDedupRun Stage, List<Document> Docs) RunPhases(List<NearDupCorpus.Doc> corpus, int threads, int batchSize, MinHashOptions options, TempDir dir)
    {
        var docs = Documents(corpus);
        var context = new StageContext(dir["out"], dir["work"], threads, CancellationToken.None);
        Directory.CreateDirectory(context.OutputDirectory);
        using var run = (NearDedupRun)new NearDedupStage(options).Start(context);
        foreach (var batch in docs.Chunk(batchSize))
        {
            run.Observe(batch);
        }

        run.Resolve();
        foreach (var batch in docs.Chunk(batchSize + 3))
        {
            run.Apply(batch);
        }

        run.Finish(null, []);
        return (run, docs);
    }

    private static string Describe(NearDedupRun stage) =>
        string.Join('\n', stage.Clusters.Select(c => $"{c.Id} {c.KeptId} " + string.Join(',', c.Members.Select(m => $"{m.Id}:{m.Similarity}"))));

    [Fact]
    public void FindsTheCloseCopiesAndNotTheFarVariants()
    {
        using var dir = new TempDir();
        var corpus = NearDupCorpus.Create();
        var (stage, docs) = RunPhases(corpus, threads: 2, batchSize: 17, new MinHashOptions(), dir);
        var truth = corpus.GroupBy(d => d.Truth).Where(g => g.Count() > 1).Select(g => string.Join(',', g.Select(d => d.Id).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal);
        var found = stage.Clusters.Select(c => string.Join(',', c.Members.Select(m => m.Id).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal);
        Assert.Equal(truth, found);
        Assert.Equal(stage.Summary!.Removed, docs.Count(d => d.IsRemoved));
        Assert.Equal(new LshParameters(21, 6), stage.Summary.Lsh);
        Assert.DoesNotContain(docs, d => d.Id.EndsWith("far", StringComparison.Ordinal) && d.IsRemoved);
    }

    [Fact]
    public void ClustersDoNotDependOnThreadsBatchesOrSpills()
    {
        var corpus = NearDupCorpus.Create(originals: 90, seed: 2);
        string? reference = null;
        byte[]? referenceFile = null;
        foreach (var (threads, batch, memory) in new[] { (1, 1000, 64L << 20), (2, 7, 12L * 50), (8, 31, 12L * 3) })
        {
            using var dir = new TempDir();
            var (stage, _) = RunPhases(corpus, threads, batch, new MinHashOptions { SortMemoryBytes = memory }, dir);
            Assert.Equal(memory < 1000 ? stage.Summary!.BandRecords * 12 / memory : 0, stage.Summary!.SpilledRuns);
            var file = File.ReadAllBytes(dir["out/clusters.jsonl"]);
            reference ??= Describe(stage);
            referenceFile ??= file;
            Assert.Equal(reference, Describe(stage));
            Assert.Equal(referenceFile, file);
        }

        Assert.NotEmpty(reference!);
    }

    [Fact]
    public void SignaturesHeldInMemoryOrReadFromDiskGiveTheSameClusters()
    {
        // Estimated verification reads signatures: from the in-memory copy, from the file (budget 0),
        // or from the file after the copy was dropped part-way (20 KB: about 40 signatures).
        var corpus = NearDupCorpus.Create(originals: 90, seed: 3);
        string? reference = null;
        foreach (var memory in new[] { 256L << 20, 0, 20_000 })
        {
            using var dir = new TempDir();
            var (stage, _) = RunPhases(corpus, 2, 17, new MinHashOptions { Verify = VerifyMode.Estimate, SignatureMemoryBytes = memory }, dir);
            reference ??= Describe(stage);
            Assert.Equal(reference, Describe(stage));
        }

        Assert.Contains("o0", reference, StringComparison.Ordinal);
    }

    [Fact]
    public void ExactVerificationKeepsNoSignatures()
    {
        // Exact verification measures shingle sets and never reads a signature back: none is
        // written, even past a memory budget of nothing, and a read would be a bug.
        using var dir = new TempDir();
        var path = dir["signatures.bin"];
        using var store = new SignatureStore(path, 128, memoryBytes: 0, kept: false);
        for (var i = 0; i < 10; i++)
        {
            store.Append(new uint[128]);
        }

        store.Seal();
        Assert.Equal(10, store.Count);
        Assert.False(File.Exists(path));
        Assert.Throws<InvalidOperationException>(() => store.Read(3, new uint[128]));
    }

    [Theory]
    [InlineData(KeepPolicy.FirstSeen)]
    [InlineData(KeepPolicy.Longest)]
    [InlineData(KeepPolicy.EarliestDate)]
    public void KeepPolicyChoosesTheKeptMember(KeepPolicy policy)
    {
        using var dir = new TempDir();
        var corpus = NearDupCorpus.Create(seed: 3);
        var docs = Documents(corpus);
        foreach (var (doc, d) in docs.Zip(corpus))
        {
            if (d.Date is not null)
            {
                doc.AddMetadata(new MetadataField("date", System.Text.Encoding.UTF8.GetBytes($"\"{d.Date}\"")));
            }
        }

        var context = new StageContext(dir["out"], dir["work"], 2, CancellationToken.None);
        Directory.CreateDirectory(context.OutputDirectory);
        using var stage = (NearDedupRun)new NearDedupStage(new MinHashOptions { Keep = policy }).Start(context);
        stage.Observe(docs);
        stage.Resolve();
        stage.Apply(docs);
        Assert.NotEmpty(stage.Clusters);
        var byId = corpus.ToDictionary(d => d.Id);
        foreach (var cluster in stage.Clusters)
        {
            var members = cluster.Members.Select(m => byId[m.Id]).ToList();
            var expected = policy switch
            {
                KeepPolicy.Longest => members.MaxBy(m => m.Text.Length)!,
                KeepPolicy.EarliestDate => members.MinBy(m => m.Date ?? "9999")!,
                _ => members[0],
            };
            Assert.Equal(expected.Id, cluster.KeptId);
            Assert.Single(cluster.Members, m => m.IsKept);
            Assert.Equal(cluster.Members.Min(m => m.Ordinal), cluster.Id);
        }

        Assert.All(docs.Where(d => d.IsRemoved), d => Assert.Contains(stage.Clusters, c => c.KeptId == d.Removal!.KeptId && c.Members.Any(m => m.Id == d.Id)));
    }

    [Fact]
    public void AChainOfNearDuplicatesIsOneCluster()
    {
        // a ~ b (J ≈ 0.85) and b ~ c (J ≈ 0.85), but a ≁ c (J ≈ 0.72): one component, one cluster,
        // so b and c, near duplicates of each other, are not torn apart around a.
        var random = new Random(5);
        var a = Enumerable.Range(0, 1000).Select(i => $"w{random.Next(100_000)}").ToArray();
        var b = Change(a, 0);
        var c = Change(b, 3);
        var corpus = new List<NearDupCorpus.Doc> { new("a", string.Join(' ', a), 0, null), new("b", string.Join(' ', b), 0, null), new("c", string.Join(' ', c), 0, null) };
        using var dir = new TempDir();
        var (stage, _) = RunPhases(corpus, 2, 10, new MinHashOptions(), dir);
        var cluster = Assert.Single(stage.Clusters);
        Assert.Equal(["a", "b", "c"], cluster.Members.Select(m => m.Id));
        Assert.Equal("a", cluster.KeptId);
        Assert.InRange(cluster.Members[1].Similarity, 0.8, 0.9);
        Assert.InRange(cluster.Members[2].Similarity, 0.6, 0.8);
        Assert.Equal(2, stage.Summary!.Removed);

        // 16 words replaced 60 apart, each changing its 5 shingles.
        static string[] Change(string[] words, int offset) => [.. words.Select((w, i) => i % 60 == offset + 10 ? w + "x" : w)];
    }

    [Fact]
    public void ExactVerificationMeasuresShingleSets()
    {
        using var dir = new TempDir();
        var corpus = NearDupCorpus.Create(seed: 4);
        var (stage, _) = RunPhases(corpus, 2, 50, new MinHashOptions { Verify = VerifyMode.Exact }, dir);
        Assert.NotEmpty(stage.Clusters);
        var byId = corpus.ToDictionary(d => d.Id);
        foreach (var cluster in stage.Clusters)
        {
            var kept = Shingles(byId[cluster.KeptId].Text);
            foreach (var member in cluster.Members)
            {
                var other = Shingles(byId[member.Id].Text);
                var jaccard = (double)kept.Intersect(other).Count() / kept.Union(other).Count();
                Assert.Equal(Math.Round(jaccard, 6), Math.Round(member.Similarity, 6));
            }
        }
    }

    private static HashSet<string> Shingles(string text)
    {
        var words = text.Split(' ');
        return [.. Enumerable.Range(0, words.Length - 4).Select(i => string.Join(' ', words[i..(i + 5)]))];
    }

    [Fact]
    public void PipelineRunWritesClustersAndRemovedRecordsNameClusterAndKeptDocument()
    {
        using var dir = new TempDir();
        var corpus = NearDupCorpus.Create(seed: 5);
        dir.Write("in/a.jsonl", NearDupCorpus.Jsonl(corpus) + "{\"id\":\"empty\",\"text\":\"!!!\"}\n");
        var stage = new NearDedupStage();
        var stats = new WinnowPipelineBuilder().Add(stage).Build().Run(new RunOptions { Inputs = [dir["in"]], OutputDirectory = dir["out"], Threads = 2 });
        Runs.AssertBalanced(stats);

        var lines = File.ReadAllLines(dir["out/clusters.jsonl"]).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(Long(stats.Stages.Single(s => s.Name == stage.Name).Details!["clusters"]), lines.Count);
        Assert.Equal(lines.Select(l => Long(l["cluster"])).Order(), lines.Select(l => Long(l["cluster"])));
        var removed = Records(dir["out"], "removed");
        Assert.Equal(lines.Sum(l => Long(l["size"]) - 1), removed.Count);
        foreach (var record in removed)
        {
            var removal = record["removed"]!;
            Assert.Equal("near_dedup", removal["stage"]!.GetValue<string>());
            Assert.Equal(NearDedupStage.Reason, removal["reason"]!.GetValue<string>());
            var detail = removal["detail"]!.GetValue<string>();
            var line = lines.Single(l => detail.StartsWith($"cluster={Long(l["cluster"])} ", StringComparison.Ordinal));
            Assert.Equal(line["kept"]!.GetValue<string>(), removal["kept_id"]!.GetValue<string>());
            var member = line["members"]!.AsArray().Single(m => m!["id"]!.GetValue<string>() == record["id"]!.GetValue<string>())!;
            Assert.Matches(@"^cluster=\d+ similarity=0\.\d{1,4}$|^cluster=\d+ similarity=1$", detail);
            Assert.True(member["similarity"]!.GetValue<double>() >= 0.8);
        }

        foreach (var line in lines)
        {
            var members = line["members"]!.AsArray();
            Assert.Equal(Long(line["size"]), members.Count);
            Assert.Equal(Long(line["cluster"]), Long(members[0]!["ordinal"]));
            Assert.Single(members, m => m!["id"]!.GetValue<string>() == line["kept"]!.GetValue<string>() && m["similarity"]!.GetValue<double>() == 1);
        }

        Assert.Contains(Records(dir["out"], "documents"), r => r["id"]!.GetValue<string>() == "empty");
    }

    [Fact]
    public void PipelineOutputIsByteIdenticalForAnyThreadAndShardCount()
    {
        using var dir = new TempDir();
        dir.Write("in/a.jsonl", NearDupCorpus.Jsonl(NearDupCorpus.Create(originals: 120, seed: 6)));
        string Run(int threads, long shardDocs)
        {
            var output = dir[$"out{threads}-{shardDocs}"];
            new WinnowPipelineBuilder().Add(new NearDedupStage(new MinHashOptions { SortMemoryBytes = 12 * 100 })).Build()
                .Run(new RunOptions { Inputs = [dir["in"]], OutputDirectory = output, Threads = threads, Output = new() { MaxDocuments = shardDocs } });
            return output;
        }

        // Same shards, any thread count: every file byte for byte.
        var reference = AllFiles(Run(1, 40));
        Assert.Contains("clusters.jsonl", reference.Keys);
        Assert.True(reference.Keys.Count(k => k.Contains("part-", StringComparison.Ordinal)) > 3);
        foreach (var threads in new[] { 2, 8 })
        {
            var files = AllFiles(Run(threads, 40));
            Assert.Equal(reference.Keys, files.Keys);
            foreach (var (name, bytes) in reference)
            {
                Assert.True(bytes.AsSpan().SequenceEqual(files[name]), $"{name} differs with {threads} threads");
            }
        }

        // Other shard sizes: the same clusters file and the same records in the same order.
        var resharded = Run(2, 7);
        Assert.Equal(reference["clusters.jsonl"], File.ReadAllBytes(Path.Combine(resharded, "clusters.jsonl")));
        foreach (var folder in new[] { "documents", "removed" })
        {
            Assert.Equal(Records(dir["out1-40"], folder).Select(Json), Records(resharded, folder).Select(Json));
        }
    }
}
