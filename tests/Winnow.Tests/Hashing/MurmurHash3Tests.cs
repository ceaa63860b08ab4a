using System.Buffers.Binary;
using System.Text;
using Winnow.Hashing;

namespace Winnow.Tests.Hashing;

public sealed class MurmurHash3Tests
{
    // SMHasher's VerificationTest: hash keys 0..i-1 (i = 0..255) with seed 256-i, hash the
    // concatenated digests with seed 0, and read the first four bytes as a little-endian uint.
    [Fact]
    public void PassesSmhasherVerification()
    {
        var key = new byte[256];
        var digests = new byte[16 * 256];
        for (int i = 0; i < 256; i++)
        {
            key[i] = (byte)i;
            UInt128 h = MurmurHash3x64_128.Hash(key.AsSpan(0, i), (uint)(256 - i));
            BinaryPrimitives.WriteUInt128LittleEndian(digests.AsSpan(16 * i), h);
        }

        UInt128 final = MurmurHash3x64_128.Hash(digests, 0);
        Assert.Equal(0x6384BA69u, (uint)final);
    }

    // Values cross-checked against an independent implementation; hex is h2 then h1.
    [Theory]
    [InlineData("", 0u, "00000000000000000000000000000000")]
    [InlineData("", 1u, "51622daa78f835834610abe56eff5cb5")]
    [InlineData("a", 0u, "e6b53a48510e895a85555565f6597889")]
    [InlineData("abc", 0u, "3ba2744126ca2d52b4963f3f3fad7867")]
    [InlineData("hello, world", 0u, "4cdcbc079642414d342fac623a5ebc8e")]
    [InlineData("The quick brown fox jumps over the lazy dog", 0u, "7a433ca9c49a9347e34bbc7bbc071b6c")]
    [InlineData("The quick brown fox jumps over the lazy dog", 123u, "16c5efbac8871fd95fcfeea2e9959ab6")]
    [InlineData("0123456789abcdef", 0u, "87c35b5c63a708da4be06d94cf4ad1a7")]
    [InlineData("0123456789abcdefg", 7u, "139764e0c8b00f0c792d7b2ed7b034ea")]
    [InlineData("0123456789abcde", 0xFFFFFFFFu, "f4799fb196cc3154297b659740a4b99b")]
    public void MatchesKnownValues(string text, uint seed, string expectedHex)
    {
        UInt128 expected = UInt128.Parse(expectedHex, System.Globalization.NumberStyles.HexNumber);
        Assert.Equal(expected, MurmurHash3x64_128.Hash(Encoding.UTF8.GetBytes(text), seed));
    }

    [Fact]
    public void LowHalfHoldsTheReferenceFirstOutputWord()
    {
        // The reference's byte output for the fox sentence is the well-known 6c1b07bc7bbc4be3...
        UInt128 h = MurmurHash3x64_128.Hash("The quick brown fox jumps over the lazy dog"u8);
        var bytes = new byte[16];
        BinaryPrimitives.WriteUInt128LittleEndian(bytes, h);
        Assert.Equal("6c1b07bc7bbc4be347939ac4a93c437a", Convert.ToHexStringLower(bytes));
    }

    [Fact]
    public void CharOverloadHashesUtf16LittleEndianBytes()
    {
        const string text = "naïve café ✓";
        Assert.Equal(MurmurHash3x64_128.Hash(Encoding.Unicode.GetBytes(text), 9), MurmurHash3x64_128.Hash(text.AsSpan(), 9));
    }
}
