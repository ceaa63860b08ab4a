namespace Winnow.Synth;

/// <summary>
/// The invented language every corpus is written in: English function words at the top ranks, then words and
/// personal names built from syllables with a fixed seed, so the vocabulary is the same for every corpus seed. Frequent ranks get the shortest words, as in real
/// languages, which makes character and shingle statistics look natural.
/// </summary>
internal sealed class Vocabulary
{
    public const int WordCount = 6000;
    public const int NameCount = 900;

    private static readonly string[] Onsets =
    [
        "", "", "b", "bl", "br", "c", "ch", "d", "dr", "f", "fl", "fr", "g", "gl", "gr", "h", "j", "k", "l", "m",
        "n", "p", "pl", "pr", "qu", "r", "s", "sh", "sk", "sl", "sp", "st", "t", "th", "tr", "v", "w", "wh", "z",
    ];

    // English function words take the most frequent ranks: quality filters (Gopher's stop-word
    // rule) and language identification expect them in prose, as they are in real text.
    private static readonly string[] FunctionWords =
    [
        "the", "of", "and", "to", "a", "in", "that", "is", "was", "for", "it", "with", "as", "on", "be", "at", "by",
        "he", "she", "they", "we", "had", "have", "has", "are", "but", "from", "or", "an", "this", "which", "were",
        "their", "been", "would", "there", "will", "more", "when", "who", "also", "not", "its", "into", "after", "than",
        "about", "over", "said", "new", "some", "could", "other", "can", "most", "only", "while", "what", "these",
    ];

    private static readonly string[] Vowels = ["a", "e", "i", "o", "u", "a", "e", "o", "ai", "ea", "ou", "ie", "y"];

    private static readonly string[] Codas = ["", "", "", "n", "r", "s", "l", "m", "t", "nd", "rk", "st", "x", "ng", "ck", "th"];

    private Vocabulary()
    {
        var rng = new SynthRng(0x5EEDC0DEUL, 0, SynthStream.Catalog);
        var seen = new HashSet<string>(FunctionWords, StringComparer.Ordinal);
        var candidates = new List<(double Key, string Word)>(WordCount);
        while (candidates.Count < WordCount - FunctionWords.Length)
        {
            int syllables = rng.Chance(0.35) ? 1 : rng.Chance(0.6) ? 2 : rng.Chance(0.7) ? 3 : 4;
            string word = MakeWord(ref rng, syllables);
            if (word.Length >= 2 && seen.Add(word))
            {
                // Sorting on length plus noise puts short words at the frequent ranks without making it strict.
                candidates.Add((word.Length + (rng.NextDouble() * 3.0), word));
            }
        }

        candidates.Sort((a, b) => a.Key.CompareTo(b.Key));
        Words = [.. FunctionWords, .. candidates.Select(c => c.Word)];

        var names = new List<string>(NameCount);
        while (names.Count < NameCount)
        {
            string name = MakeWord(ref rng, rng.Chance(0.75) ? 2 : 1);
            if (name.Length is >= 4 and <= 9 && seen.Add(name))
            {
                names.Add(char.ToUpperInvariant(name[0]) + name[1..]);
            }
        }

        Names = names.ToArray();
        Zipf = new ZipfSampler(WordCount, 1.05, 2.7);
    }

    /// <summary>The shared instance; building it takes a few milliseconds, once.</summary>
    public static Vocabulary Instance { get; } = new();

    /// <summary>Lower-case words, index = frequency rank.</summary>
    public string[] Words { get; }

    /// <summary>Capitalised personal names (first and family names share the table).</summary>
    public string[] Names { get; }

    public ZipfSampler Zipf { get; }

    public static string TitleCase(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    private static string MakeWord(ref SynthRng rng, int syllables)
    {
        Span<char> buffer = stackalloc char[32];
        int length = 0;
        for (int s = 0; s < syllables; s++)
        {
            Append(buffer, ref length, Onsets[rng.NextInt(Onsets.Length)]);
            Append(buffer, ref length, Vowels[rng.NextInt(Vowels.Length)]);
            if (s == syllables - 1 || rng.Chance(0.3))
            {
                Append(buffer, ref length, Codas[rng.NextInt(Codas.Length)]);
            }
        }

        return new string(buffer[..length]);
    }

    private static void Append(Span<char> buffer, ref int length, string part)
    {
        part.AsSpan().CopyTo(buffer[length..]);
        length += part.Length;
    }
}
