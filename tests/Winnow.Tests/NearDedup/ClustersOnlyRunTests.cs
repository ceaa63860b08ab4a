using Winnow.Dedup;
using Winnow.NearDedup;
using Winnow.Pipeline;
using Winnow.Tests.Support;
using static Winnow.Tests.Support.RunOutputReader;

namespace Winnow.Tests.NearDedup;

/// <summary>`winnow dedup --clusters-only`: the same clusters and counts as a full run, no documents written.</summary>
public sealed class ClustersOnlyRunTests
{
    private static string Run(TempDir dir, string name, bool writeDocuments, int threads, bool exact = false)
    {
        var output = dir[name];
        var builder = new WinnowPipelineBuilder();
        if (exact)
        {
            builder.Add(new ExactDedupStage());
        }

        var stats = builder.Add(new NearDedupStage(new MinHashOptions { Verify = VerifyMode.Estimate })).Build()
            .Run(new RunOptions { Inputs = [dir["in"]], OutputDirectory = output, Threads = threads, WriteDocuments = writeDocuments });
        Runs.AssertBalanced(stats);
        return output;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SameClustersAndCountsAsAFullRunWithoutDocuments(bool exact)
    {
        using var dir = new TempDir();
        var corpus = NearDupCorpus.Create(originals: 60, seed: 8);
        dir.Write("in/a.jsonl", NearDupCorpus.Jsonl(corpus) + NearDupCorpus.Jsonl(corpus.Take(5).Select(d => d with { Id = d.Id + "-again" })) + "not json\n");
        var full = Run(dir, "full", writeDocuments: true, threads: 2, exact);
        var clustersOnly = Run(dir, "only", writeDocuments: false, threads: 2, exact);

        var clusters = File.ReadAllBytes(Path.Combine(full, "clusters.jsonl"));
        Assert.True(clusters.Length > 100);
        Assert.Equal(clusters, File.ReadAllBytes(Path.Combine(clustersOnly, "clusters.jsonl")));
        Assert.NotEmpty(Records(full, "removed"));
        Assert.Empty(Records(clustersOnly, "documents"));
        Assert.Empty(Records(clustersOnly, "removed"));
        Assert.Equal(Records(full, "rejected").Select(Json), Records(clustersOnly, "rejected").Select(Json));

        // The accounting is the same: every document counted as kept or removed, in documents and bytes.
        var fullStats = RunOutputReader.Stats(full);
        var onlyStats = RunOutputReader.Stats(clustersOnly);
        foreach (var key in new[] { "documents", "bytes", "removed_by_reason", "rejected_by_reason", "stages" })
        {
            Assert.Equal(Json(fullStats[key]!), Json(onlyStats[key]!));
        }

        Assert.Equal(Records(full, "removed").Count, Long(onlyStats["documents"]!["removed"]));
    }

    [Fact]
    public void OutputDoesNotDependOnThreads()
    {
        using var dir = new TempDir();
        dir.Write("in/a.jsonl", NearDupCorpus.Jsonl(NearDupCorpus.Create(originals: 80, seed: 9)));
        var reference = AllFiles(Run(dir, "t1", writeDocuments: false, threads: 1));
        Assert.Contains("clusters.jsonl", reference.Keys);
        foreach (var threads in new[] { 2, 8 })
        {
            var files = AllFiles(Run(dir, $"t{threads}", writeDocuments: false, threads));
            Assert.Equal(reference.Keys, files.Keys);
            foreach (var (name, bytes) in reference)
            {
                Assert.Equal(bytes, files[name]);
            }
        }
    }

    [Theory]
    [InlineData(KeepPolicy.FirstSeen, 1, false, VerifyMode.Estimate)]
    [InlineData(KeepPolicy.FirstSeen, 3, false, VerifyMode.Estimate)]
    [InlineData(KeepPolicy.Longest, 2, false, VerifyMode.Estimate)]
    [InlineData(KeepPolicy.FirstSeen, 2, true, VerifyMode.Estimate)]
    [InlineData(KeepPolicy.Longest, 1, true, VerifyMode.Estimate)]
    [InlineData(KeepPolicy.FirstSeen, 2, false, VerifyMode.Exact)]
    [InlineData(KeepPolicy.Longest, 1, true, VerifyMode.Exact)]
    public void TheSignaturesOnlyPathWritesTheGeneralPathsBytes(KeepPolicy keep, int threads, bool exact, VerifyMode verify)
    {
        // Near dedup alone without documents makes no documents (RunOptions.AllowSignaturesOnly);
        // records its quick reader declines take the full parser. Both paths must agree on everything.
        using var dir = new TempDir();
        var corpus = NearDupCorpus.Create(originals: 50, seed: 12);
        var lines = NearDupCorpus.Jsonl(corpus).TrimEnd('\n').Split('\n').ToList();
        var text = corpus[0].Text;
        lines.InsertRange(7, [
            "not json",
            "{\"id\": \"nested\", \"text\": " + System.Text.Json.JsonSerializer.Serialize(text) + ", \"meta\": {\"a\": [1, 2]}}",
            "{\"id\": 17, \"text\": \"Caf\\u00e9 e\u0301 \\ud83d\\ude00 \\n\\\"quoted\\\" words " + text[..200] + "\"}",
            "{\"text\": " + System.Text.Json.JsonSerializer.Serialize(text + " tail") + "}",
            "{\"id\": \"n\", \"text\": 5}",
            "{\"id\": \"bad\", \"text\": \"x\\q\"}",
            "",
            "   ",
            "{\"id\": null, \"text\": \"\"}",
            "  {\"id\":\"ws\" , \"text\" : " + System.Text.Json.JsonSerializer.Serialize(text) + " }  ",
        ]);
        dir.Write("in/a.jsonl", string.Join('\n', lines) + "\n");
        dir.Write("in/b.jsonl", [.. "{\"id\": \"latin1\", \"text\": \"caf"u8, 0xE9, .. "\"}\n"u8]);
        dir.Write("in/c.txt", text);

        // Exact verification reads a text again where it stands in a plain file: after a byte-order
        // mark, on CRLF lines, escaped; from a compressed file it keeps a copy.
        var copies = corpus.Skip(10).Take(6).Select(d => "{\"id\":\"crlf-" + d.Id + "\",\"text\":" + System.Text.Json.JsonSerializer.Serialize(d.Text + " \u00e9t\u00e9") + "}");
        dir.Write("in/d.jsonl", [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(string.Join("\r\n", copies) + "\r\n")]);
        using (var gz = new System.IO.Compression.GZipStream(File.Create(dir["in/e.jsonl.gz"]), System.IO.Compression.CompressionLevel.Fastest))
        {
            gz.Write(System.Text.Encoding.UTF8.GetBytes(NearDupCorpus.Jsonl(corpus.Skip(20).Take(6).Select(d => d with { Id = "gz-" + d.Id }))));
        }

        string RunWith(string name, bool allow)
        {
            var output = dir[name];
            var builder = new WinnowPipelineBuilder();
            if (exact)
            {
                builder.Add(new ExactDedupStage(new ExactDedupOptions { Normalization = new Text.NormalizationOptions { CaseFold = threads == 1 } }));
            }

            var stats = builder.Add(new NearDedupStage(new MinHashOptions { Verify = verify, Keep = keep })).Build()
                .Run(new RunOptions { Inputs = [dir["in"]], OutputDirectory = output, Threads = threads, WriteDocuments = false, AllowSignaturesOnly = allow });
            Runs.AssertBalanced(stats);
            return output;
        }

        var general = AllFiles(RunWith("general", allow: false));
        var signaturesOnly = AllFiles(RunWith("signatures", allow: true));
        Assert.Equal(general.Keys, signaturesOnly.Keys);
        foreach (var (name, bytes) in general)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(signaturesOnly[name]), name);
        }

