using Winnow.NearDedup;

namespace Winnow.Tests.NearDedup;

public sealed class ShingleHasherTests
{
    private static ulong[] Shingles(string text, int ngram = 2, ulong seed = 1)
    {
        var buffer = new ulong[4];
        var count = new ShingleHasher(ngram, seed).Hash(text, ref buffer);
        return buffer[..count];
    }

    [Fact]
    public void WordsAreLowerCasedRunsOfLettersDigitsAndUnderscore()
    {
        Assert.Equal(Shingles("hello world foo_bar 42"), Shingles("Hello,  WORLD!! foo_bar (42)"));
        Assert.NotEqual(Shingles("hello world foo bar 42"), Shingles("hello world foo_bar 42"));
        Assert.Equal(Shingles("café naïve straße"), Shingles("CAFÉ — Naïve STRASSE".Replace("SS", "ß", StringComparison.Ordinal)));
    }

    [Fact]
    public void WordsMixingAsciiAndOtherLettersStayOneWord()
    {
        // The ASCII fast path copies runs; a word continuing past one (or a long word) must not split.
        Assert.Equal(Shingles("zürich ab_ÉcoleX x"), Shingles("ZÜRICH AB_écolex X"));
        Assert.NotEqual(Shingles("z rich ab école x"), Shingles("zürich ab_écolex x"));
        var longWord = new string('Q', 300) + "é" + new string('q', 100);
        Assert.Equal(Shingles(longWord.ToLowerInvariant() + " end"), Shingles(longWord + " END"));
        Assert.Single(Shingles(longWord + " end"));
    }

    [Fact]
    public void NfcAndNfdSpellingsGiveTheSameShingles() =>
        Assert.Equal(Shingles("cafe\u0301 au lait"), Shingles("caf\u00e9 au lait"));

    [Fact]
    public void OneShinglePerWindowInOrder()
    {
        var s = Shingles("a b a b c", ngram: 2);
        Assert.Equal(4, s.Length);
        Assert.Equal(s[0], s[2]);
        Assert.NotEqual(s[0], s[1]);
        Assert.NotEqual(s[1], s[3]);
        Assert.Equal(Shingles("x y z", ngram: 3), Shingles("X, Y; Z.", ngram: 3));
    }

    [Fact]
    public void ShortTextsGiveOneShingleAndWordlessTextsNone()
    {
        Assert.Single(Shingles("just three words", ngram: 5));
        Assert.Empty(Shingles("  ... !!! ", ngram: 5));
        Assert.Empty(Shingles(string.Empty));
        Assert.NotEqual(Shingles("one two", ngram: 5), Shingles("two one", ngram: 5));
    }

    [Fact]
    public void TheSeedChangesTheHashes() =>
        Assert.NotEqual(Shingles("a b c", seed: 1), Shingles("a b c", seed: 2));

    [Fact]
    public void AWordHashesTheSameWhicheverPathReadsIt()
    {
        // Short words in long ASCII text take a one-load path; words at the end of a text, long
        // words, words before a non-ASCII character or after one take the general path.
        const string Padding = " and some more words to follow here";
        for (var length = 1; length <= 20; length++)
        {
            var word = string.Concat(Enumerable.Range(0, length).Select(k => "aB_9zQ"[k % 6]));
            var alone = Shingles(word, ngram: 1).Single();
            Assert.Equal(alone, Shingles(word + Padding, ngram: 1)[0]);
            Assert.Equal(alone, Shingles(word.ToLowerInvariant() + "\u2014" + Padding, ngram: 1)[0]);
            Assert.Equal(alone, Shingles("\u00e9t\u00e9 " + word.ToUpperInvariant() + Padding, ngram: 1)[1]);
        }

        var distinct = Enumerable.Range(1, 20).Select(n => Shingles(new string('a', n) + Padding, ngram: 1)[0]).Distinct().Count();
        Assert.Equal(20, distinct);
    }

