using Winnow.NearDedup;
using Winnow.Tests.Support;

namespace Winnow.Tests.NearDedup;

public sealed class ContainmentTests
{
    [Fact]
    public void ACopyCutShortJoinsItsArticle()
    {
        // The copy keeps 75% of the article and adds a header and footer: Jaccard ≈ 0.7, containment ≈ 0.95.
        var article = Words(1, 600);
        var copy = $"{Words(2, 15)}\n\n{string.Join(' ', article.Split(' ')[..450])}\n\n{Words(3, 15)}";
        var clusters = Run(["article", "copy", "other"], [article, copy, Words(4, 600)]);

        var cluster = Assert.Single(clusters);
        Assert.Equal(["article", "copy"], cluster.Members.Select(m => m.Id));
        Assert.InRange(cluster.Members[1].Similarity, 0.5, 0.8);
    }

    [Fact]
    public void ShortPostsSharingALongFooterStayApart()
    {
        // Each post is mostly the site's footer (Jaccard 0.6–0.75 between two), so it is contained in
        // the larger posts: in several clusters, none of them its own story.
        var footer = Words(10, 200);
        string[] ids = ["p1", "p2", "p3", "p4", "p5", "p6"];
        var posts = new[] { 30, 35, 40, 45, 50, 55 }.Select((n, i) => $"{Words(20 + i, n)}\n\n{footer}").ToArray();

        var found = Run(ids, posts);
        Assert.True(found.Count == 0, string.Join("; ", found.Select(c => string.Join(",", c.Members.Select(m => $"{m.Id}:{m.Similarity:F3}")))));
    }

    [Fact]
    public void AnArticleQuotedWholeInAMuchLongerOneIsNotACopy()
    {
        var quoted = Words(30, 300);
        var quoting = $"{Words(31, 500)}\n\n{quoted}\n\n{Words(32, 200)}";

        Assert.Empty(Run(["quoted", "quoting"], [quoted, quoting]));
    }

    [Fact]
    public void EstimatedVerificationJoinsByJaccardOnly()
    {
        var article = Words(40, 600);
        var copy = string.Join(' ', article.Split(' ')[..450]);

        Assert.Empty(Run(["article", "copy"], [article, copy], new MinHashOptions { Verify = VerifyMode.Estimate, Bands = 21, Rows = 6 }));
        Assert.Single(Run(["article", "copy"], [article, copy]));
    }

    private static string Words(int seed, int count)
    {
        var random = new Random(seed);
        return string.Join(' ', Enumerable.Range(0, count).Select(_ => $"w{random.Next(1_000_000)}"));
    }

    private static IReadOnlyList<NearDuplicateCluster> Run(string[] ids, string[] texts, MinHashOptions? options = null)
    {
        using var dir = new TempDir();
        var stage = new NearDedupStage(options ?? new MinHashOptions());
        return ((NearDedupRun)StageDriver.Run(stage, [.. texts.Select((t, i) => StageDriver.Doc(i, t, id: ids[i]))], dir.Path)).Clusters;
    }
}
