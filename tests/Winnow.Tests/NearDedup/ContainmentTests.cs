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
    public void AnArticleInsideTwoCopiesWithOtherChromeJoinsBoth()
    {
        // Each copy adds 60 words of its own site's header and footer: the article is wholly in
        // both (Jaccard ≈ 0.77 to each), the copies are not near duplicates of each other (≈ 0.62)
        // nor contained in one another (≈ 0.77), so the article is contained in two clusters.
        var (article, first, second) = ArticleAndTwoCopies(50);
        var clusters = Run(["first", "article", "second", "other"], [first, article, second, Words(55, 200)]);

        var cluster = Assert.Single(clusters);
        Assert.Equal(["first", "article", "second"], cluster.Members.Select(m => m.Id));
    }

    [Fact]
    public void ACopyWithChromeOfItsOwnJoinsOnceTheArticleJoinedTheOtherCopies()
    {
        // The third copy keeps the first 170 words under 20 words of its own chrome. It collides
        // in several bands with the article (Jaccard ≈ 0.77), its one container among its
        // candidates, and that container's partners, the other copies, contain it as well, with
        // its own chrome missing from all three: the first round leaves it apart as it would a
        // post. Once the article has joined the other copies' clusters, its containers are in one
        // cluster, and the next round attaches it.
        var (article, first, second) = ArticleAndTwoCopies(70);
        var third = $"{Words(75, 20)}\n\n{string.Join(' ', article.Split(' ')[..170])}";
        var clusters = Run(["third", "first", "article", "second"], [third, first, article, second]);

        var cluster = Assert.Single(clusters);
        Assert.Equal(["third", "first", "article", "second"], cluster.Members.Select(m => m.Id));
    }

    [Fact]
    public void APostInsideTwoClustersThroughTheirCommonTextStaysApart()
    {
        // The same two copies, and a post made of the copies' common text plus 20 words of its own:
        // it is contained in both, but what it has beyond them is missing from both alike.
        var (article, first, second) = ArticleAndTwoCopies(60);
        var post = $"{article}\n\n{Words(65, 20)}";
        var clusters = Run(["first", "post", "second"], [first, post, second]);

        Assert.Empty(clusters);
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

    // A 200-word article, and two copies that put 30 words of their site's header and 30 of its footer around it.
    private static (string Article, string First, string Second) ArticleAndTwoCopies(int seed)
    {
        var article = Words(seed, 200);
        return (article, $"{Words(seed + 1, 30)}\n\n{article}\n\n{Words(seed + 2, 30)}", $"{Words(seed + 3, 30)}\n\n{article}\n\n{Words(seed + 4, 30)}");
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
