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

    /// <summary>Jaccard index of the shingle sets of two texts; 1 when both have no shingle.</summary>
    public static double Jaccard(ReadOnlySpan<char> a, ReadOnlySpan<char> b, ShingleTable table)
    {
        table.Clear();
        int distinctA = 0, common = 0, onlyB = 0;
        var shingles = new ShingleCursor(a);
        while (shingles.Next(out ulong h))
        {
            distinctA += table.Mark(h, ShingleTable.InA) == 0 ? 1 : 0;
        }

        shingles = new ShingleCursor(b);
        while (shingles.Next(out ulong h))
        {
            int before = table.Mark(h, ShingleTable.InB);
            common += before == ShingleTable.InA ? 1 : 0;
            onlyB += before == 0 ? 1 : 0;
        }

        int union = distinctA + onlyB;
        return union == 0 ? 1.0 : (double)common / union;
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

    /// <summary>Hash of the next word token, lower-cased; false at the end of the text.</summary>
    internal static bool NextToken(ReadOnlySpan<char> text, ref int i, out ulong hash)
    {
        var map = LowerWordChars;
        while (i < text.Length && (text[i] < 128 ? map[text[i]] == 0 : !char.IsLetterOrDigit(text[i])))
        {
            i++;
        }

        hash = 0xCBF29CE484222325UL;
        if (i >= text.Length)
        {
            return false;
        }

        while (i < text.Length)
        {
            char c = text[i];
            if (c < 128)
            {
                c = (char)map[c];
                if (c == 0)
                {
                    break;
                }
            }
            else if (char.IsLetterOrDigit(c))
            {
                c = char.ToLowerInvariant(c);
            }
            else
            {
                break;
            }

            hash = (hash ^ c) * 0x100000001B3UL;
            i++;
        }

        return true;
    }

    /// <summary>ASCII word characters mapped to their lower-case form; zero for everything else.</summary>
    private static ReadOnlySpan<byte> LowerWordChars => LowerWordMap;

    private static readonly byte[] LowerWordMap = BuildMap();

    private static byte[] BuildMap()
    {
        var map = new byte[128];
        for (int c = 0; c < 128; c++)
        {
            map[c] = char.IsAsciiLetterOrDigit((char)c) || c == '_' ? (byte)char.ToLowerInvariant((char)c) : (byte)0;
        }

        return map;
    }
}
