using System.Text;
using Microsoft.ML.Tokenizers;
using Winnow.Stats;

namespace Winnow.Tests.Formats;

/// <summary>
/// O200kPieces cuts text where the library's o200k_base pre-tokenizer (its regex) cuts it, and the
/// token counter built on it counts what the library counts for the whole text.
/// </summary>
public sealed class O200kPiecesTests
{
    private static readonly TiktokenTokenizer Library = TiktokenTokenizer.CreateForEncoding("o200k_base");

    // Characters from every class the pattern tells apart: upper, lower, title-case, modifier and
    // other letters, the three kinds of marks and of numbers, spaces of several kinds, line ends,
    // slashes, apostrophes and the contractions' letters, surrogates paired and alone, symbols.
    private static readonly string[] Parts =
    [
        "a", "b", "s", "t", "d", "m", "l", "r", "v", "e", "S", "T", "D", "M", "L", "R", "V", "E", "Q", "word", " word",
        "WORD", "Word", "'", "'s", "'S", "'ll", "'LL", "'re", "'Ve", "'d", "'m", "'x",
        " ", "  ", "   ", "\t", "\n", "\r", "\r\n", "\n\n", " \n ", "\v", "\f", "\u0085", "\u00a0", "\u2028", "\u3000",
        "/", "//", "-", ".", ",", "!", "?", "$", "(", ")", "—", "…", "\u201c", "\u2019",
        "0", "7", "12", "123", "12345", "²", "\u2167", "\u0663",
        "é", "É", "naïve", "\u01c5", "\u02b0", "\u0301", "\u0903", "\u20dd", "漢字", "かな", "ไทย", "\u0627\u0644",
        "😀", "\ud83d", "\ude00", "\ud800x", "|>", "<", "|",
    ];

    // What the splitter leaves to the library, drawn rarely so that most texts are split. A whole
    // special-token spelling is not among them: the library counts one as a single token only while
    // it is still in its LRU cache (evicted after some thousands of other pieces), so its count
    // depends on what that tokenizer counted before and cannot be compared here.
    private static readonly string[] Undecided = ["'ſ", "'\u212a", "'l\u0131", "<|", "x<|endof"];

    [Fact]
    public void CutsWhereTheLibrarysPreTokenizerCutsAndCountsWhatItCounts()
    {
        var preTokenizer = Library.PreTokenizer!;
        var counter = TokenCounter.For("o200k_base");
        var random = new Random(41);
        var split = 0;
        for (var round = 0; round < 20_000; round++)
        {
            var builder = new StringBuilder();
            var parts = random.Next(1, 30);
            for (var i = 0; i < parts; i++)
            {
                builder.Append(random.Next(100) == 0 ? Undecided[random.Next(Undecided.Length)] : Parts[random.Next(Parts.Length)]);
            }

            var text = builder.ToString();
            var sink = new Collect();
            if (O200kPieces.Split(text, ref sink))
            {
                split++;
                var expected = preTokenizer.PreTokenize(text).ToList();
                Assert.True(expected.SequenceEqual(sink.Pieces), $"pieces of {Escape(text)}: [{string.Join(", ", sink.Pieces)}], library: [{string.Join(", ", expected)}]");
            }

            Assert.True(Library.CountTokens(text) == counter.Count(text), $"count of {Escape(text)}");
        }

        // Most texts must take the splitter's path, or the comparison above tests little.
        Assert.True(split > 12_000, $"{split} texts split");
    }

    [Fact]
    public void RemembersCountsPastItsTablesSize()
    {
        // 100,000 distinct pieces, short (held inline) and long (in a dictionary), each asked twice:
        // the tables fill and start over, and every answer stays the library's.
        var counts = new PieceCounts(Library);
        var random = new Random(7);
        var pieces = Enumerable.Range(0, 100_000)
            .Select(i => " " + string.Concat(Enumerable.Range(0, 2 + (i % 14)).Select(_ => (char)random.Next('a', 'z' + 1))) + i)
            .ToList();
        foreach (var piece in pieces.Concat(pieces.AsEnumerable().Reverse()))
        {
            Assert.Equal(Library.CountTokens(piece, considerPreTokenization: false), counts.Count(piece));
        }
    }

    [Theory]
    [InlineData("it's")]
    [InlineData("a<|endof")]
    [InlineData("x'\u017f")]
    public void LeavesToTheLibraryWhatItDoesNotDecide(string text)
    {
        var sink = new Collect();
        Assert.Equal(text == "it's", O200kPieces.Split(text, ref sink));
        Assert.Equal(Library.CountTokens(text), TokenCounter.For("o200k_base").Count(text));
    }

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c is >= ' ' and < (char)0x7F ? c.ToString() : $"\\u{(int)c:x4}"));

    private struct Collect : IPieceSink
    {
        public Collect()
        {
        }

        public List<(int Offset, int Length)> Pieces { get; } = [];

        public readonly void Add(int start, int length) => Pieces.Add((start, length));
    }
}
