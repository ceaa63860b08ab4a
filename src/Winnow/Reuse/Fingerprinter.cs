using Winnow.Text;

namespace Winnow.Reuse;

/// <summary>
/// Selects a document's fingerprints: hashes of word n-grams chosen by winnowing (the smallest
/// hash of every window of <c>w</c> consecutive n-grams), so that any shared run of w + n − 1 words
/// yields a shared fingerprint while only about 2/(w+1) of the n-grams are kept.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
internal static class Fingerprinter
{
    /// <summary>The distinct fingerprints of a word sequence, sorted.</summary>
    public static ulong[] Select(List<WordToken> words, int n, int window)
    {
        var count = words.Count - n + 1;
        if (count <= 0)
        {
            return [];
        }

        var grams = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            grams[i] = NgramHash(words, i, n);
        }

        var selected = new List<ulong>(count * 2 / (window + 1) + 2);
        var last = -1;
        var w = Math.Min(window, count);
        for (var start = 0; start + w <= count; start++)
        {
            // The rightmost minimum, so a run of equal minima selects one position, not each.
            var min = start;
            for (var j = start + 1; j < start + w; j++)
            {
                if (grams[j] <= grams[min])
                {
                    min = j;
                }
            }

            if (min != last)
            {
                selected.Add(grams[min]);
                last = min;
            }
        }

        var result = selected.ToArray();
        Array.Sort(result);
        var m = result.Length == 0 ? 0 : 1;
        for (var i = 1; i < result.Length; i++)
        {
            if (result[i] != result[m - 1])
            {
                result[m++] = result[i];
            }
        }

        return m == result.Length ? result : result[..m];
    }

    public static ulong NgramHash(List<WordToken> words, int start, int n)
    {
        var hash = 0x243F6A8885A308D3UL;
        for (var k = 0; k < n; k++)
        {
            hash = WordTokenizer.Mix(hash ^ words[start + k].Hash) + 0x13198A2E03707344UL;
        }

        return hash;
    }
}
