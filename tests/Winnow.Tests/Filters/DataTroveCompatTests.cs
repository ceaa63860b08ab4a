using System.Text.Json.Nodes;
using Winnow.Filters;

namespace Winnow.Tests.Filters;

/// <summary>
/// <c>compat: datatrove</c> on small texts whose values DataTrove 0.10 itself computed (run from source;
/// bench/datatrove_filters.py), beside the default's values where the two count differently.
/// </summary>
public class DataTroveCompatTests
{
    private const string Prose = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon";

    private static readonly string Words = string.Join(' ', Enumerable.Repeat(Prose, 3));

    [Fact]
    public void StopWordsAreDistinctAndMatchedWithCaseInDataTroveAndIgnoringCaseByDefault()
    {
        var text = "The The The of " + Words;
        Assert.Equal(1, (double)Quality(text, FilterCompat.DataTrove)["stop_words"]!);
        Assert.Equal("gopher_quality.stop_words", (string?)Quality(text, FilterCompat.DataTrove)["would_remove"]);
        Assert.Equal(2, (double)Quality(text, FilterCompat.Papers)["stop_words"]!);
        Assert.Equal(64, (double)Quality(text, FilterCompat.DataTrove)["word_count"]!);
    }

    [Fact]
    public void PunctuationTokensCountInDataTrovesAlphabeticRatio()
    {
        var text = Words + " " + string.Join(' ', Enumerable.Repeat("!", 20)) + " the of";
        Assert.Equal(0.7561, (double)Quality(text, FilterCompat.DataTrove)["alphabetic_word_ratio"]!);
        Assert.Equal(62, (double)Quality(text, FilterCompat.DataTrove)["word_count"]!);
        Assert.Equal(1, (double)Quality(text, FilterCompat.Papers)["alphabetic_word_ratio"]!);
    }

    [Fact]
    public void FineWebTestsTheRawLineEndAgainstDataTrovesSet()
    {
        // "space. " fails (trailing space), "…" is not terminal, Ethiopic "።" is.
        var text = string.Concat(Enumerable.Repeat("A line that ends well.\nAnother line ending in space. \nA line with an ellipsis…\nአማርኛ ዓረፍተ ነገር።\n", 3));
        var dataTrove = Annotate(new FineWebFilter(new FineWebOptions { Mode = FilterMode.Annotate, Compat = FilterCompat.DataTrove }), text);
        Assert.Equal(0.5, (double)dataTrove["line_punctuation_ratio"]!);
        Assert.Equal(0.6667, (double)dataTrove["duplicate_line_char_ratio"]!);
        Assert.Equal(0.1905, (double)dataTrove["newline_word_ratio"]!);
        var papers = Annotate(new FineWebFilter(new FineWebOptions { Mode = FilterMode.Annotate }), text);
        Assert.Equal(0.75, (double)papers["line_punctuation_ratio"]!);
    }

    [Fact]
    public void RepetitionCountsWhitespaceLinesAndASingleTopNgram()
    {
        const string text = "first line here\n   \nsecond line\n   \nthird line\n   \nfourth\n";
        var dataTrove = Annotate(new GopherRepetitionFilter(new GopherRepetitionOptions { Mode = FilterMode.Annotate, Compat = FilterCompat.DataTrove }), text);
        Assert.Equal(0.25, (double)dataTrove["duplicate_line_fraction"]!);
        Assert.Equal(0.1034, (double)dataTrove["duplicate_line_char_fraction"]!);
        Assert.Equal(0.2586, (double)dataTrove["top_3gram_char_fraction"]!);
        Assert.Equal("gopher_repetition.top_3gram_char_fraction", (string?)dataTrove["would_remove"]);
        var papers = Annotate(new GopherRepetitionFilter(new GopherRepetitionOptions { Mode = FilterMode.Annotate }), text);
        Assert.Equal(0, (double)papers["duplicate_line_fraction"]!);
    }

