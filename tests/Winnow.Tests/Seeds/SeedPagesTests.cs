using Winnow.Tests.Support;
using static Winnow.Tests.Support.RunOutputReader;

namespace Winnow.Tests.Seeds;

/// <summary>The two founding pages read as a folder: ids are file names, text survives byte for byte.</summary>
public sealed class SeedPagesTests
{
    [SharedDataFact("seeds")]
    public void SeedPagesSurviveByteForByte()
    {
        var seeds = SharedData.Path("seeds")!;
        using var dir = new TempDir();
        var stats = Runs.Exact(seeds, dir["out"]);

        Assert.Equal(0, stats.Rejected.Documents);
        var docs = Records(dir["out"], "documents");
        var names = Directory.GetFiles(seeds, "*.txt").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(2, names.Length);
        Assert.Equal(names, docs.Select(d => d["id"]!.GetValue<string>()));
        foreach (var doc in docs)
        {
            var original = File.ReadAllBytes(Path.Combine(seeds, doc["id"]!.GetValue<string>()));
            var written = System.Text.Encoding.UTF8.GetBytes(doc["text"]!.GetValue<string>());
            Assert.Equal(original, written);
        }

        Assert.Equal(stats.In.Bytes, names.Sum(n => new FileInfo(Path.Combine(seeds, n)).Length));
        Runs.AssertBalanced(stats);
    }
}