    /// <summary>The word hashes by definition: units fed one at a time, ASCII word characters as <c>c | 0x20</c>, others lower-cased.</summary>
    private static List<ulong> ReferenceWordHashes(string text, ulong seed)
    {
        var hashes = new List<ulong>();
        var word = new WordHasher(seed);
        var nfc = text.Normalize();
        for (var i = 0; i < nfc.Length; i++)
        {
            var c = nfc[i];
            if (c < 128 && (char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                word.Add(c | 0x20u);
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < nfc.Length && char.IsLowSurrogate(nfc[i + 1]))
            {
                var rune = new System.Text.Rune(c, nfc[i + 1]);
                if (IsWordCategory(System.Text.Rune.GetUnicodeCategory(rune)))
                {
                    var lower = System.Text.Rune.ToLowerInvariant(rune).ToString();
                    word.Add(lower[0]);
                    word.Add(lower[1]);
                    i++;
                    continue;
                }
            }
            else if (c >= 128 && IsWordCategory(char.GetUnicodeCategory(c)))
            {
                word.Add(char.ToLowerInvariant(c));
                continue;
            }

            if (word.Units > 0)
            {
                hashes.Add(word.Finish());
            }
        }

        if (word.Units > 0)
        {
            hashes.Add(word.Finish());
        }

        return hashes;
    }

    private static bool IsWordCategory(System.Globalization.UnicodeCategory category) =>
        category is <= System.Globalization.UnicodeCategory.OtherLetter
            or (>= System.Globalization.UnicodeCategory.DecimalDigitNumber and <= System.Globalization.UnicodeCategory.OtherNumber);

    [Fact]
    public void EveryPathGivesTheWordHashesOfTheDefinition()
    {
        // Random texts of every shape the fast paths meet: long ASCII runs (blocks of 64), words of
        // 1 to 40 characters, words cut by a block's end, non-ASCII letters, marks, dashes, emoji.
        string[] pieces = ["a", "Bc", "word", "Longer_words", "x9", "supercalifragilistic", "ThirtyCharacterWordsAreRareButReal", "zürich", "ÉCOLE", "na\u0308ive", "—", "😀", "𝐀𝐁", "\u00a0", ",", ". ", "  ", "\n\n", "(", "_", "42", "'s"];
        var random = new Random(23);
        var hasher = new ShingleHasher(5, 7);
        for (var trial = 0; trial < 3_000; trial++)
        {
            var text = new System.Text.StringBuilder();
            var target = random.Next(0, trial % 10 == 0 ? 3_000 : 400); // some with more words than are hashed at once
            while (text.Length < target)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
                if (random.Next(3) > 0)
                {
                    text.Append(' ');
                }
            }

            var expected = ReferenceWordHashes(text.ToString(), 7);
            var nfc = text.ToString().Normalize();
            var count = hasher.WordHashes(nfc);
            Assert.Equal(expected.ToArray(), hasher.Words[..count].ToArray());
        }
    }
    [Fact]
    public void EachShingleIsItsWindowsPolynomialOfWordHashesAvalanched()
    {
        // Long texts are hashed eight windows at a time where the processor allows it; every
        // window must still be w[i]·P^(n-1) + … + w[i+n-1] (mod 2^64) of its word hashes, seeded, avalanched.
        const ulong P = 0x9E3779B185EBCA87UL;
        var random = new Random(41);
        foreach (var n in new[] { 1, 2, 5, 9 })
        {
            var hasher = new ShingleHasher(n, 11);
            for (var trial = 0; trial < 200; trial++)
            {
                var text = string.Join(' ', Enumerable.Range(0, random.Next(0, 120)).Select(_ => "w" + random.Next(40)));
                var words = hasher.WordHashes(text);
                var wordHashes = hasher.Words[..words].ToArray();
                var shingles = Array.Empty<ulong>();
                var count = hasher.Hash(text, ref shingles);
                if (words < n)
                {
                    continue; // one shingle of all the words: ShortTextsGiveOneShingleAndWordlessTextsNone
                }

                Assert.Equal(words - n + 1, count);
                var seed = 11UL ^ ((ulong)n * 0xC2B2AE3D27D4EB4FUL);
                for (var i = 0; i < count; i++)
                {
                    var h = 0UL;
                    for (var k = 0; k < n; k++)
                    {
                        h = (h * P) + wordHashes[i + k];
                    }

                    Assert.True(Winnow.Hashing.Avalanche.XxHash64(h ^ seed) == shingles[i], $"n {n}, {words} words: shingle {i}");
                }
            }
        }
    }
}
