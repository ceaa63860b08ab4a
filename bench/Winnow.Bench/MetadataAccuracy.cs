using System.Text.Json;
using Winnow.Extraction;

namespace Winnow.Bench;

/// <summary>Title, byline and date accuracy on Readability's test pages, where the expectation has one.</summary>
internal static class MetadataAccuracy
{
    public static void Run(bool verbose)
    {
        var pages = SharedData.Data("readability-test-pages");
        if (pages is null)
        {
            Console.Error.WriteLine("../shared/data/readability-test-pages not found");
            return;
        }

        var extractor = new HtmlExtractor();
        int titles = 0, titleHits = 0, bylines = 0, bylineHits = 0, dates = 0, dateHits = 0;
        foreach (var dir in Directory.GetDirectories(pages).Order(StringComparer.Ordinal))
        {
            var expectedPath = Path.Combine(dir, "expected-metadata.json");
            if (!File.Exists(expectedPath))
            {
                continue;
            }

            using var expected = JsonDocument.Parse(File.ReadAllText(expectedPath));
            var page = extractor.Extract(ExtractionQuality.ReadHtml(Path.Combine(dir, "source.html.gz")), "http://fakehost/test/page.html");
            var name = Path.GetFileName(dir);
            Check(expected.RootElement, "title", page.Title, ref titles, ref titleHits, name, verbose);
            Check(expected.RootElement, "byline", page.Author, ref bylines, ref bylineHits, name, verbose);
            Check(expected.RootElement, "publishedTime", page.Date, ref dates, ref dateHits, name, verbose);
        }

        Console.WriteLine($"readability-test-pages: title {titleHits}/{titles} = {Ratio(titleHits, titles):P1}, "
            + $"byline {bylineHits}/{bylines} = {Ratio(bylineHits, bylines):P1}, date {dateHits}/{dates} = {Ratio(dateHits, dates):P1}");
    }

    private static double Ratio(int hits, int total) => total == 0 ? 0 : (double)hits / total;

    private static void Check(JsonElement expected, string field, string? actual, ref int total, ref int hits, string name, bool verbose)
    {
        if (!expected.TryGetProperty(field, out var e) || e.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(e.GetString()))
        {
            return;
        }

        total++;
        if (MetadataMatch.Matches(field, e.GetString()!, actual))
        {
            hits++;
        }
        else if (verbose)
        {
            Console.WriteLine($"  {name} {field}: expected [{e.GetString()}] got [{actual}]");
        }
    }
}
