using Winnow.Tests.Support;
using Winnow.Writers;
using static Winnow.Tests.Support.RunOutputReader;

namespace Winnow.Tests.Pipeline;

public sealed class ShardingTests
{
    [Fact]
    public void OutputIsCutByDocumentsAndNoTemporaryFilesRemain()
    {
        using var dir = new TempDir();
        dir.Write("in/a.jsonl", string.Join('\n', Enumerable.Range(0, 25).Select(i => $"{{\"text\":\"doc {i}\"}}")));
        var stats = Runs.Exact(dir["in"], dir["out"], configure: o => o with { Output = new OutputOptions { MaxDocuments = 10 } });
        var shards = Directory.GetFiles(dir["out/documents"]).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl"], shards);
        Assert.Equal(5, File.ReadAllLines(dir["out/documents/part-00002.jsonl"]).Length);
        Assert.Empty(Directory.GetFiles(dir["out"], "*.tmp", SearchOption.AllDirectories));
        Assert.Equal(25, stats.Kept.Documents);
        var listed = RunOutputReader.Stats(dir["out"])["outputs"]!["documents"]!.AsArray().Select(n => n!.GetValue<string>());
        Assert.Equal(shards.Select(s => "documents/" + s), listed);
    }

    [Fact]
    public void OutputIsCutByBytesAndCanBeGzipped()
    {
        using var dir = new TempDir();
        dir.Write("in/a.jsonl", string.Join('\n', Enumerable.Range(0, 40).Select(i => $"{{\"text\":\"{new string('a', 100)} {i}\"}}")));
        Runs.Exact(dir["in"], dir["out"], configure: o => o with { Output = new OutputOptions { MaxBytes = 1000, Gzip = true } });
        var shards = Directory.GetFiles(dir["out/documents"], "part-*.jsonl.gz");
        Assert.True(shards.Length >= 4, $"{shards.Length} shards");
        Assert.Equal(40, Records(dir["out"], "documents").Count);
    }
}
