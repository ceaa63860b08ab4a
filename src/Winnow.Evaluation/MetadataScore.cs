using System.Text.Json;
using Winnow.Extraction;
using Winnow.IO;
using Winnow.Text;

namespace Winnow.Evaluation;

/// <summary>
/// Title, byline and date accuracy of the extractor on a folder of test pages
/// (<c>NAME/source.html.gz</c> with <c>NAME/expected-metadata.json</c>, as in Readability's test
/// pages), counted where the expectation has a value (for bylines, a name: see <see cref="MetadataMatch"/>).
/// </summary>
internal static class MetadataScore
{
    public static MetadataTally Score(string folder, HtmlExtractor extractor, Action<string>? onMiss = null)
    {
        var tally = new MetadataTally();
        foreach (var dir in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
        {
            var expectedPath = Path.Combine(dir, "expected-metadata.json");
            if (!File.Exists(expectedPath))
            {
                continue;
            }

            using var expected = JsonDocument.Parse(File.ReadAllText(expectedPath));
            var page = extractor.Extract(ReadHtml(Path.Combine(dir, "source.html.gz")), "http://fakehost/test/page.html");
            var name = Path.GetFileName(dir);
            Check(expected.RootElement, "title", page.Title, tally.Title, name, onMiss);
            Check(expected.RootElement, "byline", page.Author, tally.Byline, name, onMiss);
            Check(expected.RootElement, "publishedTime", page.Date, tally.Date, name, onMiss);
            Check(expected.RootElement, "lang", page.Language, tally.Language, name, onMiss);
        }

        return tally;
    }

    /// <summary>Reads a (gzipped) HTML file and decodes it as the extractor's inputs are decoded.</summary>
    public static string ReadHtml(string path)
    {
        using var stream = CompressedInput.Open(path);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return CharsetDecoder.Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    private static void Check(JsonElement expected, string field, string? actual, MetadataTally.Count count, string name, Action<string>? onMiss)
    {
        if (!expected.TryGetProperty(field, out var e) || e.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(e.GetString()))
        {
            return;
        }

        if (field == "byline" && MetadataMatch.ExpectedByline(e.GetString()!).Length == 0)
        {
            return;
        }

        count.Total++;
        if (MetadataMatch.Matches(field, e.GetString()!, actual))
        {
            count.Hits++;
        }
        else
        {
            onMiss?.Invoke($"{name} {field}: expected [{e.GetString()}] got [{actual}]");
        }
    }
}
