using Winnow.IO;

namespace Winnow.Tests.IO;

public sealed class GzipDamageTests
{
    public static TheoryData<bool> Decoders => GzipTestData.Decoders();

    private static InvalidDataException ReadExpectingFailure(byte[] file, bool native)
    {
        using var gzip = GzipTestData.Open(file, native);
        return Assert.Throws<InvalidDataException>(() => GzipTestData.ReadAll(gzip));
    }

    private static long OffsetOf(InvalidDataException ex) => Assert.IsType<long>(ex.Data[GzipReadStream.CompressedOffsetKey]);

    public static TheoryData<bool, int> CutPoints()
    {
        var data = new TheoryData<bool, int>();
        foreach (bool native in GzipTestData.Decoders())
        {
            // Inside the header, early and late in the deflate data, and inside the CRC and ISIZE fields.
            foreach (int cutFromEnd in new[] { -1, -5, -9, 1, 3, 6, 8 })
            {
                data.Add(native, cutFromEnd);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CutPoints))]
    public void TruncatedSingleMemberThrowsWithOffset(bool native, int cut)
    {
        byte[] file = GzipTestData.Compress(GzipTestData.Text(50_000, 20));
        int keep = cut < 0 ? -cut : file.Length - cut;
        InvalidDataException ex = ReadExpectingFailure(file[..keep], native);
        Assert.Equal(keep, OffsetOf(ex));
        Assert.Contains($"offset {keep}", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Decoders))]
    public void TruncatedInsideDeflateDataThrows(bool native)
    {
        byte[] file = GzipTestData.Compress(GzipTestData.Text(50_000, 21));
        foreach (int keep in new[] { 12, file.Length / 3, file.Length / 2 })
        {
            Assert.Equal(keep, OffsetOf(ReadExpectingFailure(file[..keep], native)));
        }
    }

    [Fact]
    public void TruncatedLaterMemberNamesItsStart()
    {
        (byte[] file, long[] offsets) = GzipTestData.Concatenate(GzipTestData.Text(9000, 22), GzipTestData.Text(9000, 23));
        int keep = (int)offsets[1] + 30;
        InvalidDataException ex = ReadExpectingFailure(file[..keep], native: true);
        Assert.Equal(keep, OffsetOf(ex));
        Assert.Contains($"starts at offset {offsets[1]}", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Decoders))]
    public void CorruptCrcThrows(bool native)
    {
        byte[] file = GzipTestData.Compress(GzipTestData.Text(10_000, 24));
        file[^8] ^= 0x01;
        Assert.Contains("offset", ReadExpectingFailure(file, native).Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Decoders))]
    public void CorruptLengthThrows(bool native)
    {
        byte[] file = GzipTestData.Compress(GzipTestData.Text(10_000, 25));
        file[^4] ^= 0x01;
        ReadExpectingFailure(file, native);
    }

    [Fact]
    public void CorruptCrcInFirstOfTwoMembersThrowsNearItsEnd()
    {
        (byte[] file, long[] offsets) = GzipTestData.Concatenate(GzipTestData.Text(10_000, 26), GzipTestData.Text(100, 27));
        file[offsets[1] - 8] ^= 0x80;
        long offset = OffsetOf(ReadExpectingFailure(file, native: true));
        Assert.InRange(offset, offsets[1] - 8, offsets[1]);
    }

    [Fact]
    public void GarbageAfterMemberThrows()
    {
        byte[] file = [.. GzipTestData.Compress(GzipTestData.Text(1000, 28)), (byte)'x', (byte)'y'];
        ReadExpectingFailure(file, native: true);
    }

    [Fact]
    public void NonZeroByteAfterPaddingThrowsAtThatByte()
    {
        byte[] member = GzipTestData.Compress(GzipTestData.Text(1000, 29));
        byte[] file = [.. member, 0, 0, 0, 7];
        Assert.Equal(member.Length + 3, OffsetOf(ReadExpectingFailure(file, native: true)));
    }

    [Fact]
    public void TrailingZeroPaddingIsAccepted()
    {
        byte[] payload = GzipTestData.Text(1000, 30);
        using var gzip = GzipTestData.Open([.. GzipTestData.Compress(payload), .. new byte[512]], native: true);
        Assert.Equal(payload, GzipTestData.ReadAll(gzip));
    }
}
