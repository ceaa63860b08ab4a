namespace Winnow.Language;

/// <summary>
/// Cavnar–Trenkle n-gram profiles: the 1- to 5-grams of the letters of each word padded with '_',
/// ranked by frequency, the top <see cref="Size"/> kept. Keys are 64-bit hashes of the n-gram.
/// </summary>
internal static class NgramProfile
{
    public const int Size = 400;
    public const int MaxN = 5;

    /// <summary>The hash of one n-gram as written in a .lm file (or built from a text).</summary>
    public static ulong Key(ReadOnlySpan<char> ngram)
    {
        var h = 0xcbf29ce484222325UL;
        foreach (var c in ngram)
        {
            h = (h ^ c) * 0x100000001b3UL;
        }

        return h;
    }

    /// <summary>The text's top n-gram keys, most frequent first (ties by key, so the order is deterministic).</summary>
    public static ulong[] Build(ReadOnlySpan<char> text, int maxChars)
    {
        var counts = new Dictionary<ulong, int>(1024);
        Span<char> word = stackalloc char[66];
        var length = 0;
        var limit = Math.Min(text.Length, maxChars);
        for (var i = 0; i <= limit; i++)
        {
            var c = i < limit ? text[i] : ' ';
            if (char.IsLetter(c) || (length > 0 && char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark))
            {
                if (length < 64)
                {
                    word[++length] = c;
                }

                continue;
            }

            if (length > 0)
            {
                word[0] = '_';
                word[length + 1] = '_';
                Count(word[..(length + 2)], counts);
                length = 0;
            }
        }

        var ranked = counts.ToArray();
        Array.Sort(ranked, static (a, b) => a.Value != b.Value ? b.Value.CompareTo(a.Value) : a.Key.CompareTo(b.Key));
        var top = new ulong[Math.Min(Size, ranked.Length)];
        for (var r = 0; r < top.Length; r++)
        {
            top[r] = ranked[r].Key;
        }

        return top;
    }

    private static void Count(ReadOnlySpan<char> padded, Dictionary<ulong, int> counts)
    {
        for (var start = 0; start < padded.Length; start++)
        {
            for (var n = 1; n <= MaxN && start + n <= padded.Length; n++)
            {
                var gram = padded.Slice(start, n);
                if (n == 1 && gram[0] == '_' && start > 0)
                {
                    continue; // count the word boundary once per word, as the profiles do
                }

                var key = Key(gram);
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }
    }
}
