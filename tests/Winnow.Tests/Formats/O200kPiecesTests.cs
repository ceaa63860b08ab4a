using CsCheck;
using Microsoft.ML.Tokenizers;
using Winnow.Stats;
using Winnow.Tests.Robustness;
using Winnow.Tests.Support;

namespace Winnow.Tests.Formats;

/// <summary>
/// The o200k_base token counter splits text by a scan of its own (<see cref="O200kPieces"/>) and
/// remembers piece counts: both must give exactly what Microsoft.ML.Tokenizers gives.
/// </summary>
public sealed class O200kPiecesTests
{
    private static readonly TiktokenTokenizer Library = TiktokenTokenizer.CreateForEncoding("o200k_base");

    /// <summary>Characters of every class the pattern tells apart, and the strings that stress its alternatives.</summary>
    private static readonly string[] Atoms =
    [
        "a", "b", "z", "A", "Q", "Z", "é", "É", "ß", "ſ", "\u212A", "İ", "ı", "ǅ", "ʰ", "ー", "東", "京", "ก", "ข", "\u0301", "\u0903", "\u20DD",
        "α", "Ω", "д", "Д", "0", "7", "٣", "²", "Ⅻ", "½", " ", "  ", "\t", "\n", "\r", "\r\n", "\v", "\f", "\u0085", "\u00A0", "\u2028",
        "\u3000", "\u200B", "'", "'s", "'S", "'t", "'re", "'VE", "'m", "'ll", "'LL", "'d", "'ſ", "’s", ".", ",", "!", "?", "/", "//", "-", "_",
        "$", "€", "😀", "👍🏽", "\uD800", "\uDFFF", "\uD83D", "<|endoftext|>", "<|endofprompt|>", "<|", "|>", "<|endoftext", "\u0000", "\u001F",
        "hello", "World", "HTTP", "McDonald", "iPhone", "naïve", "don't", "I'M", "1234567", "3.14", "x/y", "a\nb", " \n ", "\n\n\n",
    ];

    private static readonly Gen<string> Text = Gen.Frequency(
            (6, Gen.OneOf(Atoms.Select(Gen.Const).ToArray())),
            (1, HostileGen.AnyCodePoint))
        .Array[0, 40].Select(string.Concat);

    [Fact]
    public void PiecesAreTheLibrarysPreTokenizerPieces() =>
        Text.SampleFixed(text =>
        {
            if (text.Contains("<|", StringComparison.Ordinal))
            {
                return; // special tokens are split before the pattern runs: the count test covers them
            }

            var expected = Library.PreTokenizer!.PreTokenize(text).Select(r => (r.Offset, r.Length)).ToList();
            var actual = new List<(int, int)>();
            for (var i = 0; i < text.Length;)
            {
                var end = O200kPieces.Next(text, i);
                actual.Add((i, end - i));
                i = end;
            }

            Assert.True(expected.SequenceEqual(actual), $"{Escape(text)}: library {string.Join(" ", expected)}, ours {string.Join(" ", actual)}");
        }, seed: HostileGen.Seed, iter: HostileGen.Iterations(20_000));

    /// <summary>Mostly ASCII, as prose is, with every ASCII character and what borders it: letters and marks past U+007F, contractions, digit runs, line breaks.</summary>
    private static readonly Gen<string> MixedText = Gen.Frequency(
            (8, Gen.Char['\u0000', '\u007F'].Select(c => c.ToString())),
            (8, Gen.OneOf(Gen.Char['a', 'z'], Gen.Char['A', 'Z']).Array[1, 18].Select(c => " " + new string(c))),
            (3, Gen.OneOf(Atoms.Select(Gen.Const).ToArray())),
            (2, Gen.OneOf(["caf\u00e9", "cafe\u0301", "Caf\u00c9", "na\u00efve", "A\u02b0b", "x\u00a0y", "9\u0663", "12\u00b2", "a\u2019s", "\u201cquoted\u201d", "\u2014", "\r\n", " \r\n\r\n", "\t\t", "   ", "123456789"])),
            (1, HostileGen.AnyCodePoint))
        .Array[0, 60].Select(string.Concat);

    [Fact]
    public void TheAsciiBlockDecidesPiecesAsTheGeneralScanDoes()
    {
        var (pieces, decided) = (0, 0);
        Gen.OneOf(MixedText, Text).SampleFixed(text =>
        {
            // The pieces in the counter's order, and a block opened at every position.
            var (walked, byBlock) = WalkAsTheCounterDoes(text);
            pieces += walked;
            decided += byBlock;
            for (var start = 0; start < text.Length; start++)
            {
                CheckDecided(text, BlockAt(text, start), start);
            }
        }, seed: HostileGen.Seed, iter: HostileGen.Iterations(10_000));
        Assert.True(decided > pieces / 2, $"the block decided {decided} of {pieces} pieces");
    }

