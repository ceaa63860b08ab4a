using System.Text;
using Winnow.Filters;

namespace Winnow.Tests.Filters;

/// <summary>
/// The fast paths of Gopher repetition against straightforward versions: word hashes against
/// <see cref="TextHash.Of(ReadOnlySpan{char})"/>, the n-gram levels against counting each n-gram's
/// words as a string, the line and word split against splitting character by character.
/// </summary>
public class RepetitionReferenceTests
{
    // Short and long words, edge punctuation, non-ASCII letters and whitespace, a surrogate pair.
    private static readonly string[] Vocabulary =
    [
        "a", "I", "of", "to", "the", "and", "was", "news", "said", "today", "market", "council",
        "yesterday", "photograph", "remembered", "questionable", "extraordinarily", "counterrevolutionary",
        "(the", "said,", "\"quoted\"", "end.", "--", "...", "U.S.", "don't", "e-mail", "café", "naïve",
        "Zürich", "日本語", "😀ok", "x\u00A0y", "«bien»", "—", "#tag", "$5", "1,000", "12:30",
    ];

    [Fact]
    public void WordHashesEqualTextHashOfEachWord()
    {
        var random = new Random(3);
        for (var round = 0; round < 400; round++)
        {
            var text = RandomText(random, random.Next(0, 300));
            var stats = TextStatistics.For(text);
            var words = stats.Words;
            var hashes = new ulong[words.Length + 3];
            TextHash.OfWords(text, words, hashes);
            for (var i = 0; i < words.Length; i++)
            {
                var expected = TextHash.Of(words[i].Of(text));
                Assert.Equal(expected, hashes[i]);
                Assert.Equal(expected, TextHash.Of(text, words[i].Start, words[i].Length));
            }
        }

        // Every length from 0 to 20 at every distance from the end of the text.
        var letters = string.Concat(Enumerable.Range(0, 40).Select(i => (char)('a' + (i % 26))));
        for (var length = 0; length <= 20; length++)
        {
            for (var start = 0; start + length <= letters.Length; start++)
            {
                Assert.Equal(TextHash.Of(letters.AsSpan(start, length)), TextHash.Of(letters, start, length));
            }
        }
    }

    [Fact]
    public void NgramLevelsEqualCountingTheWordsAsStrings()
    {
        var random = new Random(11);
        for (var round = 0; round < 300; round++)
        {
            var words = round % 10 == 0 ? random.Next(2000, 6000) : random.Next(2, 400);
            var text = RandomText(random, words);
            var stats = TextStatistics.For(text);
            if (stats.WordCount < 2)
            {
                continue;
            }

            var strings = stats.Words.ToArray().Select(w => w.Of(text).ToString()).ToArray();
            var ngrams = new WordNgrams(stats);
            for (var n = 2; n <= 10; n++)
            {
                var best = ngrams.Next(out var repeated);
                var (expectedBest, expectedRepeated) = Reference(strings, n);
                Assert.True(expectedBest == best, $"round {round}, n = {n}: top {best}, expected {expectedBest}");
                Assert.True(expectedRepeated == repeated, $"round {round}, n = {n}: repeated {repeated}, expected {expectedRepeated}");
            }
        }
    }

    [Fact]
    public void SplitEqualsSplittingCharacterByCharacter()
    {
        var random = new Random(5);
        for (var round = 0; round < 2_000; round++)
        {
            var text = round % 2 == 0 ? RandomText(random, random.Next(0, 120)) : RandomCharacters(random, random.Next(0, 400));
            var stats = TextStatistics.For(text);
            var (words, lines, tokens, longest) = ReferenceSplit(text);
            Assert.Equal(words, stats.Words.ToArray());
            Assert.Equal(lines, stats.Lines.ToArray());
            Assert.Equal(tokens, stats.LineTokens.ToArray());
            Assert.Equal(longest, stats.LineLongestToken.ToArray());
        }
    }

    /// <summary>
    /// The most characters one repeated n-gram's occurrences cover (count × its words joined by
    /// spaces), and the characters (word + separator) of words inside an occurrence after the first.
    /// </summary>
    private static (long Best, long Repeated) Reference(string[] words, int n)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        long best = 0, repeated = 0;
        var coveredEnd = 0;
        for (var i = 0; i + n <= words.Length; i++)
        {
            var key = string.Join(' ', words, i, n);
            var count = counts[key] = counts.GetValueOrDefault(key) + 1;
            if (count < 2)
            {
                continue;
            }

            best = Math.Max(best, count * (long)key.Length);
            for (var w = Math.Max(i, coveredEnd); w < i + n; w++)
            {
                repeated += words[w].Length + 1;
            }

            coveredEnd = i + n;
        }

