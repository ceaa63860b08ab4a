using System.Text.Json;
using Winnow.Evaluation;
using Winnow.Extraction;

namespace Winnow.Bench;

/// <summary>
/// Publication dates on the hand-annotated pages (bench/data/date-annotations.tsv: Readability's
/// test pages and a seeded sample of 300 extraction-dev pages), and dates and bylines against
/// Readability's own expectations; for Winnow and, given the JSONL of the trafilatura wrapper
/// run on the same pages (bench/metadata-vs-trafilatura.sh), for trafilatura and its htmldate.
/// Pages are read and decoded as <c>winnow extract</c> reads them, with no URL.
/// </summary>
internal static class MetadataDates
{
    public static int Run(string? trafilaturaJsonl, bool verbose, bool sources = false)
    {
        var data = SharedData.Root() is { } root ? Path.Combine(root, "data") : null;
        var annotations = SharedData.RepoRoot() is { } repo ? Path.Combine(repo.FullName, "bench", "data", "date-annotations.tsv") : null;
        if (data is null || annotations is null || !File.Exists(annotations))
        {
            Console.Error.WriteLine("../shared/data or bench/data/date-annotations.tsv not found");
            return 1;
        }

        var peer = trafilaturaJsonl is null ? null : ReadPeer(trafilaturaJsonl);
        var extractor = new HtmlExtractor();
        var tallies = new SortedDictionary<string, DateTally>(StringComparer.Ordinal);
        var ours = new Dictionary<string, ExtractedPage>(StringComparer.Ordinal);
        var bySource = new SortedDictionary<string, DateTally>(StringComparer.Ordinal);
        foreach (var annotation in DateAnnotation.ReadAll(annotations))
        {
            var html = MetadataScore.ReadHtml(annotation.HtmlPath(data));
            if (sources)
            {
                var candidates = MetadataReader.DateCandidates(html).ToList();
                foreach (var (source, date) in candidates)
                {
                    Tally(bySource, $"{annotation.Set} | {source} alone").Add(annotation.Date, date);
                    Tally(bySource, $"{annotation.Set} | all but {source}").Add(annotation.Date,
                        candidates.FirstOrDefault(c => c.Source != source && c.Date is not null).Date);
                }
            }

            var page = extractor.Extract(html);
            ours[annotation.Page] = page;
            if (!Tally(tallies, annotation.Set + " | winnow").Add(annotation.Date, page.Date) && verbose)
            {
                Console.WriteLine($"  winnow {annotation.Page}: expected {annotation.Date ?? "none"} ({annotation.Basis}), got {page.Date ?? "none"}");
            }

            if (peer is not null)
            {
                var theirs = peer.GetValueOrDefault(annotation.Page);
                if (!Tally(tallies, annotation.Set + " | trafilatura").Add(annotation.Date, theirs?.Date) && verbose)
                {
                    Console.WriteLine($"  trafilatura {annotation.Page}: expected {annotation.Date ?? "none"} ({annotation.Basis}), got {theirs?.Date ?? "none"}");
                }
            }
        }

        Console.WriteLine("Publication dates against the annotation (found and exact: of the pages that state a date):");
        foreach (var (name, tally) in tallies)
        {
            Console.WriteLine($"  {name}: {tally}");
        }

        if (sources)
        {
            Console.WriteLine("Each source alone, and all sources but that one (what the source adds):");
            foreach (var (name, tally) in bySource)
            {
                Console.WriteLine($"  {name}: {tally}");
            }
        }

        ReadabilityExpectations(Path.Combine(data, "readability-test-pages"), ours, peer, verbose);
        return 0;
    }

    // Readability's expected publishedTime and byline, where it gives one.
    private static void ReadabilityExpectations(string folder, Dictionary<string, ExtractedPage> ours, Dictionary<string, PeerPage>? peer, bool verbose)
    {
        var counts = new SortedDictionary<string, MetadataTally.Count>(StringComparer.Ordinal);
        foreach (var dir in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
        {
            var key = "readability-test-pages/" + Path.GetFileName(dir);
            var expectedPath = Path.Combine(dir, "expected-metadata.json");
            if (!ours.TryGetValue(key, out var page) || !File.Exists(expectedPath))
            {
                continue;
            }

            using var expected = JsonDocument.Parse(File.ReadAllText(expectedPath));
            foreach (var field in (string[])["publishedTime", "byline"])
            {
                if (!expected.RootElement.TryGetProperty(field, out var e) || e.ValueKind != JsonValueKind.String
                    || string.IsNullOrWhiteSpace(e.GetString()) || (field == "byline" && MetadataMatch.ExpectedByline(e.GetString()!).Length == 0))
                {
                    continue;
                }

                var want = e.GetString()!;
                Count(counts, $"{field} | winnow", MetadataMatch.Matches(field, want, field == "byline" ? page.Author : page.Date), key, want, verbose);
                if (peer is not null)
                {
                    var theirs = peer.GetValueOrDefault(key);
                    Count(counts, $"{field} | trafilatura", MetadataMatch.Matches(field, want, field == "byline" ? theirs?.Byline : theirs?.Date), key, want, verbose);
                }
            }
        }

        Console.WriteLine("Readability's expectations on its test pages (bylines: the names, see MetadataMatch):");
        foreach (var (name, count) in counts)
        {
            Console.WriteLine($"  {name}: {count}");
        }
    }

    private static void Count(SortedDictionary<string, MetadataTally.Count> counts, string name, bool hit, string page, string expected, bool verbose)
    {
        if (!counts.TryGetValue(name, out var count))
        {
            counts[name] = count = new MetadataTally.Count();
        }

        count.Total++;
        count.Hits += hit ? 1 : 0;
        if (!hit && verbose)
        {
            Console.WriteLine($"  {name} miss {page}: expected [{expected}]");
        }
    }

    private static DateTally Tally(SortedDictionary<string, DateTally> tallies, string name)
    {
        if (!tallies.TryGetValue(name, out var tally))
        {
            tallies[name] = tally = new DateTally();
        }

        return tally;
    }

    // The wrapper's JSONL: "file" is the page name with "/" spelled "__" (see the script).
    private static Dictionary<string, PeerPage> ReadPeer(string path)
    {
        var pages = new Dictionary<string, PeerPage>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            using var doc = JsonDocument.Parse(line);
            var file = doc.RootElement.GetProperty("file").GetString()!;
            var page = Path.GetFileName(file).Replace(".html.gz", "", StringComparison.Ordinal).Replace("__", "/", StringComparison.Ordinal);
            pages[page] = new PeerPage(Text(doc.RootElement, "date"), Text(doc.RootElement, "byline"));
        }

        return pages;
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private sealed record PeerPage(string? Date, string? Byline);
}
