using Winnow.Hashing;

namespace Winnow.Tests.Hashing;

public sealed class Crc32Tests
{
    [Fact]
    public void MatchesCheckValue() => Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));

    [Fact]
    public void EmptyIsZero() => Assert.Equal(0u, Crc32.Compute([]));

    [Fact]
    public void MatchesKnownSentence() =>
        Assert.Equal(0x414FA339u, Crc32.Compute("The quick brown fox jumps over the lazy dog"u8));

    [Fact]
    public void SlicedPathMatchesBytewiseTail()
    {
        // 771 bytes exercise the 8-byte loop and a 3-byte tail; the expected value came from zlib.
        byte[] data = [.. Enumerable.Range(0, 768).Select(i => (byte)i), .. "xyz"u8.ToArray()];
        Assert.Equal(0x43906281u, Crc32.Compute(data));
    }

    [Fact]
    public void AppendIsPiecewiseCompute()
    {
        byte[] data = [.. Enumerable.Range(0, 1000).Select(i => (byte)(i * 7))];
        for (int split = 0; split <= 20; split++)
        {
            uint piecewise = Crc32.Append(Crc32.Compute(data.AsSpan(0, split)), data.AsSpan(split));
            Assert.Equal(Crc32.Compute(data), piecewise);
        }
    }
}
