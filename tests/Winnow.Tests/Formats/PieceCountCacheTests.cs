using Winnow.Stats;

namespace Winnow.Tests.Formats;

public sealed class PieceCountCacheTests
{
    [Fact]
    public void EveryPieceGetsItsOwnCountWhateverItsLengthAndCharacters()
    {
        // Short ASCII pieces are their own packed key, the others are hashed and compared: pieces
        // that differ only by a trailing NUL, by length or by one bit must never share an entry.
        string[] pieces =
        [
            "a", "a\0", "\0", "\0\0", "abcdefg", "abcdefgh", "abcdefgh\0", "bbcdefgh", " the", " thé", "é", "東京", "\u007f", "a\u0080",
            "abcdefghijklmno", "abcdefghijklmn\0", "abcdefghijklmnop", "abcdefghijklmno\0", "abcdefghijklmn\u00ff", "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0",
        ];
        var cache = new PieceCountCache();
        static int CountOf(int i) => 1 + (i % 15); // a packed entry keeps counts up to 15
        for (var i = 0; i < pieces.Length; i++)
        {
            Assert.False(cache.TryGet(pieces[i], out _, out var hash), pieces[i]);
            cache.Add(pieces[i], hash, CountOf(i));
        }

        for (var i = 0; i < pieces.Length; i++)
        {
            Assert.True(cache.TryGet(pieces[i], out var count, out _), pieces[i]);
            Assert.Equal(CountOf(i), count);
        }

        Assert.False(cache.TryGet("abcdefgi", out _, out _));
        Assert.False(cache.TryGet("b", out _, out _));
    }

    [Fact]
    public void PiecesKeepTheirCountsUntilTheTableIsFullAndAfterItStartsOver()
    {
        // Packed and hashed pieces alike, enough to fill the table (2^17 pieces) and start it
        // over: whatever is found must be its own count; after the start over, a piece is either
        // missing or right.
        static string Piece(int i) => i % 3 == 0 ? $" w{i}é" : $" w{i}";
        static int CountOf(int i) => 1 + (i % 13);
        var cache = new PieceCountCache();
        const int pieces = 200_000;
        for (var i = 0; i < pieces; i++)
        {
            if (!cache.TryGet(Piece(i), out _, out var hash))
            {
                cache.Add(Piece(i), hash, CountOf(i));
            }

            if (i % 997 == 0 && i < (1 << 17))
            {
                for (var j = 0; j <= i; j += 31)
                {
                    Assert.True(cache.TryGet(Piece(j), out var count, out _), Piece(j));
                    Assert.Equal(CountOf(j), count);
                }
            }
        }

        var found = 0;
        for (var i = 0; i < 2 * pieces; i++)
        {
            if (cache.TryGet(Piece(i), out var count, out _))
            {
                Assert.True(i < pieces, Piece(i));
                Assert.Equal(CountOf(i), count);
                found++;
            }
        }

        Assert.InRange(found, 1, (1 << 17) - 1); // it started over once, at 2^17 pieces
    }

    [Fact]
    public void APieceFoundInABlockHasTheKeyOfTheSamePieceFoundAlone()
    {
        // Pieces found by a block are packed from its bytes, the others from their characters:
        // the two keys must agree, or a piece would be kept twice, under two keys.
        var text = "abcdefghijklmno\0\u007f !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`{|}~\t\n\r";
        for (var start = 0; start < text.Length; start++)
        {
            var block = BlockAt(text, start);
            for (var length = 1; length <= Math.Min(PackedPiece.MaxLength, text.Length - start); length++)
            {
                var packed = block.Pack(0, length);
                Assert.True(PackedPiece.TryPack(text.AsSpan(start, length), out var alone));
                Assert.Equal((alone.Low, alone.High), (packed.Low, packed.High));
            }
        }

        Assert.False(PackedPiece.TryPack("abcdefghijklmnop", out _));
        Assert.False(PackedPiece.TryPack("abcdefghijklmn\u0080", out _));
        Assert.False(PackedPiece.TryPack("", out _));
    }

    private static AsciiPieceBlock BlockAt(string text, int start)
    {
        var block = new AsciiPieceBlock(text);
        block.Load(start);
        return block;
    }
}

public sealed class HugePageTableTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(1000)]
    [InlineData((3 << 20) / 16)] // 3 MB of 16-byte entries: not a whole number of 2 MB pages
    public void ATableStartsZeroedAndKeepsWhatIsWritten(int length)
    {
        var table = new HugePageTable<UInt128>(length);
        Assert.Equal(length, table.Span.Length);
        Assert.True(table.Span.IndexOfAnyExcept(UInt128.Zero) < 0);
        for (var i = 0; i < length; i += 7)
        {
            table.Span[i] = (UInt128)i + 1;
        }

        for (var i = 0; i < length; i++)
        {
            Assert.Equal(i % 7 == 0 ? (UInt128)i + 1 : UInt128.Zero, table.Span[i]);
        }

        Assert.Equal((UInt128)1, table.First);
    }
}