    [Theory]
    [InlineData("He's here; they'LL see it's 'tis I'M 'd 'Re 'vE 'll' don'T o'clock ''s x'", 25)]
    [InlineData("1 12 123 1234 1234567 12.5 3,000,000 a1b22c333d4444 ", 25)]
    [InlineData("line\r\nnext\r\n\r\nthird\n\n\n  \n\t \r x", 6)]
    [InlineData("ends with spaces, then more words and spaces   ", 9)]
    [InlineData("the caf\u00e9 and the cafe\u0301 and CAF\u00c9 na\u00efve ABC\u02b0def x\u00a0y 9\u0663 done", 5)]
    [InlineData("Word. (Quoted) \"both\" [x] {y} a/b/c ./\n/ -- ... !? #tag @user $5 50% a_b ~ \u0000x \u007fy", 25)]
    [InlineData("McDonald iPhone HTTPServer ABCdef aBC UPPER lower Title MiXeD", 13)]
    [InlineData("a long word at the block's end: abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz's, then 'll", 10)]
    public void TheAsciiBlockMeetsTheEdgeCasesAndTheCountsAreTheLibrarys(string text, int minimumDecided)
    {
        var (_, decided) = WalkAsTheCounterDoes(text);
        Assert.True(decided >= minimumDecided, $"only {decided} pieces decided by the block");
        var counter = TokenCounter.For("o200k_base");
        for (var cut = 1; cut <= text.Length; cut++)
        {
            // Each prefix and each suffix, and the text after cut characters: the text's end and
            // a block's end fall everywhere.
            WalkAsTheCounterDoes(text[..cut]);
            WalkAsTheCounterDoes(text[(cut - 1)..]);
            var shifted = new string('x', cut) + " " + text;
            foreach (var variant in new[] { text[..cut], text[(cut - 1)..], shifted })
            {
                Assert.True(Library.CountTokens(variant) == counter.Count(variant), Escape(variant));
            }
        }
    }

    /// <summary>Splits the text as the counter does (blocks, the general scan where they do not decide), checking each piece a block decides.</summary>
    private static (int Pieces, int Decided) WalkAsTheCounterDoes(string text)
    {
        var (pieces, decided) = (0, 0);
        for (var i = 0; i < text.Length;)
        {
            var (byBlock, end) = CheckDecided(text, BlockAt(text, i), i);
            decided += byBlock;
            pieces += byBlock;
            if (end == 0)
            {
                end = O200kPieces.Next(text, i) - i;
                pieces++;
            }

            i += end;
        }

        return (pieces, decided);
    }

    /// <summary>The pieces a block at <paramref name="start"/> decides, each checked against the general scan, and where it stops.</summary>
    private static (int Pieces, int End) CheckDecided(string text, AsciiPieceBlock block, int start)
    {
        var pieces = 0;
        var k = 0;
        var starts = block.DecidedStarts;
        Assert.True(starts == 0 || (starts & 1) == 1, $"{Escape(text)} at {start}: decided starts without the block's first character");
        for (starts &= starts - 1; starts != 0; starts &= starts - 1)
        {
            var next = System.Numerics.BitOperations.TrailingZeroCount(starts);
            var expected = O200kPieces.Next(text, start + k);
            Assert.True(start + next == expected, $"{Escape(text)} at {start + k}: decided starts {start + next}, general {expected}");
            k = next;
            pieces++;
        }

        for (int length; k < AsciiPieceBlock.Size && (length = block.PieceLength(k)) > 0; k += length)
        {
            var expected = O200kPieces.Next(text, start + k);
            Assert.True(start + k + length == expected, $"{Escape(text)} at {start + k}: block {start + k + length}, general {expected}");
            if (length <= PackedPiece.MaxLength)
            {
                var packed = block.Pack(k, length);
                Assert.True(PackedPiece.TryPack(text.AsSpan(start + k, length), out var alone), $"{Escape(text)} at {start + k}");
                Assert.Equal((alone.Low, alone.High), (packed.Low, packed.High));
            }

            pieces++;
        }

        return (pieces, k);
    }

    [Fact]
    public void CountsAreTheLibrarysOnEveryKindOfText()
    {
        var counter = TokenCounter.For("o200k_base");
        Gen.OneOf(Text, MixedText, HostileGen.Text).SampleFixed(
            text => Assert.True(Expected(text) == counter.Count(text), $"{Escape(text)}: library {Expected(text)}, ours {counter.Count(text)}"),
            seed: HostileGen.Seed, iter: HostileGen.Iterations(5_000));
    }

    [Fact]
    public void CountsAreTheLibrarysWhenThreadsShareTheCounter()
    {
        var counter = TokenCounter.For("o200k_base");
        var texts = Text.Array[200].Single(_ => true, HostileGen.Seed);
        var expected = texts.Select(Expected).ToArray();
        var actual = new int[texts.Length];
        Parallel.For(0, texts.Length * 8, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => actual[i % texts.Length] = counter.Count(texts[i % texts.Length]));
        var wrong = Enumerable.Range(0, texts.Length).Where(i => expected[i] != actual[i]).Select(i => $"{Escape(texts[i])}: library {expected[i]}, ours {actual[i]}, ours again {counter.Count(texts[i])}").ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [SharedDataFact("data/article-extraction-benchmark/ground-truth.json")]
    public void CountsAreTheLibrarysOnRealPages()
    {
        var truth = SharedData.File("data", "article-extraction-benchmark", "ground-truth.json")!;
        var counter = TokenCounter.For("o200k_base");
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(truth));
        var pages = 0;
        foreach (var page in json.RootElement.EnumerateObject())
        {
            if (page.Value.TryGetProperty("articleBody", out var body) && body.GetString() is { Length: > 0 } text)
            {
                Assert.Equal(Expected(text), counter.Count(text));
                pages++;
            }
        }

        Assert.True(pages > 100, $"only {pages} pages read");
    }

