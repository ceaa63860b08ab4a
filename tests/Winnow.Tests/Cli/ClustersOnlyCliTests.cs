using Winnow.Cli;
using Winnow.Tests.NearDedup;
using Winnow.Tests.Support;
using static Winnow.Tests.Cli.CliTests;

namespace Winnow.Tests.Cli;

/// <summary>`winnow dedup --clusters-only` from the command line.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class ClustersOnlyCliTests
{
    [Fact]
    public void WritesClustersAndCountsButNoDocuments()
    {
        using var dir = new TempDir();
        dir.Write("in.jsonl", NearDupCorpus.Jsonl(NearDupCorpus.Create(originals: 30, seed: 11)));
        var (code, output, _) = Capture(() => Program.Run(["dedup", dir["in.jsonl"], "--out", dir["out"], "--no-exact", "--clusters-only", "-q"]));
        Assert.Equal(0, code);
        Assert.Contains("no documents: clusters.jsonl", output, StringComparison.Ordinal);
        Assert.True(new FileInfo(dir["out/clusters.jsonl"]).Length > 0);
        Assert.False(Directory.Exists(dir["out/documents"]), "no empty documents/ folder");
        Assert.False(Directory.Exists(dir["out/removed"]), "no empty removed/ folder");
        Assert.True(Directory.Exists(dir["out/rejected"]));
        Assert.False(Directory.Exists(dir["out/.work"]));
        var stats = RunOutputReader.Stats(dir["out"]);
        Assert.True(RunOutputReader.Long(stats["documents"]!["removed"]) > 0);
        Assert.Equal(
            RunOutputReader.Long(stats["documents"]!["in"]),
            RunOutputReader.Long(stats["documents"]!["kept"]) + RunOutputReader.Long(stats["documents"]!["removed"]));
    }

    [Fact]
    public void RefusesTheShardingOptions()
    {
        using var dir = new TempDir();
        dir.Write("in.jsonl", "{\"id\":\"a\",\"text\":\"one two three\"}\n");
        var (code, _, error) = Capture(() => Program.Run(["dedup", dir["in.jsonl"], "--out", dir["out"], "--clusters-only", "--tasks", "2", "-q"]));
        Assert.Equal(1, code);
        Assert.Contains("--clusters-only runs in one process", error, StringComparison.Ordinal);
        Assert.False(File.Exists(dir["out/stats.json"]));
    }
}
