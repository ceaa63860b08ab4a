using Winnow.Documents;

namespace Winnow.Tests.Filters;

/// <summary>Builds test documents and prose for the filter tests (all text written for these tests).</summary>
internal static class FilterDocs
{
    public static Document Doc(string text) => new("d", text, new DocumentSource("t", 1, 0), 0, text.Length);

    /// <summary>Ordinary prose: sentences drawn from a small vocabulary with a fixed seed, one per line.</summary>
    public static string Prose(int sentences = 12)
    {
        string[] adjectives = ["quiet", "broken", "northern", "old", "narrow", "bright", "wooden", "distant", "empty", "famous", "hidden", "modest", "patient", "sudden", "gentle"];
        string[] nouns = ["river", "teacher", "bakery", "station", "harbour", "library", "orchard", "market", "bridge", "village", "letter", "window", "garden", "council", "painter", "engine", "sister", "road"];
        string[] verbs = ["remembered", "described", "repaired", "painted", "visited", "questioned", "measured", "photographed", "followed", "admired", "crossed", "opened"];
        string[] links = ["near", "behind", "beyond", "under", "beside", "after", "before", "with"];
        var random = new Random(7);
        string Pick(string[] words) => words[random.Next(words.Length)];
        var lines = new List<string>();
        for (var i = 0; i < sentences; i++)
        {
            lines.Add(random.Next(3) switch
            {
                0 => $"The {Pick(adjectives)} {Pick(nouns)} {Pick(verbs)} a {Pick(adjectives)} {Pick(nouns)} {Pick(links)} the {Pick(nouns)}.",
                1 => $"Yesterday our {Pick(nouns)} {Pick(verbs)} that {Pick(adjectives)} {Pick(nouns)} and then {Pick(verbs)} it {Pick(links)} {Pick(nouns)}s.",
                _ => $"Few {Pick(nouns)}s have ever {Pick(verbs)} the {Pick(adjectives)} {Pick(nouns)} of this {Pick(adjectives)} {Pick(nouns)}, she said.",
            });
        }

        return string.Join("\n", lines);
    }
}
