namespace Winnow.Tests.Synth;

public sealed class SynthBoilerplateTests(SynthCorpusFixture corpus) : IClassFixture<SynthCorpusFixture>
{
    [Fact]
    public void EachBoilerplateParagraphOccursInTheRecordedNumberOfDocuments()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string text in corpus.Text.Values)
        {
            foreach (string paragraph in text.Split("\n\n").Distinct())
            {
                counts[paragraph] = counts.GetValueOrDefault(paragraph) + 1;
            }
        }

        foreach (var b in corpus.Boilerplate)
        {
            Assert.Equal(b.GetProperty("docs").GetInt64(), counts.GetValueOrDefault(b.GetProperty("text").GetString()!));
        }

        Assert.Equal(corpus.Summary.BoilerplateParagraphs, corpus.Boilerplate.Count(b => b.GetProperty("docs").GetInt64() > 0));
    }

    [Fact]
    public void BoilerplateTextsAreDistinctAndGrouped()
    {
        Assert.Equal(corpus.Boilerplate.Count, corpus.Boilerplate.Select(b => b.GetProperty("text").GetString()).Distinct().Count());
        foreach (var b in corpus.Boilerplate)
        {
            string group = b.GetProperty("group").GetString()!;
            string role = b.GetProperty("role").GetString()!;
            Assert.True(group.StartsWith("site:", StringComparison.Ordinal) ? role is "header" or "footer" : role == "promo" && group.StartsWith("author:", StringComparison.Ordinal));
        }

        // Promotions repeat across an author's articles: the most used one is in many documents.
        Assert.True(corpus.Boilerplate.Where(b => b.GetProperty("role").GetString() == "promo").Max(b => b.GetProperty("docs").GetInt64()) > 20);
    }

    [Fact]
    public void PromoParagraphsAppearOnlyUnderTheirAuthorsByline()
    {
        var byText = corpus.Boilerplate.Where(b => b.GetProperty("role").GetString() == "promo")
            .ToDictionary(b => b.GetProperty("text").GetString()!, b => b.GetProperty("group").GetString()!["author:".Length..]);
        foreach (var doc in corpus.Docs)
        {
            string author = doc.GetProperty("metadata").GetProperty("author").GetString()!;
            foreach (string paragraph in doc.GetProperty("text").GetString()!.Split("\n\n"))
            {
                if (byText.TryGetValue(paragraph, out string? owner))
                {
                    Assert.Equal(owner, author);
                }
            }
        }
    }
}
