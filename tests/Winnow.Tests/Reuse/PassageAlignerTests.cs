using Winnow.Reuse;
using Winnow.Tests.Support;

namespace Winnow.Tests.Reuse;

public sealed class PassageAlignerTests
{
    [Fact]
    public void ASentenceLeftOutOfAQuoteKeepsItOnePassage()
    {
        var (first, left, last) = (Sentence(1, 25), Sentence(2, 30), Sentence(3, 25));
        var source = $"{Sentence(4, 40)} {first} {left} {last} {Sentence(5, 40)}";
        var quoting = $"{Sentence(6, 40)}\n\n“{first} {last}”\n\n{Sentence(7, 40)}";

        var p = Assert.Single(Run(source, quoting));
        Assert.Equal($"{first} {left} {last}"[..^1], source[p.AStart..p.AEnd]);
        Assert.Equal($"{first} {last}"[..^1], quoting[p.BStart..p.BEnd]);
    }

    [Fact]
    public void APassageAlsoChainsWhereAWordRepeatsAtTheCut()
    {
        // The sentence left out ends with the word before the cut, so the run after the cut starts one word early.
        var first = Sentence(10, 25)[..^1] + " and the";
        var (left, last) = (Sentence(11, 20)[..^1] + " and the", Sentence(12, 25));
        var source = $"{Sentence(13, 30)} {first} {left} {last}";
        var quoting = $"{Sentence(14, 30)}\n\n{first} {last}";

        var p = Assert.Single(Run(source, quoting));
        Assert.Equal($"{first} {left} {last}"[..^1], source[p.AStart..p.AEnd]);
        Assert.Equal($"{first} {last}"[..^1], quoting[p.BStart..p.BEnd]);
    }

    [Fact]
    public void AParagraphThatOnlyOneDocumentHasAfterAPassageEndsIt()
    {
        // Both documents end the passage with a paragraph break; one then has a promo before the footer they share.
        var (x, footer) = (Sentence(20, 40), Sentence(21, 25));
        var source = $"{Sentence(22, 40)}\n\n{x}\n\n{Sentence(23, 30)}\n\n{footer}";
        var quoting = $"{Sentence(24, 40)}\n\n{x}\n\n{footer}";

        var found = Run(source, quoting);
        Assert.Equal([x[..^1], footer[..^1]], found.Select(p => source[p.AStart..p.AEnd]));
        Assert.Equal([x[..^1], footer[..^1]], found.Select(p => quoting[p.BStart..p.BEnd]));
    }

    [Fact]
    public void ASkipLongerThanASentenceSplitsThePassage()
    {
        var (first, left, last) = (Sentence(30, 30), Sentence(31, 80), Sentence(32, 30));
        var found = Run($"{first} {left} {last}", $"{Sentence(33, 20)}\n\n{first} {last}");

        Assert.Equal(2, found.Count);
    }

    private static string Sentence(int seed, int words)
    {
        var rng = new Random(seed);
        return "W" + string.Join(' ', Enumerable.Range(0, words).Select(_ => "w" + rng.Next(100_000))) + ".";
    }

    private static List<(string A, string B, int AStart, int AEnd, int BStart, int BEnd, double Similarity)> Run(string a, string b)
    {
        using var dir = new TempDir();
        StageDriver.Run(new ReuseStage(), [StageDriver.Doc(0, a), StageDriver.Doc(1, b)], dir.Path);
        return ReuseSeedTests.ReadPassages(dir["reuse.jsonl"]);
    }
}
