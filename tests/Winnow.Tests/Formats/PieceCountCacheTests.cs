using Winnow.Stats;

namespace Winnow.Tests.Formats;

public sealed class PieceCountCacheTests
{
    [Fact]
    public void EveryPieceGetsItsOwnCountWhateverItsLengthAndCharacters()
    {
        // Short ASCII pieces are their own packed key, the others are hashed and compared: pieces
        // that differ only by a trailing NUL, by length or by one bit must never share an entry.
        string[] pieces = ["a", "a\0", "\0", "\0\0", "abcdefg", "abcdefgh", "abcdefgh\0", "bbcdefgh", " the", " thé", "é", "東京", "\u007f", "a\u0080"];
        var cache = new PieceCountCache();
        for (var i = 0; i < pieces.Length; i++)
        {
            Assert.False(cache.TryGet(pieces[i], out _, out var hash), pieces[i]);
            cache.Add(pieces[i], hash, i + 1);
        }

        for (var i = 0; i < pieces.Length; i++)
        {
            Assert.True(cache.TryGet(pieces[i], out var count, out _), pieces[i]);
            Assert.Equal(i + 1, count);
        }

        Assert.False(cache.TryGet("abcdefgi", out _, out _));
        Assert.False(cache.TryGet("b", out _, out _));
    }
}