        var stats = RunOutputReader.Stats(dir["signatures"]);
        Assert.Equal(4, Long(stats["documents"]!["rejected"]));
        Assert.True(Long(stats["documents"]!["removed"]) > 10);
        Assert.Equal(exact, stats["removed_by_reason"]!["exact_duplicate"] is not null);
        // The record with a nested value (full parser) joins its copies' cluster, unless exact dedup removed it first.
        Assert.Equal(!exact, File.ReadAllText(Path.Combine(dir["signatures"], "clusters.jsonl")).Contains("\"nested\"", StringComparison.Ordinal));
    }

    [Fact]
    public void TextsAreReadAgainFromMoreInputFilesThanAreKeptOpen()
    {
        // Exact verification reads texts where they stand in the input files, keeping 64 open at
        // most: 150 files, copies of one article spread over them, give the general path's bytes.
        using var dir = new TempDir();
        var corpus = NearDupCorpus.Create(originals: 60, seed: 21);
        for (var i = 0; i < 150; i++)
        {
            dir.Write($"in/part-{i:D3}.jsonl", NearDupCorpus.Jsonl(corpus.Skip(i % corpus.Count).Take(2).Select(d => d with { Id = $"{d.Id}-{i}" })) + "\n");
        }

        string RunWith(string name, bool allow)
        {
            var output = dir[name];
            var stats = new WinnowPipelineBuilder().Add(new NearDedupStage(new MinHashOptions { Verify = VerifyMode.Exact })).Build()
                .Run(new RunOptions { Inputs = [dir["in"]], OutputDirectory = output, Threads = 2, WriteDocuments = false, AllowSignaturesOnly = allow });
            Runs.AssertBalanced(stats);
            return output;
        }

        AssertSameRun(RunWith("general", allow: false), RunWith("in-place", allow: true));

        Assert.True(Long(RunOutputReader.Stats(dir["in-place"])["documents"]!["removed"]) > 100);
    }

    [Fact]
    public void OnErrorFailStopsTheSignaturesOnlyPathAtTheBadRecord()
    {
        using var dir = new TempDir();
        var corpus = NearDupCorpus.Jsonl(NearDupCorpus.Create(originals: 30, seed: 4)).TrimEnd('\n').Split('\n');
        dir.Write("in/a.jsonl", string.Join('\n', corpus.Take(20).Append("{\"id\": \"bad\", \"text\": ").Concat(corpus.Skip(20))) + "\n");
        var pipeline = new WinnowPipelineBuilder().Add(new NearDedupStage(new MinHashOptions { Verify = VerifyMode.Estimate })).Build();
        var error = Assert.Throws<InputRejectedException>(() => pipeline.Run(
            new RunOptions { Inputs = [dir["in"]], OutputDirectory = dir["out"], Threads = 2, WriteDocuments = false, OnError = ErrorPolicy.Fail }));
        Assert.Contains("a.jsonl:21", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoStageMayFollowAWholeCorpusStage()
    {
        using var dir = new TempDir();
        dir.Write("in/a.jsonl", "{\"id\":\"a\",\"text\":\"one two three\"}\n");
        var pipeline = new WinnowPipelineBuilder().Add(new NearDedupStage()).Add(new ExactDedupStage()).Build();
        var error = Assert.Throws<ArgumentException>(() =>
            pipeline.Run(new RunOptions { Inputs = [dir["in"]], OutputDirectory = dir["out"], WriteDocuments = false }));
        Assert.Contains("whole-corpus", error.Message, StringComparison.Ordinal);
    }
}
