using System.Text.Json;

namespace Winnow.Synth.FromTexts;

/// <summary>
/// Reads real article bodies from JSON files shaped like the extraction benchmarks' truth
/// (<c>{ "&lt;key&gt;": { "articleBody": "…" } }</c>), keeps those long enough, and drops a text
/// that repeats an earlier one (test pages share placeholder text, benchmarks share articles),
/// so that two kept texts are two different articles.
/// </summary>
/// <remarks>Texts are read at run time and never stored in the repository. Stateless and thread-safe.</remarks>
internal static class SourceTexts
{
    /// <summary>A text sharing more than this share of its word 5-grams with a kept one is the same article.</summary>
    private const double SameArticleContainment = 0.2;

    /// <summary>The usable articles of <paramref name="files"/>, in file order, then key order within a file.</summary>
    public static List<SourceText> Load(IEnumerable<string> files, int minWords)
    {
        var kept = new List<SourceText>();
        var seen = new Dictionary<ulong, int>();
        foreach (var file in files)
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(file));
            var label = Label(file);
            foreach (var entry in json.RootElement.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                var body = entry.Value.ValueKind == JsonValueKind.Object && entry.Value.TryGetProperty("articleBody", out var b) && b.ValueKind == JsonValueKind.String
                    ? b.GetString()!
                    : string.Empty;
                var paragraphs = Paragraphs(body);
                var text = string.Join("\n\n", paragraphs);
                if (ShingleJaccard.CountWords(text) < minWords || Repeats(text, seen))
                {
                    continue;
                }

                var shingles = new ShingleCursor(text);
                while (shingles.Next(out var h))
                {
                    seen.TryAdd(h, kept.Count);
                }

                kept.Add(new SourceText($"{label}/{entry.Name}", paragraphs));
            }
        }

        return kept;
    }

    /// <summary>Blank-line separated paragraphs, trimmed; line breaks inside a paragraph are kept.</summary>
    public static string[] Paragraphs(string body) =>
        body.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(p => p.Length > 0)
            .ToArray();

    private static bool Repeats(string text, Dictionary<ulong, int> seen)
    {
        int total = 0, shared = 0;
        var shingles = new ShingleCursor(text);
        while (shingles.Next(out var h))
        {
            total++;
            shared += seen.ContainsKey(h) ? 1 : 0;
        }

        return total == 0 || shared > SameArticleContainment * total;
    }

    // "article-extraction-benchmark/ground-truth.json" -> "article-extraction-benchmark"; ".../readability/truth.json" -> "readability".
    private static string Label(string file)
    {
        var full = Path.GetFullPath(file);
        return Path.GetFileName(Path.GetDirectoryName(full)) ?? Path.GetFileNameWithoutExtension(full);
    }
}
