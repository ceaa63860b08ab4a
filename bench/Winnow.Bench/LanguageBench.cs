using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Winnow.Extraction;
using Winnow.Language;

namespace Winnow.Bench;

/// <summary>
/// Language identification accuracy, per language, and how many texts reach the language filter's
/// default min_score (0.3): on a labelled TSV ("language TAB text", e.g. bench/build_langid_sample.py's),
/// and on Readability's test pages, each page's extracted text against its &lt;html lang&gt;.
/// </summary>
internal static partial class LanguageBench
{
    private const double MinScore = 0.3;

    public static void Sample(string path)
    {
        var identifier = LanguageIdentifier.Load();
        var rows = File.ReadLines(path).Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('\t', 2)).Select(p => (Expected: p[0], Text: p[1]));
        Report(identifier, rows);
    }

    public static void Pages(string folder)
    {
        var identifier = LanguageIdentifier.Load();
        var extractor = new HtmlExtractor();
        var rows = new List<(string, string)>();
        foreach (var dir in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
        {
            var source = Path.Combine(dir, "source.html.gz");
            if (!File.Exists(source))
            {
                continue;
            }

            using var gzip = new GZipStream(File.OpenRead(source), CompressionMode.Decompress);
            var html = new StreamReader(gzip, Encoding.UTF8).ReadToEnd();
            var lang = HtmlLang().Match(html);
            if (!lang.Success || LanguageTags.Normalize(lang.Groups[1].Value) is not { } expected)
            {
                continue;
            }

            rows.Add((expected, extractor.Extract(html).Text));
        }

        Report(identifier, rows);
    }

    private static void Report(LanguageIdentifier identifier, IEnumerable<(string Expected, string Text)> rows)
    {
        var perLanguage = new SortedDictionary<string, (int Total, int Right, int Kept)>(StringComparer.Ordinal);
        foreach (var (expected, text) in rows)
        {
            var guess = identifier.Identify(text);
            var right = LanguageTags.Matches(guess.Language, expected);
            var (total, r, kept) = perLanguage.GetValueOrDefault(expected);
            perLanguage[expected] = (total + 1, r + (right ? 1 : 0), kept + (right && guess.Score >= MinScore ? 1 : 0));
            if (!right)
            {
                Console.WriteLine($"  {expected} -> {guess.Language} (score {guess.Score:F3}, runner-up {guess.Runner})");
            }
        }

        Console.WriteLine($"| language | texts | identified | kept at min_score {MinScore} |");
        Console.WriteLine("| --- | --- | --- | --- |");
        foreach (var (language, (total, right, kept)) in perLanguage)
        {
            Console.WriteLine($"| {language} | {total} | {right} ({100.0 * right / total:F0}%) | {kept} ({100.0 * kept / total:F0}%) |");
        }

        var all = perLanguage.Values.Aggregate((Total: 0, Right: 0, Kept: 0), (a, v) => (a.Total + v.Total, a.Right + v.Right, a.Kept + v.Kept));
        Console.WriteLine($"| **all ({perLanguage.Count} languages)** | {all.Total} | {all.Right} ({100.0 * all.Right / all.Total:F1}%) | {all.Kept} ({100.0 * all.Kept / all.Total:F1}%) |");
    }

    [GeneratedRegex("<html[^>]*\\blang\\s*=\\s*[\"']?([A-Za-z0-9_-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlLang();
}
