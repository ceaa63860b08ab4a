using Winnow.Filters;

namespace Winnow.Tests.Filters;

public class TextStatisticsTests
{
    // Letters, digits, edge punctuation, whitespace, letters and symbols beyond ASCII, a surrogate pair.
    private static readonly string[] Pieces =
        ["a", "Z", "7", ".", ",", "\"", "(", "#", "_", " ", "\t", "\n", "\r\n", "\u00A0", "é", "ß", "Ж", "中", "\u2014", "\u201C", "…", "😀", "\u0301", "²"];

    [Fact]
    public void WordCharsAndAlphabeticWordsEqualARecountOfTheWords()
    {
        var random = new Random(23);
        for (var round = 0; round < 3_000; round++)
        {
            var length = random.Next(0, 200);
            var text = string.Concat(Enumerable.Range(0, length).Select(_ => Pieces[random.Next(round % 3 == 0 ? 12 : Pieces.Length)]));
            var stats = TextStatistics.For(text);
            long chars = 0;
            var alphabetic = 0;
            for (var i = 0; i < stats.WordCount; i++)
            {
                var word = stats.Word(i);
                chars += word.Length;
                alphabetic += word.ToArray().Any(c => char.IsAsciiLetter(c) || (c >= 128 && char.IsLetter(c))) ? 1 : 0;
            }

            Assert.True(chars == stats.WordChars, $"round {round}: {chars} characters in the words, {stats.WordChars} counted");
            Assert.True(alphabetic == stats.AlphabeticWords, $"round {round}: {alphabetic} words with a letter, {stats.AlphabeticWords} counted");
        }
    }
}
