namespace Winnow.Synth;

/// <summary>
/// Ground-truth similarity: the Jaccard index of two texts' word 5-gram sets. Tokens are maximal runs of word
/// characters (letters, digits, underscore) lower-cased, like Python's <c>re.findall(r"\w+", text.lower())</c> on
/// the ASCII text this generator writes; a shingle is 5 consecutive tokens. Shingles are compared as 64-bit hashes,
/// so the figure is exact unless two distinct shingles collide (odds around 1e-14 per document pair).
/// </summary>
internal static class ShingleJaccard
{
    public const int ShingleSize = 5;

    /// <summary>Writes the sorted distinct shingle hashes of <paramref name="text"/>; returns how many.</summary>
    public static int Shingles(ReadOnlySpan<char> text, ref ulong[] buffer)
    {
        Span<ulong> window = stackalloc ulong[ShingleSize];
        int tokens = 0;
        int count = 0;
        int i = 0;
        while (NextToken(text, ref i, out ulong hash))
        {
            window[tokens % ShingleSize] = hash;
            tokens++;
            if (tokens >= ShingleSize)
            {
                ulong h = 0xCBF29CE484222325UL;
                for (int k = tokens - ShingleSize; k < tokens; k++)
                {
                    h = (h ^ window[k % ShingleSize]) * 0x100000001B3UL;
                    h ^= h >> 29;
                }

                if (count == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                buffer[count++] = h;
            }
        }

        var span = buffer.AsSpan(0, count);
        span.Sort();
        int distinct = 0;
        for (int k = 0; k < span.Length; k++)
        {
            if (k == 0 || span[k] != span[k - 1])
            {
                span[distinct++] = span[k];
            }
        }

        return distinct;
    }

    /// <summary>Jaccard index of two sorted distinct sets; 1 when both are empty.</summary>
    public static double Jaccard(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        if (a.IsEmpty && b.IsEmpty)
        {
            return 1.0;
        }

        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                common++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return (double)common / (a.Length + b.Length - common);
    }

    /// <summary>Number of word tokens in <paramref name="text"/>.</summary>
    public static int CountWords(ReadOnlySpan<char> text)
    {
        int i = 0, count = 0;
        while (NextToken(text, ref i, out _))
        {
            count++;
        }

        return count;
    }

    private static bool NextToken(ReadOnlySpan<char> text, ref int i, out ulong hash)
    {
        while (i < text.Length && !IsWordChar(text[i]))
        {
            i++;
        }

        hash = 0xCBF29CE484222325UL;
        if (i >= text.Length)
        {
            return false;
        }

        while (i < text.Length && IsWordChar(text[i]))
        {
            hash = (hash ^ char.ToLowerInvariant(text[i])) * 0x100000001B3UL;
            i++;
        }

        return true;
    }

    private static bool IsWordChar(char c) => c < 128 ? char.IsAsciiLetterOrDigit(c) || c == '_' : char.IsLetterOrDigit(c);
}
