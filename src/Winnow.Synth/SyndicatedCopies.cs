using System.Text;

namespace Winnow.Synth;

/// <summary>
/// Makes syndicated copies of real article texts for near-dedup quality checks: each original
/// gets a light copy (0.5–2% of words edited, a site header and footer), a heavier copy (2–5%
/// edited, one paragraph dropped, two adjacent paragraphs swapped, header and footer) and, for
/// every other original, a far variant (25% of words edited) that should stay apart.
/// </summary>
/// <remarks>Deterministic for a seed (System.Random's seeded sequence). Thread-safe: stateless.</remarks>
internal static class SyndicatedCopies
{
    public sealed record Copy(string Id, string Text, int Group);

    private static readonly string[] Sites = ["The Daily Ledger", "Metro Wire", "Coastal Courier", "Valley Times", "North Star Post", "Harbor Herald"];

    public static List<Copy> Create(IReadOnlyList<string> originals, int seed = 1)
    {
        var random = new Random(seed);
        var docs = new List<Copy>();
        for (var g = 0; g < originals.Count; g++)
        {
            var paragraphs = originals[g].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            docs.Add(new Copy($"a{g}", originals[g], g));
            docs.Add(new Copy($"a{g}-light", Dress(EditWords(paragraphs, 0.005 + random.NextDouble() * 0.015, random), random), g));
            var heavy = EditWords(paragraphs, 0.02 + random.NextDouble() * 0.03, random);
            if (heavy.Count >= 6)
            {
                heavy.RemoveAt(random.Next(heavy.Count));
                var s = random.Next(heavy.Count - 1);
                (heavy[s], heavy[s + 1]) = (heavy[s + 1], heavy[s]);
            }

            docs.Add(new Copy($"a{g}-heavy", Dress(heavy, random), g));
            if (g % 2 == 0)
            {
                docs.Add(new Copy($"a{g}-far", string.Join("\n\n", EditWords(paragraphs, 0.25, random)), g));
            }
        }

        // Copies sometimes come before their original in a real crawl.
        return [.. docs.OrderBy(_ => random.Next())];
    }

    private static string Dress(List<string> paragraphs, Random random)
    {
        var site = Sites[random.Next(Sites.Length)];
        var text = new StringBuilder();
        text.Append(site).Append(" | News | Updated ").Append(random.Next(1, 13)).Append('/').Append(random.Next(1, 29)).Append("/2024\n\n");
        text.AppendJoin("\n\n", paragraphs);
        text.Append("\n\nThis story was first published elsewhere and is republished by ").Append(site).Append(" with permission. Share this article.");
        return text.ToString();
    }

    // Substitutes, deletes or inserts words (a word of the same article) at the given rate.
    private static List<string> EditWords(List<string> paragraphs, double rate, Random random)
    {
        var pool = paragraphs.SelectMany(p => p.Split(' ')).ToArray();
        var result = new List<string>(paragraphs.Count);
        foreach (var paragraph in paragraphs)
        {
            var words = new List<string>();
            foreach (var word in paragraph.Split(' '))
            {
                if (random.NextDouble() >= rate)
                {
                    words.Add(word);
                    continue;
                }

                switch (random.Next(3))
                {
                    case 0:
                        words.Add(pool[random.Next(pool.Length)]);
                        break;
                    case 1:
                        break;
                    default:
                        words.Add(word);
                        words.Add(pool[random.Next(pool.Length)]);
                        break;
                }
            }

            result.Add(string.Join(' ', words));
        }

        return result;
    }
}
