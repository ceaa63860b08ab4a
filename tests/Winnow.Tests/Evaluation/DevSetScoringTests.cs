using Winnow.Evaluation;

namespace Winnow.Tests.Evaluation;

public sealed class DevSetScoringTests
{
    [Fact]
    public void RepublishedPairsAreScoredByArticleAndByJaccard()
    {
        var body = string.Join(' ', Enumerable.Range(0, 200).Select(i => $"w{i}"));
        var cut = string.Join(' ', Enumerable.Range(0, 100).Select(i => $"w{i}"));
        var other = string.Join(' ', Enumerable.Range(0, 200).Select(i => $"v{i}"));
        var set = new RepublishedScoring.DevSet(["o", "c", "t", "x"], [body, body + " site footer", cut, other], ["a", "a", "a", "b"]);

        // o and c are J >= 0.8, t (half of the text) is not; x is another article.
        var perfect = RepublishedScoring.Score(set, new Dictionary<string, long> { ["o"] = 1, ["c"] = 1, ["t"] = 1 });
        Assert.Equal((3L, 3L, 1L, 1L, 3L, 3L), (perfect.PredictedPairs, perfect.CorrectPairs, perfect.SimilarPairs, perfect.SimilarFound, perfect.ArticlePairs, perfect.ArticleFound));

        var split = RepublishedScoring.Score(set, new Dictionary<string, long> { ["o"] = 1, ["t"] = 1, ["c"] = 2, ["x"] = 2 });
        Assert.Equal(0.5, split.Precision);
        Assert.Equal(0, split.SimilarRecall);
        Assert.Equal(1, split.MissedSplit);
        Assert.Equal(1 / 3.0, split.ArticleRecall, 6);

        var alone = RepublishedScoring.Score(set, new Dictionary<string, long>());
        Assert.Equal((1L, 1.0), (alone.MissedBothOut, alone.Precision));
    }

    [Fact]
    public void QuotedPassagesAreFoundWithinASentenceAndSidesShareText()
    {
        var quote = "First sentence of the quote is here. Second sentence follows it closely. Third one ends the quote now.";
        var source = "Opening words stand before. " + quote + " Closing words come after.";
        var target = "Some words of the quoting article.\n\n“" + quote + "”\n\nMore words of its own.";
        var texts = new Dictionary<string, string> { ["s"] = source, ["t"] = target };
        var (s0, t0) = (source.IndexOf(quote, StringComparison.Ordinal), target.IndexOf(quote, StringComparison.Ordinal));
        QuotedScoring.Truth[] truth = [new("s", s0, s0 + quote.Length, "t", t0, t0 + quote.Length, 45)];

        // Reported with its sides swapped (a = t) and one word short at the end: still within the sentence.
        var exact = QuotedScoring.Score(texts, truth, [new("t", t0, t0 + quote.Length - 5, "s", s0, s0 + quote.Length - 5)]);
        Assert.Equal((1, 1, 1, 1, 1), (exact.Eligible, exact.Found, exact.GoodBounds, exact.SharedText, exact.TruthCorrect));

        // Leaving out a whole sentence and more is a boundary error; a passage pairing unrelated words shares no text.
        var third = quote.IndexOf("Third", StringComparison.Ordinal);
        var late = QuotedScoring.Score(texts, truth, [new("s", s0 + third, s0 + quote.Length, "t", t0 + third, t0 + quote.Length), new("s", 0, 26, "t", 0, 34)]);
        Assert.Equal((1, 0, 1, 2), (late.Found, late.GoodBounds, late.SharedText, late.TruthCorrect + 1));
    }
}
