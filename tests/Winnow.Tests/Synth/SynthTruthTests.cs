using System.Text.RegularExpressions;

namespace Winnow.Tests.Synth;

public sealed partial class SynthTruthTests(SynthCorpusFixture corpus) : IClassFixture<SynthCorpusFixture>
{
    [Fact]
    public void EveryDocumentHasOneTruthLineInTheSameOrder()
    {
        Assert.Equal(3000, corpus.Docs.Count);
        Assert.Equal(3000, corpus.Summary.Docs);
        Assert.Equal(corpus.Docs.Count, corpus.Truth.Count);
        for (int i = 0; i < corpus.Docs.Count; i++)
        {
            Assert.Equal(corpus.Docs[i].GetProperty("id").GetString(), corpus.Truth[i].GetProperty("id").GetString());
        }
    }

    [Fact]
    public void DocumentsHaveTheDocumentedShape()
    {
        foreach (var doc in corpus.Docs)
        {
            var meta = doc.GetProperty("metadata");
            string site = meta.GetProperty("site").GetString()!;
            Assert.StartsWith("https://" + site + "/", doc.GetProperty("url").GetString(), StringComparison.Ordinal);
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", meta.GetProperty("date").GetString()!);
            Assert.False(string.IsNullOrWhiteSpace(meta.GetProperty("author").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(meta.GetProperty("title").GetString()));
            Assert.DoesNotContain("\n\n\n", doc.GetProperty("text").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(corpus.Docs.Count, corpus.Docs.Select(d => d.GetProperty("url").GetString()).Distinct().Count());
        double averageBytes = corpus.Docs.Average(d => System.Text.Encoding.UTF8.GetByteCount(d.GetProperty("text").GetString()!));
        Assert.InRange(averageBytes, 2000, 2900);
    }

    [Fact]
    public void KindsAndClustersAreConsistent()
    {
        var kinds = corpus.Truth.ToDictionary(t => t.GetProperty("id").GetString()!, t => t.GetProperty("kind").GetString()!);
        foreach (var t in corpus.Truth)
        {
            string id = t.GetProperty("id").GetString()!;
            string kind = t.GetProperty("kind").GetString()!;
            string cluster = t.GetProperty("cluster").GetString()!;
            string baseId = t.GetProperty("base").GetString()!;
            Assert.Equal("original", kinds[baseId]);
            Assert.Equal(kind is "original" or "far_variant" ? id : baseId, cluster);
            Assert.Equal(kind == "original", id == baseId);
        }

        Assert.Equal(corpus.Summary.Clusters, corpus.Truth.Select(t => t.GetProperty("cluster").GetString()).Distinct().Count());
        foreach (string kind in new[] { "syndicated", "exact_copy", "near_copy", "far_variant" })
        {
            Assert.Contains(kind, kinds.Values);
        }
    }

    [Fact]
    public void RecordedJaccardMatchesTheDocumentedDefinition()
    {
        foreach (var t in corpus.Truth.Where(t => t.GetProperty("kind").GetString() != "original").Take(600))
        {
            string text = corpus.Text[t.GetProperty("id").GetString()!];
            string original = corpus.Text[t.GetProperty("base").GetString()!];
            Assert.Equal(ReferenceShingles.Jaccard(text, original), t.GetProperty("jaccard").GetDouble(), tolerance: 1e-6);
        }
    }

    [Fact]
    public void ExactCopiesAreByteIdenticalAndNearCopiesDifferOnlyInCaseSpaceOrPunctuation()
    {
        int near = 0;
        foreach (var t in corpus.Truth)
        {
            string kind = t.GetProperty("kind").GetString()!;
            string text = corpus.Text[t.GetProperty("id").GetString()!];
            string original = corpus.Text[t.GetProperty("base").GetString()!];
            if (kind == "exact_copy")
            {
                Assert.Equal(original, text);
            }
            else if (kind == "near_copy")
            {
                near++;
                Assert.NotEqual(original, text);
                Assert.Equal(Normalise(original), Normalise(text));
                Assert.InRange(t.GetProperty("char_edits").GetInt32(), 1, 4);
            }
        }

        Assert.True(near > 50);
    }

    [Fact]
    public void FarVariantsAreFarAndLightSyndicationIsNear()
    {
        var far = corpus.Truth.Where(t => t.GetProperty("kind").GetString() == "far_variant").ToList();
        Assert.NotEmpty(far);
        Assert.All(far, t => Assert.True(t.GetProperty("jaccard").GetDouble() < 0.4));

        // Swapping one site's header and footer for another's costs a short article more than a long one, so the
        // claim is about the bulk of lightly edited copies, with a floor for the shortest.
        var light = corpus.Truth.Where(t => t.GetProperty("kind").GetString() == "syndicated"
            && t.GetProperty("word_edit_rate").GetDouble() <= 0.01
            && t.GetProperty("paragraphs_dropped").GetInt32() == 0
            && t.GetProperty("truncated_fraction").GetDouble() == 0).Select(t => t.GetProperty("jaccard").GetDouble()).ToList();
        Assert.True(light.Count > 50);
        Assert.All(light, j => Assert.True(j > 0.6));
        Assert.True(light.Count(j => j > 0.8) >= 0.8 * light.Count);
    }

    [Fact]
    public void SyndicatedCopiesMoveToAnotherSite()
    {
        var site = corpus.Truth.ToDictionary(t => t.GetProperty("id").GetString()!, t => t.GetProperty("site").GetString()!);
        foreach (var t in corpus.Truth.Where(t => t.GetProperty("kind").GetString() is "syndicated" or "far_variant"))
        {
            Assert.NotEqual(site[t.GetProperty("base").GetString()!], t.GetProperty("site").GetString());
        }
    }

    private static string Normalise(string text) => Spaces().Replace(NonWord().Replace(text.ToLowerInvariant(), " "), " ").Trim();

    [GeneratedRegex(@"[^\w\s]")]
    private static partial Regex NonWord();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
