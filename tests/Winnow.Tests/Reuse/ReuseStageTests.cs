using Winnow.Documents;
using Winnow.Reuse;
using Winnow.Tests.Support;

namespace Winnow.Tests.Reuse;

public sealed class ReuseStageTests
{
    private static string Words(int seed, int count)
    {
        var rng = new Random(seed);
        return string.Join(' ', Enumerable.Range(0, count).Select(_ => "w" + rng.Next(100_000)));
    }

    [Fact]
    public void FindsAnEditedPassageWithOffsetsInBothTexts()
    {
        var passage = Words(1, 60);
        var edited = passage.Replace(passage.Split(' ')[20], "CHANGED", StringComparison.Ordinal)
            .Replace(passage.Split(' ')[40], "“inserted words” " + passage.Split(' ')[40], StringComparison.Ordinal);
        var a = Words(2, 100) + ". " + passage + ". " + Words(3, 50);
        var b = Words(4, 30) + "\n\n" + edited + "\n" + Words(5, 80);
        var found = Run([StageDriver.Doc(0, a), StageDriver.Doc(1, b)]);

        var p = Assert.Single(found);
        Assert.Equal(passage, a[p.AStart..p.AEnd]);
        Assert.Equal(edited, b[p.BStart..p.BEnd]);
        Assert.InRange(p.Similarity, 0.9, 0.99);
    }

    [Fact]
    public void ReportsPassagesInAnyOrder()
    {
        var (x, y) = (Words(10, 40), Words(11, 40));
        var a = $"{Words(12, 30)} {x} {Words(13, 30)} {y} {Words(14, 30)}";
        var b = $"{Words(15, 30)} {y} {Words(16, 30)} {x} {Words(17, 30)}";
        var found = Run([StageDriver.Doc(0, a), StageDriver.Doc(1, b)]);

        Assert.Equal(2, found.Count);
        Assert.Equal([x, y], found.Select(p => a[p.AStart..p.AEnd]));
        Assert.Equal([x, y], found.Select(p => b[p.BStart..p.BEnd]));
    }

    [Fact]
    public void SkipsNgramsInMoreThanMaxDfDocuments()
    {
        var shared = Words(20, 50);
        var docs = Enumerable.Range(0, 5).Select(i => StageDriver.Doc(i, Words(30 + i, 40) + " " + shared + " " + Words(40 + i, 40))).ToArray();

        Assert.Equal(10, Run(docs, new ReuseOptions { MaxDf = 5 }).Count);
        Assert.Empty(Run(docs, new ReuseOptions { MaxDf = 4 }));
    }

    [Fact]
    public void DifferentHostsDropsPairsFromOneHost()
    {
        var shared = Words(50, 50);
        Document[] docs =
        [
            StageDriver.Doc(0, Words(51, 30) + " " + shared, url: "https://a.org/1"),
            StageDriver.Doc(1, Words(52, 30) + " " + shared, url: "https://www.a.org/2"),
            StageDriver.Doc(2, shared + " " + Words(53, 30), url: "https://b.org/1"),
        ];

        Assert.Equal([("doc0", "doc1"), ("doc0", "doc2"), ("doc1", "doc2")], Run(docs).Select(p => (p.A, p.B)));
        Assert.Equal([("doc0", "doc2"), ("doc1", "doc2")], Run(docs, new ReuseOptions { DifferentHosts = true }).Select(p => (p.A, p.B)));
    }

    [Fact]
    public void ShortOrDissimilarMatchesAreNotReported()
    {
        var shared = Words(60, 15);
        var loose = string.Join(' ', Words(61, 60).Split(' ').Select((w, i) => i % 3 == 0 ? "x" + i : w));
        Document[] docs = [StageDriver.Doc(0, $"{Words(62, 40)} {shared} {Words(61, 60)}"), StageDriver.Doc(1, $"{shared} {Words(63, 40)} {loose}")];

        Assert.Empty(Run(docs));
    }

    [Fact]
    public void OutputIsTheSameWhateverSpillsBatchesAndThreads()
    {
        var pool = Enumerable.Range(0, 8).Select(i => Words(100 + i, 45)).ToArray();
        Document[] Docs() => Enumerable.Range(0, 40)
            .Select(i => StageDriver.Doc(i, $"{Words(200 + i, 30)} {pool[i % 8]} {Words(300 + i, 20)} {pool[(i * 3) % 8]}"))
            .ToArray();
        string Report(int spill, int batch, int threads)
        {
            using var dir = new TempDir();
            StageDriver.Run(new ReuseStage(new ReuseOptions { SpillRecords = spill }), Docs(), dir.Path, batch, threads);
            return File.ReadAllText(dir["reuse.jsonl"]);
        }

        var reference = Report(1 << 20, 40, 1);
        Assert.True(reference.Split('\n').Length > 100);
        Assert.Equal(reference, Report(64, 3, 2));
        Assert.Equal(reference, Report(1000, 7, 4));
    }

    private static List<(string A, string B, int AStart, int AEnd, int BStart, int BEnd, double Similarity)> Run(Document[] docs, ReuseOptions? options = null)
    {
        using var dir = new TempDir();
        StageDriver.Run(new ReuseStage(options ?? new ReuseOptions()), docs, dir.Path);
        return ReuseSeedTests.ReadPassages(dir["reuse.jsonl"]);
    }
}
