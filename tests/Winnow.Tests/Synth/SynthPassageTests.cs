namespace Winnow.Tests.Synth;

public sealed class SynthPassageTests(SynthCorpusFixture corpus) : IClassFixture<SynthCorpusFixture>
{
    [Fact]
    public void PassageOffsetsPointAtMatchingTextInBothDocuments()
    {
        Assert.True(corpus.Passages.Count > 100);
        Assert.Equal(corpus.Summary.Passages, corpus.Passages.Count);
        foreach (var p in corpus.Passages)
        {
            string source = corpus.Text[p.GetProperty("source").GetString()!];
            string target = corpus.Text[p.GetProperty("target").GetString()!];
            int s0 = p.GetProperty("source_start").GetInt32(), s1 = p.GetProperty("source_end").GetInt32();
            int t0 = p.GetProperty("target_start").GetInt32(), t1 = p.GetProperty("target_end").GetInt32();
            Assert.InRange(s0, 0, s1);
            Assert.InRange(s1, s0, source.Length);
            Assert.InRange(t1, t0, target.Length);

            var quoted = ReferenceShingles.Tokens(source[s0..s1]);
            var landed = ReferenceShingles.Tokens(target[t0..t1]);
            Assert.Equal(quoted.Length, landed.Length);
            Assert.Equal(landed.Length, p.GetProperty("words").GetInt32());
            Assert.Equal(p.GetProperty("words_edited").GetInt32(), quoted.Zip(landed).Count(x => x.First != x.Second));
            Assert.InRange(landed.Length, 16, 330);

            // Spans are whole sentences: the source span ends a sentence and the target span is a whole paragraph.
            Assert.Contains(source[s1 - 1], ".?!\u201D\"");
            Assert.True(t0 == 0 || target[(t0 - 2)..t0] == "\n\n");
            Assert.True(t1 == target.Length || target[t1..(t1 + 2)] == "\n\n");
        }
    }

    [Fact]
    public void PassagesQuoteAnotherEarlierOriginal()
    {
        var kinds = corpus.Truth.ToDictionary(t => t.GetProperty("id").GetString()!, t => t.GetProperty("kind").GetString()!);
        foreach (var p in corpus.Passages)
        {
            string source = p.GetProperty("source").GetString()!;
            string target = p.GetProperty("target").GetString()!;
            Assert.Equal("original", kinds[source]);
            Assert.Equal("original", kinds[target]);
            Assert.True(string.CompareOrdinal(source, target) < 0);
        }

        Assert.Contains(corpus.Passages, p => p.GetProperty("quotes").GetString() == "straight");
        Assert.Contains(corpus.Passages, p => p.GetProperty("quotes").GetString() == "wrapped");
        Assert.Contains(corpus.Passages, p => p.GetProperty("words_edited").GetInt32() > 0);
    }
}
