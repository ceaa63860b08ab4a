using Winnow.Filters;
using static Winnow.Tests.Filters.FilterDocs;

namespace Winnow.Tests.Filters;

public class QualityFilterTests
{
    [Fact]
    public void ProsePassesEveryDefaultFilter()
    {
        var doc = Doc(Prose());
        foreach (var stage in FilterConfig.Default())
        {
            ((Winnow.Pipeline.DocumentStage)stage).Process(doc);
        }

        Assert.Null(doc.Removal);
    }

    [Fact]
    public void GopherQualityExplainsShortDocuments()
    {
        var doc = Doc("Too short to keep.");
        new GopherQualityFilter().Process(doc);
        Assert.Equal("gopher_quality", doc.Removal!.Stage);
        Assert.Equal("gopher_quality.word_count", doc.Removal.Reason);
        Assert.Equal("word_count=4 below minimum 50", doc.Removal.Detail);
    }

    [Theory]
    [InlineData("hash_word_ratio", "#tag #news #more the and ")]
    [InlineData("ellipsis_line_ratio", "and so the story went on and on through the long night until morning came…\n")]
    [InlineData("bullet_line_ratio", "• the item and more of it\n")]
    [InlineData("alphabetic_word_ratio", "1234 5678 9012 3456 7890 the and ")]
    [InlineData("stop_words", "apples oranges bananas pears plums ")]
    [InlineData("mean_word_length", "a b c d e f g h ")]
    public void GopherQualityRules(string rule, string unit)
    {
        var doc = Doc(string.Concat(Enumerable.Repeat(unit, 40)));
        new GopherQualityFilter().Process(doc);
        Assert.Equal("gopher_quality." + rule, doc.Removal?.Reason);
    }

    [Fact]
    public void AnnotateModeKeepsAndRecordsEveryValue()
    {
        var doc = Doc("Too short to keep.");
        new GopherQualityFilter(new GopherQualityOptions { Mode = FilterMode.Annotate }).Process(doc);
        Assert.Null(doc.Removal);
        var values = doc.Attributes!["gopher_quality"]!;
        Assert.Equal(4, (double)values["word_count"]!);
        Assert.Equal("gopher_quality.word_count", (string)values["would_remove"]!);
        Assert.Contains("gopher_quality.stop_words", values["fired"]!.AsArray().Select(n => (string)n!));
    }

    [Fact]
    public void NullThresholdDisablesARule()
    {
        var doc = Doc("Too short to keep.");
        new GopherQualityFilter(new GopherQualityOptions { MinWords = null, MinStopWords = null }).Process(doc);
        Assert.Null(doc.Removal);
    }

    [Fact]
    public void GopherRepetitionCatchesRepeatedLinesAndNgrams()
    {
        var lines = Doc(Prose(6) + "\n" + string.Concat(Enumerable.Repeat("Buy now and save today.\n", 6)));
        new GopherRepetitionFilter().Process(lines);
        Assert.Equal("gopher_repetition.duplicate_line_fraction", lines.Removal?.Reason);

        var phrase = "the best price on the market for you";
        var grams = Doc(Prose(4) + " " + string.Join(" and ", Enumerable.Repeat(phrase, 8)) + ".");
        new GopherRepetitionFilter(new GopherRepetitionOptions { MaxDuplicateLineFraction = null, MaxDuplicateLineCharFraction = null, MaxDuplicateParagraphFraction = null, MaxDuplicateParagraphCharFraction = null }).Process(grams);
        Assert.StartsWith("gopher_repetition.", grams.Removal?.Reason, StringComparison.Ordinal);
        Assert.Contains("gram_char_fraction=", grams.Removal!.Detail, StringComparison.Ordinal);

        var prose = Doc(Prose(16));
        new GopherRepetitionFilter(new GopherRepetitionOptions { Mode = FilterMode.Annotate }).Process(prose);
        Assert.Null(prose.Removal);
        Assert.InRange((double)prose.Attributes!["gopher_repetition"]!["duplicate_5gram_char_fraction"]!, 0, 0.1);
        Assert.Null(prose.Attributes["gopher_repetition"]!["would_remove"]);
    }

    [Fact]
    public void C4DropsLinesAndExplains()
    {
        var text = Prose(6) + "\nMenu\nPlease enable JavaScript to view the comments.\nThis site uses cookies to improve things.\nA cited claim appears here.[12]";
        var doc = Doc(text);
        new C4Filter().Process(doc);
        Assert.Null(doc.Removal);
        Assert.Equal(Prose(6) + "\nA cited claim appears here.", doc.Text);
        var c4 = doc.Attributes!["c4"]!;
        Assert.Equal(1, (int)c4["lines_dropped_javascript"]!);
        Assert.Equal(1, (int)c4["lines_dropped_policy"]!);
        Assert.Equal(1, (int)c4["lines_dropped_no_terminal_punctuation"]!);
    }

    [Theory]
    [InlineData("Lorem ipsum dolor sit amet, consectetur.", "c4.lorem_ipsum")]
    [InlineData("Use function() { return 1; } in the code.", "c4.curly_brace")]
    public void C4RemovesPages(string line, string reason)
    {
        var doc = Doc(Prose(6) + "\n" + line);
        new C4Filter().Process(doc);
        Assert.Equal(reason, doc.Removal?.Reason);
        Assert.Contains("line 7", doc.Removal!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void C4TooFewSentences()
    {
        var doc = Doc("One sentence here is fine.\nTwo sentences here are fine.");
        new C4Filter().Process(doc);
        Assert.Equal("c4.sentences", doc.Removal?.Reason);
        Assert.Equal("sentences=2 below minimum 5", doc.Removal!.Detail);
    }

    [Fact]
    public void FineWebRules()
    {
        var menu = Doc(string.Join("\n", Enumerable.Range(0, 40).Select(i => $"Link number {i}")));
        new FineWebFilter().Process(menu);
        Assert.Equal("fineweb.line_punctuation_ratio", menu.Removal?.Reason);

        var dup = Doc(Prose(10) + "\n" + Prose(2));
        new FineWebFilter().Process(dup);
        Assert.Equal("fineweb.duplicate_line_char_ratio", dup.Removal?.Reason);

        var prose = Doc(Prose(10));
        new FineWebFilter().Process(prose);
        Assert.Null(prose.Removal);
    }
}
