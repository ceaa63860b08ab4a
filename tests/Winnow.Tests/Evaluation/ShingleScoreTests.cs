using Winnow.Evaluation;

namespace Winnow.Tests.Evaluation;

/// <summary>The article-extraction benchmark's metric: word 4-shingles compared as multisets.</summary>
public class ShingleScoreTests
{
    [Fact]
    public void TokensAreWordCharacterRuns()
    {
        Assert.Equal(["a_b", "c1", "é"], ShingleScore.Tokens("a_b, c1! é"));
    }

    [Fact]
    public void IdenticalTextsScoreOne()
    {
        var same = ShingleScore.ScorePage("one two three four five", "one two three four five");
        Assert.Equal((1.0, 1.0), (same.Precision, same.Recall));
    }

    [Fact]
    public void AMissingShingleCostsRecall()
    {
        var half = ShingleScore.ScorePage("one two three four five", "one two three four");
        Assert.Equal(1.0, half.Precision);
        Assert.Equal(0.5, half.Recall);
    }

    [Fact]
    public void DifferentWordsOfTheSameLengthShareNoShingle()
    {
        var score = ShingleScore.ScorePage("one two three four five six", "red green blue cyan teal gray");
        Assert.Equal((0.0, 0.0), (score.Precision, score.Recall));
    }

    [Fact]
    public void ShinglesAreCountedAsAMultiset()
    {
        // Truth: "a b c d" once; prediction: the same four words twice, so 5 shingles, 2 of them "a b c d".
        var score = ShingleScore.ScorePage("a b c d", "a b c d a b c d");
        Assert.Equal(1.0 / 5, score.Precision, 10);
        Assert.Equal(1.0, score.Recall);
    }

    [Fact]
    public void ShortTextsAreOneShorterShingle()
    {
        Assert.Equal(1.0, ShingleScore.ScorePage("two words", "two words").Precision);
        Assert.Equal(0.0, ShingleScore.ScorePage("two words", "other words").Precision);
    }
}
