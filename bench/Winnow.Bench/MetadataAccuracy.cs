using Winnow.Evaluation;
using Winnow.Extraction;

namespace Winnow.Bench;

/// <summary>Title, byline and date accuracy on Readability's test pages, where the expectation has one.</summary>
internal static class MetadataAccuracy
{
    public static void Run(bool verbose, HtmlParserKind parser)
    {
        var pages = SharedData.Data("readability-test-pages");
        if (pages is null)
        {
            Console.Error.WriteLine("../shared/data/readability-test-pages not found");
            return;
        }

        var tally = MetadataScore.Score(pages, new HtmlExtractor(new ExtractionOptions { Parser = parser }), verbose ? miss => Console.WriteLine("  " + miss) : null);
        Console.WriteLine($"readability-test-pages: {tally}");
    }
}