    [Fact]
    public void RepetitionJoinsFiveToTenGramsWithoutSpaces()
    {
        var text = "The The The of " + Words;
        var dataTrove = Annotate(new GopherRepetitionFilter(new GopherRepetitionOptions { Mode = FilterMode.Annotate, Compat = FilterCompat.DataTrove }), text);
        Assert.Equal(0.5181, (double)dataTrove["duplicate_5gram_char_fraction"]!);
        Assert.Equal(0.4639, (double)dataTrove["duplicate_6gram_char_fraction"]!);
        Assert.Equal(0.1988, (double)dataTrove["top_4gram_char_fraction"]!);
    }

    [Fact]
    public void C4CountsSentencesWithTheSentencizerAndJoinsKeptLines()
    {
        const string text = "Hello world. This is it.  Another one here!\n\nShort.\nThe end of a line with cite.[1]\nNo punctuation at the end here\nMr. Smith went to Washington. He met Dr. Who.";
        var published = Annotate(new C4Filter(new C4Options { Mode = FilterMode.Annotate, Compat = FilterCompat.DataTrove }), text);
        Assert.Equal(6, (double)published["sentences"]!);
        var document = FilterDocs.Doc(text);
        var fineWeb = new C4Filter(new C4Options { Compat = FilterCompat.DataTrove, DropLinesWithoutTerminalPunctuation = false, MinSentences = 7 });
        fineWeb.Process(document);
        Assert.False(document.IsRemoved);
        Assert.Equal("Hello world. This is it.  Another one here!\nThe end of a line with cite.\nNo punctuation at the end here\nMr. Smith went to Washington. He met Dr. Who.", document.Text);
    }

    [Fact]
    public void RunFileCompatAppliesToEveryFilterAndStagesMayOverride()
    {
        var stages = FilterConfig.Parse("compat: datatrove\nfilters:\n  - gopher_quality: {mode: annotate}\n");
        var text = "The The The of " + Words;
        var document = FilterDocs.Doc(text);
        foreach (var stage in stages.Cast<Winnow.Pipeline.DocumentStage>())
        {
            stage.Process(document);
        }

        Assert.Equal(1, (double)document.Attributes!["gopher_quality"]!["stop_words"]!);

        // A stage's own compat wins over the file's.
        var own = FilterDocs.Doc(text);
        ((Winnow.Pipeline.DocumentStage)FilterConfig.Parse("compat: datatrove\nfilters:\n  - gopher_quality: {mode: annotate, compat: papers}\n").Single()).Process(own);
        Assert.Equal(2, (double)own.Attributes!["gopher_quality"]!["stop_words"]!);

        // A compat given by the caller (winnow's --compat) overrides the file's.
        var overridden = FilterConfig.Parse("compat: datatrove\nfilters:\n  - gopher_quality: {mode: annotate}\n", "f", FilterCompat.Papers);
        var other = FilterDocs.Doc(text);
        ((Winnow.Pipeline.DocumentStage)overridden.Single()).Process(other);
        Assert.Equal(2, (double)other.Attributes!["gopher_quality"]!["stop_words"]!);
    }

    [Theory]
    [InlineData("compat: fineweb\nfilters: []\n", "f.yaml:1:9: compat must be papers or datatrove, not 'fineweb'")]
    [InlineData("filters:\n  - c4: {compat: spacy}\n", "f.yaml:2:18: compat must be papers or datatrove, not 'spacy'")]
    public void BadCompatNamesTheFileLineAndColumn(string yaml, string message) =>
        Assert.Equal(message, Assert.Throws<FilterConfigException>(() => FilterConfig.Parse(yaml, "f.yaml")).Message);

    private static JsonNode Quality(string text, FilterCompat compat) =>
        Annotate(new GopherQualityFilter(new GopherQualityOptions { Mode = FilterMode.Annotate, Compat = compat }), text);

    private static JsonNode Annotate(Winnow.Pipeline.DocumentStage stage, string text)
    {
        var document = FilterDocs.Doc(text);
        stage.Process(document);
        return document.Attributes![stage.Name]!;
    }
}
