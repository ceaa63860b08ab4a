using Winnow.Filters;

namespace Winnow.Tests.Filters;

public class WhitespaceMaskTests
{
    // ASCII, the whitespace characters outside ASCII, and non-whitespace neighbours of each.
    private static readonly char[] Alphabet =
        ['a', 'Z', '.', ' ', '\t', '\n', '\r', '\f', '\v', '\u001C', '\u0085', '\u00A0', '\u00E9', '\u1680', '\u2000', '\u200A', '\u200B', '\u2028', '\u2029', '\u202F', '\u205F', '\u3000', '\u201C', '\uFEFF', '\uD83D'];

    [Fact]
    public void EveryBlockGivesTheMasksOfTheCharacterTest()
    {
        var random = new Random(17);
        for (var round = 0; round < 5_000; round++)
        {
            var length = round % 3 == 0 ? random.Next(1, 65) : 64;
            var asciiOnly = round % 4 == 0;
            var block = new char[length];
            for (var i = 0; i < length; i++)
            {
                block[i] = Alphabet[random.Next(asciiOnly ? 10 : Alphabet.Length)];
            }

            var spaces = WhitespaceMask.Of(block, out var newlines);
            for (var i = 0; i < length; i++)
            {
                Assert.True(TextStatistics.IsSpace(block[i]) == ((spaces >> i & 1) != 0), $"U+{(int)block[i]:X4} at {i} of round {round}");
                Assert.Equal(block[i] == '\n', (newlines >> i & 1) != 0);
            }

            Assert.Equal(0UL, length == 64 ? 0 : spaces >> length);
        }
    }
}
