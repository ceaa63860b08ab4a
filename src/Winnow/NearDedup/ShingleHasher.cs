using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using Winnow.Hashing;
using Winnow.Text;

namespace Winnow.NearDedup;

/// <summary>
/// Turns a text into the 64-bit hashes of its word n-grams. Words are maximal runs of letters,
/// digits and '_' of the NFC, lower-cased text (like Python's <c>re.findall(r"\w+", text.lower())</c>);
/// a text with fewer than n words gives one shingle of all its words, a text without words none.
/// </summary>
/// <remarks>
/// Each word is hashed once (XXH64 of its UTF-16 code units, seeded); a shingle hash mixes its n
/// word hashes in order, so no shingle string is ever built. Not thread-safe: one instance per
/// thread (it keeps its buffers).
/// </remarks>
internal sealed class ShingleHasher
{
    private const ulong Prime1 = 0x9E3779B185EBCA87UL;
    private const ulong Prime2 = 0xC2B2AE3D27D4EB4FUL;
    private static readonly SearchValues<char> AsciiWordChars = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz");
    private readonly int _ngram;
    private readonly ulong _seed;
    private char[] _word = new char[64];
    private ulong[] _words = new ulong[256];

    public ShingleHasher(int ngram, ulong seed)
    {
        _ngram = ngram;
        _seed = seed;
    }

    /// <summary>Writes the shingle hashes of <paramref name="text"/> into <paramref name="shingles"/> (grown as needed); returns their count.</summary>
    public int Hash(string text, ref ulong[] shingles)
    {
        var source = TextNormalizer.ToNfc(text).AsSpan();

        var words = WordHashes(source);
        if (words == 0)
        {
            return 0;
        }

        var count = Math.Max(1, words - _ngram + 1);
        if (shingles.Length < count)
        {
            shingles = new ulong[Math.Max(count, shingles.Length * 2)];
        }

        var span = _words.AsSpan(0, words);
        var n = Math.Min(_ngram, words);
        for (var i = 0; i < count; i++)
        {
            shingles[i] = Combine(span.Slice(i, n));
        }

        return count;
    }

    private int WordHashes(ReadOnlySpan<char> text)
    {
        var count = 0;
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 128)
            {
                if (IsAsciiWord(c))
                {
                    // Copy the whole ASCII run at once (vectorised search and lower-casing).
                    var run = text[i..].IndexOfAnyExcept(AsciiWordChars);
                    run = run < 0 ? text.Length - i : run;
                    if (length + run > _word.Length)
                    {
                        Array.Resize(ref _word, Math.Max(_word.Length * 2, length + run));
                    }

                    Ascii.ToLower(text.Slice(i, run), _word.AsSpan(length, run), out _);
                    length += run;
                    i += run - 1;
                    continue;
                }
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var rune = new Rune(c, text[i + 1]);
                if (IsWord(Rune.GetUnicodeCategory(rune)))
                {
                    var lower = Rune.ToLowerInvariant(rune);
                    Append(ref length, (char)(0xD800 + ((lower.Value - 0x10000) >> 10)));
                    Append(ref length, (char)(0xDC00 + ((lower.Value - 0x10000) & 0x3FF)));
                    i++;
                    continue;
                }
            }
            else if (IsWord(CharUnicodeInfo.GetUnicodeCategory(c)))
            {
                Append(ref length, char.ToLowerInvariant(c));
                continue;
            }

            if (length > 0)
            {
                AddWord(ref count, length);
                length = 0;
            }
        }

        if (length > 0)
        {
            AddWord(ref count, length);
        }

        return count;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Append(ref int length, char c)
    {
        if (length == _word.Length)
        {
            Array.Resize(ref _word, _word.Length * 2);
        }

        _word[length++] = c;
    }

    private void AddWord(ref int count, int length)
    {
        if (count == _words.Length)
        {
            Array.Resize(ref _words, _words.Length * 2);
        }

        _words[count++] = XxHash64.Hash(_word.AsSpan(0, length), _seed);
    }

    // Order matters (a b c ≠ c b a); the final avalanche spreads every input bit over the low 32
    // bits that the signer uses.
    private ulong Combine(ReadOnlySpan<ulong> words)
    {
        var h = _seed ^ ((ulong)words.Length * Prime2);
        foreach (var w in words)
        {
            h = BitOperations.RotateLeft(h ^ (w * Prime2), 31) * Prime1;
        }

        return Avalanche.XxHash64(h);
    }

    private static bool IsAsciiWord(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 || c == '_';

    // Python's \w beyond ASCII: letters and numbers of any kind (marks are not word characters).
    private static bool IsWord(UnicodeCategory category) =>
        category is <= UnicodeCategory.OtherLetter or (>= UnicodeCategory.DecimalDigitNumber and <= UnicodeCategory.OtherNumber);
}
