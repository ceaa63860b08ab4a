using Winnow.Extraction;

namespace Winnow.Tests.Extraction;

/// <summary>What class and id names say about a block.</summary>
public class ClassHintsTests
{
    [Theory]
    [InlineData("post-meta")]
    [InlineData("entry-meta")]
    [InlineData("post-most-popular-list__inner")]
    [InlineData("articleRelated")]
    [InlineData("story-share-tools")]
    [InlineData("post-author")]
    [InlineData("author-box")]
    [InlineData("ad")]
    [InlineData("movable-ad")]
    [InlineData("top_ads")]
    public void AChromeWordInsideAContentNameMarksChrome(string name)
    {
        Assert.Equal(ClassHints.Negative, ClassHints.Of(name, null, out _));
    }

    [Theory]
    [InlineData("ad-item")]
    [InlineData("head")]
    [InlineData("load-more")]
    [InlineData("thread")]
    public void AdOnlyAsAWordOfItsOwn(string name)
    {
        Assert.NotEqual(ClassHints.Negative, ClassHints.Of(name, null, out _));
    }

    [Theory]
    [InlineData("secondary")]
    [InlineData("secondary-content clearfix")]
    [InlineData("secondary_column")]
    public void SecondaryAsANamesFirstWordIsTheSecondColumn(string name)
    {
        // WordPress themes put the sidebar in #secondary; "secondary-content" beside an article
        // is that column, not the article, whatever "content" says.
        Assert.Equal(ClassHints.Negative, ClassHints.Of(name, null, out _));
        Assert.Equal(ClassHints.Negative, ClassHints.Of(null, name.Split(' ')[0], out _));
    }

    [Theory]
    [InlineData("title-secondary")]
    [InlineData("text-secondary")]
    [InlineData("content-secondary")]
    public void SecondaryLaterInANameIsOnlyAStyle(string name)
    {
        Assert.NotEqual(ClassHints.Negative, ClassHints.Of(name, null, out _));
    }

    [Theory]
    [InlineData("entry-content")]
    [InlineData("article-body")]
    [InlineData("post")]
    public void ContentNamesArePositive(string name)
    {
        Assert.Equal(ClassHints.Positive, ClassHints.Of(name, null, out _));
    }

    [Theory]
    [InlineData("article-header")]
    [InlineData("entry-header")]
    public void AnArticlesHeaderIsNeitherChromeNorContent(string name)
    {
        // Its title, byline and lead belong to the article; a page's header does not.
        Assert.Equal(0, ClassHints.Of(name, null, out _));
        Assert.Equal(ClassHints.Negative, ClassHints.Of("site-header", null, out _));
    }

    [Fact]
    public void SeparateNamesStillWeighBothWays()
    {
        Assert.Equal(0, ClassHints.Of("post sidebar", null, out _));
    }

    [Fact]
    public void AClassWeighsTheSameEachTimeItIsMet()
    {
        // Class values are weighed once per thread and then looked up.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(ClassHints.Negative, ClassHints.Of("comment-list", null, out var comments));
            Assert.True(comments);
            Assert.Equal(ClassHints.Positive, ClassHints.Of("entry-content", null, out comments));
            Assert.False(comments);
            Assert.Equal(0, ClassHints.Of("entry-content", "comments", out comments));
            Assert.True(comments);
        }
    }
}
