using System.Text.Json.Nodes;

namespace Winnow.Tests.NearDedup;

/// <summary>A small corpus with known near duplicates: originals of 400-600 words, close copies (1-2 words changed, true 5-gram Jaccard about 0.95-0.98, so LSH misses one with odds below 10^-3) and far variants (30% changed).</summary>
internal static class NearDupCorpus
{
    public sealed record Doc(string Id, string Text, int Truth, string? Date);

    public static List<Doc> Create(int originals = 60, int seed = 1)
    {
        var random = new Random(seed);
        var vocabulary = Enumerable.Range(0, 3000).Select(_ => new string([.. Enumerable.Range(0, random.Next(3, 9)).Select(_ => (char)('a' + random.Next(26)))])).ToArray();
        var docs = new List<Doc>();
        for (var o = 0; o < originals; o++)
        {
            var words = Enumerable.Range(0, 400 + random.Next(200)).Select(_ => vocabulary[random.Next(vocabulary.Length)]).ToArray();
            docs.Add(new Doc($"o{o}", string.Join(' ', words), o, $"2024-01-{1 + random.Next(28):D2}"));
            if (o % 3 == 0)
            {
                for (var c = 0; c < 1 + (o % 2); c++)
                {
                    docs.Add(new Doc($"o{o}c{c}", Edit(words, random, 1 + c, vocabulary) + (c == 1 ? " extra tail" : string.Empty), o, $"2023-12-{1 + random.Next(28):D2}"));
                }
            }

            if (o % 5 == 0)
            {
                docs.Add(new Doc($"o{o}far", Edit(words, random, words.Length * 3 / 10, vocabulary), -1 - o, null));
            }
        }

        // Shuffle deterministically so copies sometimes precede their original.
        return [.. docs.OrderBy(_ => random.Next())];
    }

    public static string Jsonl(IEnumerable<Doc> docs) => string.Join('\n', docs.Select(d =>
    {
        var o = new JsonObject { ["id"] = d.Id, ["text"] = d.Text };
        if (d.Date is not null)
        {
            o["date"] = d.Date;
        }

        return o.ToJsonString();
    })) + "\n";

    private static string Edit(string[] words, Random random, int edits, string[] vocabulary)
    {
        var copy = (string[])words.Clone();
        for (var e = 0; e < edits; e++)
        {
            copy[random.Next(copy.Length)] = vocabulary[random.Next(vocabulary.Length)];
        }

        return string.Join(' ', copy);
    }
}