    [Fact]
    public void CountsStayTheLibrarysWhenThePieceCacheStartsOver()
    {
        // 3·10^5 distinct pieces: the thread's cache (2^17 pieces, 2^20 characters) fills and starts
        // over more than once; every text is counted again after, from the cache or not.
        var counter = TokenCounter.For("o200k_base");
        var random = new Random(5);
        var texts = Enumerable.Range(0, 3_000).Select(_ => string.Join(' ', Enumerable.Range(0, 100).Select(_ =>
            new string([.. Enumerable.Range(0, random.Next(2, 14)).Select(_ => (char)random.Next('a', 'z' + 1))])))).ToArray();
        var first = texts.Select(counter.Count).ToArray();
        var again = texts.Select(counter.Count).ToArray();
        var sample = Enumerable.Range(0, texts.Length).Where(i => i % 50 == 0).ToArray();
        Assert.Equal(sample.Select(i => Expected(texts[i])), sample.Select(i => first[i]));
        Assert.Equal(first, again);
    }

    [Fact]
    public void SpecialTokensStayOneTokenAfterManyDistinctWords()
    {
        // The library keeps its special tokens in its piece cache, which evicts them once it has
        // seen ~10^4 distinct pieces; its count of "<|endoftext|>" then becomes 7. Ours stays 1,
        // the library's count on a fresh instance.
        var counter = TokenCounter.For("o200k_base");
        var random = new Random(3);
        for (var i = 0; i < 40_000; i++)
        {
            var word = new string([.. Enumerable.Range(0, random.Next(3, 12)).Select(_ => (char)random.Next('a', 'z' + 1))]);
            counter.Count(word + " " + word.ToUpperInvariant());
        }

        Assert.Equal(1, counter.Count("<|endoftext|>"));
        Assert.Equal(3, counter.Count("a<|endoftext|>b"));
    }

    [Theory]
    [InlineData("<")]
    [InlineData("a <")]
    [InlineData("<|")]
    [InlineData("<<|endoftext|>")]
    [InlineData("<|<|endoftext|>")]
    [InlineData("<|endoftext|><|endoftext|>")]
    [InlineData("x < y, a <b> |c| <|endoftext")]
    [InlineData("< | <\n|<|endofprompt|> tail <|")]
    [InlineData("<|endoftext|>")]
    public void SpecialTokensAreFoundAmongOtherAngleBrackets(string text)
    {
        // The search for special tokens goes from '<' to '<': brackets not followed by '|', a
        // bracket at the text's end, and a special token right after another bracket.
        text = text.Replace("\\n", "\n", StringComparison.Ordinal);
        foreach (var t in new[] { text, "some words " + text, text + " and more words", string.Concat(Enumerable.Repeat(text + " x", 40)) })
        {
            Assert.True(Expected(t) == TokenCounter.For("o200k_base").Count(t), $"{Escape(t)}: library {Expected(t)}, ours {TokenCounter.For("o200k_base").Count(t)}");
        }
    }

    [Theory]
    [InlineData("cl100k_base")]
    [InlineData("gpt2")]
    public void TheOtherEncodingsCountSpecialTokensAsAFreshLibraryDoesWhateverCameBefore(string encoding)
    {
        var counter = TokenCounter.For(encoding);
        Tokenizer Fresh() => encoding == "gpt2" ? TiktokenTokenizer.CreateForModel("gpt2") : TiktokenTokenizer.CreateForEncoding(encoding);
        var random = new Random(5);
        for (var i = 0; i < 40_000; i++)
        {
            counter.Count(new string([.. Enumerable.Range(0, random.Next(3, 12)).Select(_ => (char)random.Next('a', 'z' + 1))]));
        }

        Text.SampleFixed(
            text => Assert.True(Fresh().CountTokens(text) == counter.Count(text), $"{Escape(text)}: library {Fresh().CountTokens(text)}, ours {counter.Count(text)}"),
            seed: HostileGen.Seed, iter: HostileGen.Iterations(300));
        Assert.Equal(1, counter.Count("<|endoftext|>"));
    }

    /// <summary>The library's count, from a fresh instance when the text spells a special token (see above).</summary>
    private static int Expected(string text) =>
        text.Contains("<|", StringComparison.Ordinal) ? TiktokenTokenizer.CreateForEncoding("o200k_base").CountTokens(text) : Library.CountTokens(text);

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c is >= ' ' and < '\u007F' ? c.ToString() : $"\\u{(int)c:X4}"));

    private static AsciiPieceBlock BlockAt(string text, int start)
    {
        var block = new AsciiPieceBlock(text);
        block.Load(start);
        return block;
    }
}
