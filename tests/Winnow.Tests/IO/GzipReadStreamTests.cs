using Winnow.IO;

namespace Winnow.Tests.IO;

public sealed class GzipReadStreamTests
{
    public static TheoryData<bool> Decoders => GzipTestData.Decoders();

    [Fact]
    public void NativeZlibLoadsOnLinux()
    {
        if (OperatingSystem.IsLinux())
        {
            Assert.True(GzipReadStream.IsNativeZlibAvailable);
            Assert.True(new GzipReadStream(new MemoryStream(GzipTestData.Compress([1]))).UsesNativeZlib);
        }
    }

    [Theory]
    [MemberData(nameof(Decoders))]
    public void RoundTripsSingleMember(bool native)
    {
        byte[] payload = GzipTestData.Text(100_000, 1);
        using var gzip = GzipTestData.Open(GzipTestData.Compress(payload), native);
        Assert.Equal(payload, GzipTestData.ReadAll(gzip));
        Assert.Equal(payload.Length, gzip.Position);
        Assert.Equal(0, gzip.Read(new byte[10]));
    }

    [Theory]
    [MemberData(nameof(Decoders))]
    public void RoundTripsMultipleMembersIncludingEmptyOnes(bool native)
    {
        byte[][] payloads = [GzipTestData.Text(5000, 2), [], GzipTestData.Random(300, 3), [], GzipTestData.Text(70_000, 4)];
        (byte[] file, _) = GzipTestData.Concatenate(payloads);
        using var gzip = GzipTestData.Open(file, native);
        Assert.Equal(payloads.SelectMany(p => p).ToArray(), GzipTestData.ReadAll(gzip, 1000));
    }

    [Theory]
    [MemberData(nameof(Decoders))]
    public void RoundTripsOnlyAnEmptyMember(bool native)
    {
        using var gzip = GzipTestData.Open(GzipTestData.Compress([]), native);
        Assert.Empty(GzipTestData.ReadAll(gzip));
    }

    [Theory]
    [MemberData(nameof(Decoders))]
    public void RoundTripsBigPayloadInOddSizedReads(bool native)
    {
        byte[] payload = [.. GzipTestData.Random(3_000_000, 5), .. GzipTestData.Text(5_000_000, 6)];
        using var gzip = GzipTestData.Open(GzipTestData.Compress(payload, System.IO.Compression.CompressionLevel.Fastest), native);
        Assert.Equal(payload, GzipTestData.ReadAll(gzip, 77_777));
    }

    [Theory]
    [MemberData(nameof(Decoders))]
    public void EmptyInputThrows(bool native)
    {
        using var gzip = GzipTestData.Open([], native);
        Assert.Throws<InvalidDataException>(() => GzipTestData.ReadAll(gzip));
    }

    [Fact]
    public void ReportsMemberStartOffsetsAsWritten()
    {
        byte[][] payloads = [GzipTestData.Text(5000, 7), [], GzipTestData.Text(400_000, 8), GzipTestData.Random(10, 9)];
        (byte[] file, long[] offsets) = GzipTestData.Concatenate(payloads);
        using var gzip = new GzipReadStream(new TrickleStream(file, 4099));
        var ended = new List<GzipMember>();
        gzip.MemberEnded += ended.Add;

        var seen = new Dictionary<long, long>();
        var buffer = new byte[16384];
        int n;
        while ((n = gzip.Read(buffer)) > 0)
        {
            seen[gzip.MemberIndex] = gzip.MemberStartOffset;
        }

        Assert.Equal(offsets, ended.Select(m => m.CompressedOffset));
        Assert.Equal(payloads.Select(p => (long)p.Length), ended.Select(m => m.UncompressedLength));
        Assert.Equal(Enumerable.Range(0, payloads.Length).Select(i => (long)i), ended.Select(m => m.Index));
        Assert.Equal(file.Length, ended[^1].CompressedOffset + ended[^1].CompressedLength);
        Assert.Equal(offsets[2], seen[2]);
        Assert.Equal(offsets[0], seen[0]);
    }

    [Fact]
    public void SurvivesInputArrivingOneByteAtATime()
    {
        byte[][] payloads = [GzipTestData.Text(3000, 10), [], GzipTestData.Text(20, 11)];
        (byte[] file, long[] offsets) = GzipTestData.Concatenate(payloads);
        using var gzip = new GzipReadStream(new TrickleStream([.. file, 0, 0, 0], 1));
        var ended = new List<GzipMember>();
        gzip.MemberEnded += ended.Add;
        Assert.Equal(payloads.SelectMany(p => p).ToArray(), GzipTestData.ReadAll(gzip, 7));
        Assert.Equal(offsets, ended.Select(m => m.CompressedOffset));
    }
}
