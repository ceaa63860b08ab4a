using Winnow.Filters;
using Winnow.Pii;

namespace Winnow.Tests.Filters;

public class FilterConfigTests
{
    [Fact]
    public void BuildsStagesInOrderWithOptions()
    {
        const string yaml = """
            filters:
              - gopher_repetition
              - gopher_quality:
                  mode: annotate
                  min_words: 10
                  max_words: off
              - c4: {drop_lines_without_terminal_punctuation: false, min_sentences: off}
              - fineweb:
              - pii: {mode: annotate, kinds: [email]}
            """;
        var stages = FilterConfig.Parse(yaml);
        Assert.Equal(["gopher_repetition", "gopher_quality", "c4", "fineweb", "pii"], stages.Select(s => s.Name));

        var doc = FilterDocs.Doc("Too short to keep, write to a@example.com or call +44 20 7946 0958.");
        foreach (var stage in stages)
        {
            ((Winnow.Pipeline.DocumentStage)stage).Process(doc);
        }

        Assert.Null(doc.Removal); // gopher_quality annotates only
        Assert.Equal("gopher_quality.alphabetic_word_ratio", (string)doc.Attributes!["gopher_quality"]!["would_remove"]!);
        Assert.Single(doc.Attributes["pii"]!["spans"]!.AsArray());
    }

    [Theory]
    [InlineData("filters:\n  - gopher_quality:\n      min_wrds: 3\n", "run file:3:7: unknown option 'min_wrds' for stage 'gopher_quality'")]
    [InlineData("filters:\n  - gopher_qualty\n", "run file:2:5: unknown stage 'gopher_qualty'")]
    [InlineData("filters:\n  - c4:\n      min_sentences: many\n", "run file:3:22: 'many' is not a whole number")]
    [InlineData("filters:\n  - fineweb: {mode: delete}\n", "run file:2:")]
    [InlineData("filtres:\n  - c4\n", "run file:1:1: unknown section 'filtres'")]
    [InlineData("filters:\n  - c4: [\n", "run file:")]
    public void ErrorsNameTheLine(string yaml, string expected)
    {
        var error = Assert.Throws<FilterConfigException>(() => FilterConfig.Parse(yaml));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyFiltersMeansNoStages()
    {
        Assert.Empty(FilterConfig.Parse("filters: []\n"));
        Assert.Empty(FilterConfig.Parse("filters:\n"));
    }

    [Fact]
    public void DefaultIsTheFineWebRecipeThenPii()
    {
        Assert.Equal(["gopher_repetition", "gopher_quality", "c4", "fineweb", "pii"], FilterConfig.Default().Select(s => s.Name));
        Assert.IsType<PiiStage>(FilterConfig.Default()[^1]);
    }
}
