using System.Text;
using Winnow.Hashing;

namespace Winnow.Tests.Hashing;

public sealed class XxHash64Tests
{
    private const ulong Prime32 = 2654435761UL;

    // The xxHash project's sanity buffer: byte i is the top byte of a running product of its primes.
    private static byte[] SanityBuffer(int length)
    {
        var buffer = new byte[length];
        ulong gen = Prime32;
        for (int i = 0; i < length; i++)
        {
            buffer[i] = (byte)(gen >> 56);
            gen *= 11400714785074694797UL;
        }

        return buffer;
    }

    private static byte[] Pattern(int length)
    {
        var buffer = new byte[length];
        for (int i = 0; i < length; i++)
        {
            buffer[i] = (byte)((i * 31) + 7);
        }

        return buffer;
    }

    [Theory]
    [InlineData(0, 0UL, 0xEF46DB3751D8E999UL)]
    [InlineData(0, Prime32, 0xAC75FDA2929B17EFUL)]
    [InlineData(1, 0UL, 0xE934A84ADB052768UL)]
    [InlineData(1, Prime32, 0x5014607643A9B4C3UL)]
    [InlineData(14, 0UL, 0x8282DCC4994E35C8UL)]
    [InlineData(14, Prime32, 0xC3BD6BF63DEB6DF0UL)]
    [InlineData(222, 0UL, 0xB641AE8CB691C174UL)]
    [InlineData(222, Prime32, 0x20CB8AB7AE10C14AUL)]
    public void MatchesSanityVectors(int length, ulong seed, ulong expected) =>
        Assert.Equal(expected, XxHash64.Hash(SanityBuffer(length), seed));

    // Lengths chosen to hit each branch: <4, 4-byte tail, 8-byte lanes, stripes plus every tail kind.
    [Theory]
    [InlineData(3, 0UL, 0x56E6957632A487F9UL)]
    [InlineData(3, 1UL, 0x598AFE4FBB09D9F6UL)]
    [InlineData(4, 0UL, 0xC60D15B1E3FF8F04UL)]
    [InlineData(7, 0x9E3779B97F4A7C15UL, 0x2CE9ADEC2B2C8104UL)]
    [InlineData(8, 0UL, 0x3DA5C7AA269683E0UL)]
    [InlineData(8, 1UL, 0x1B4E043A4021AA18UL)]
    [InlineData(31, 0UL, 0x4A74F3A1A39AD4A1UL)]
    [InlineData(32, 0UL, 0x8D57D6A4671CC43DUL)]
    [InlineData(32, 0x9E3779B97F4A7C15UL, 0x184EBCF3745CD46CUL)]
    [InlineData(33, 1UL, 0xB1575979B72C805AUL)]
    [InlineData(63, 0UL, 0x5C320A0D2707057FUL)]
    [InlineData(100, 0UL, 0xEFA0AD2D3E70C151UL)]
    [InlineData(100, 0x9E3779B97F4A7C15UL, 0xBC7AB33BE7528C18UL)]
    [InlineData(257, 1UL, 0x8DD5BE8D13914C22UL)]
    public void MatchesReferenceOnPatternBuffers(int length, ulong seed, ulong expected) =>
        Assert.Equal(expected, XxHash64.Hash(Pattern(length), seed));

    [Fact]
    public void HashesAsciiString() => Assert.Equal(0x44BC2CF5AD770999UL, XxHash64.Hash("abc"u8));

    [Fact]
    public void CharOverloadHashesUtf16LittleEndianBytes()
    {
        const string text = "héllo wörld, ✓";
        Assert.Equal(0x8C0BD1C2C60B1238UL, XxHash64.Hash(text.AsSpan(), 42));
        Assert.Equal(XxHash64.Hash(Encoding.Unicode.GetBytes(text), 42), XxHash64.Hash(text.AsSpan(), 42));
    }

    [Fact]
    public void UnalignedSlicesHashLikeCopies()
    {
        byte[] data = Pattern(300);
        for (int start = 1; start < 9; start++)
        {
            Assert.Equal(XxHash64.Hash(data[start..]), XxHash64.Hash(data.AsSpan(start)));
        }
    }
}