        return (best, repeated);
    }

    [Fact]
    public void RepeatedLinesAreThoseEqualAsStrings()
    {
        // Lines of every length around the hash's 32-character lanes, and lines that differ from
        // one another in a single character at each position: only equal lines may count as repeats.
        var random = new Random(31);
        var baseLine = string.Concat(Enumerable.Range(0, 90).Select(i => (char)('a' + (i * 7 % 26))));
        var pool = new List<string> { "", "  ", "short line" };
        foreach (var length in new[] { 15, 16, 17, 31, 32, 33, 47, 63, 64, 65, 90 })
        {
            pool.Add(baseLine[..length]);
            for (var at = 0; at < length; at += 5)
            {
                pool.Add(string.Concat(baseLine.AsSpan(0, at), "Z", baseLine.AsSpan(at + 1, length - at - 1)));
            }
        }

        for (var round = 0; round < 2_000; round++)
        {
            var lines = Enumerable.Range(0, random.Next(1, 40)).Select(_ => pool[random.Next(pool.Count)]).ToArray();
            var text = string.Join('\n', lines);
            var stats = TextStatistics.For(text);
            var (fraction, chars, blocks) = RepeatedBlocks.Lines(stats);

            var seen = new HashSet<string>(StringComparer.Ordinal);
            int expectedBlocks = 0, repeats = 0;
            long expectedChars = 0;
            foreach (var line in stats.Lines.ToArray().Select(l => l.Of(text).ToString()))
            {
                if (LineMarks.IsBlank(line))
                {
                    continue;
                }

                expectedBlocks++;
                if (!seen.Add(line))
                {
                    repeats++;
                    expectedChars += line.Length;
                }
            }

            Assert.Equal(expectedBlocks, blocks);
            Assert.True(expectedChars == (long)chars, $"round {round}: {expectedChars} repeated characters, {chars} counted");
            Assert.Equal(expectedBlocks == 0 ? 0 : (double)repeats / expectedBlocks, fraction);
        }
    }

    private static (Segment[] Words, Segment[] Lines, int[] Tokens, int[] Longest) ReferenceSplit(string text)
    {
        var words = new List<Segment>();
        var lines = new List<Segment>();
        var tokens = new List<int>();
        var longest = new List<int>();
        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var end = text.IndexOf('\n', lineStart);
            var next = end < 0 ? text.Length : end + 1;
            end = end < 0 ? text.Length : end;
            int count = 0, most = 0;
            for (var i = lineStart; i < end;)
            {
                if (TextStatistics.IsSpace(text[i]))
                {
                    i++;
                    continue;
                }

                var start = i;
                while (i < end && !TextStatistics.IsSpace(text[i]))
                {
                    i++;
                }

                count++;
                most = Math.Max(most, i - start);
                int from = start, to = i;
                while (from < to && IsEdgePunctuation(text[from]))
                {
                    from++;
                }

                while (to > from && IsEdgePunctuation(text[to - 1]))
                {
                    to--;
                }

                if (to > from)
                {
                    words.Add(new Segment(from, to - from));
                }
            }

            var lineEnd = end > lineStart && text[end - 1] == '\r' ? end - 1 : end;
            lines.Add(new Segment(lineStart, lineEnd - lineStart));
            tokens.Add(count);
            longest.Add(most);
            lineStart = next;
        }

        return ([.. words], [.. lines], [.. tokens], [.. longest]);
    }

    private static bool IsEdgePunctuation(char c) => char.IsPunctuation(c) || char.IsSymbol(c);

    /// <summary>Words from <see cref="Vocabulary"/>, with phrases copied from earlier in the text, separated by assorted whitespace.</summary>
    private static string RandomText(Random random, int words)
    {
        var picked = new List<string>();
        while (picked.Count < words)
        {
            if (picked.Count > 10 && random.Next(4) == 0)
            {
                var length = random.Next(1, 14);
                var from = random.Next(picked.Count - 1);
                picked.AddRange(picked.Skip(from).Take(length));
            }
            else
            {
                picked.Add(Vocabulary[random.Next(random.Next(2) == 0 ? 8 : Vocabulary.Length)]);
            }
        }

        var text = new StringBuilder();
        string[] separators = [" ", " ", " ", "  ", "\n", "\r\n", "\n\n", "\t", "\u2003"];
        foreach (var word in picked.Take(words))
        {
            text.Append(word).Append(separators[random.Next(separators.Length)]);
        }

        // Sometimes end on a word (no separator after it).
        return random.Next(2) == 0 ? text.ToString().TrimEnd() : text.ToString();
    }

    /// <summary>Any ASCII character, some whitespace and punctuation outside ASCII, and letters.</summary>
    private static string RandomCharacters(Random random, int length)
    {
        const string Other = "\u0085\u00A0\u2003\u2028\u3000«»—…é漢€";
        var text = new char[length];
        for (var i = 0; i < length; i++)
        {
            text[i] = random.Next(4) switch
            {
                0 => (char)random.Next(128),
                1 => Other[random.Next(Other.Length)],
                _ => (char)('a' + random.Next(26)),
            };
        }

        return new string(text);
    }
}
