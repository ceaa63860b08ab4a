using Winnow.IO;

namespace Winnow.Tests.IO;

public sealed class CompressedInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("winnow-input-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void SniffsGzipRegardlessOfExtension()
    {
        byte[] payload = GzipTestData.Text(20_000, 40);
        string path = Path.Combine(_dir, "records.jsonl");
        File.WriteAllBytes(path, GzipTestData.Compress(payload));
        using Stream stream = CompressedInput.Open(path);
        Assert.IsType<GzipReadStream>(stream);
        Assert.Equal(payload, GzipTestData.ReadAll(stream));
    }

    [Fact]
    public void PlainFilesAreReturnedAsIs()
    {
        byte[] payload = GzipTestData.Text(20_000, 41);
        string path = Path.Combine(_dir, "records.jsonl.gz");
        File.WriteAllBytes(path, payload);
        using Stream stream = CompressedInput.Open(path);
        Assert.IsType<FileStream>(stream);
        Assert.Equal(payload, GzipTestData.ReadAll(stream));
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x1F })]
    [InlineData(new byte[] { 0x1F, 0x8C, 0 })]
    public void ShortOrNonGzipFilesAreReadPlain(byte[] content)
    {
        string path = Path.Combine(_dir, "short.bin");
        File.WriteAllBytes(path, content);
        using Stream stream = CompressedInput.Open(path);
        Assert.Equal(content, GzipTestData.ReadAll(stream));
    }

    public static TheoryData<string> ForwardFormats() => ["plain", "gzip", "zstd", "lz4"];

    /// <summary>A pipe (read once, a few bytes at a time) is decompressed by its magic bytes as a file is, and loses none of them.</summary>
    [Theory]
    [MemberData(nameof(ForwardFormats))]
    public void AStreamReadOnceIsDecompressedByItsMagicBytes(string format)
    {
        byte[] payload = GzipTestData.Text(50_000, 42);
        byte[] file = format switch
        {
            "gzip" => GzipTestData.Compress(payload),
            "zstd" => new ZstdSharp.Compressor().Wrap(payload).ToArray(),
            "lz4" => Lz4(payload),
            _ => payload,
        };
        using Stream stream = CompressedInput.OpenForward(new TrickleStream(file, 3));
        Assert.Equal(payload, GzipTestData.ReadAll(stream));
    }

    /// <summary>
    /// A zstd frame that declares a window over the decoder's default of 128 MiB, as large dumps
    /// compressed with <c>zstd --long=31</c> do (the Reddit dumps), decodes; it was reported corrupt.
    /// </summary>
    [Fact]
    public void AZstdFrameWithALongWindowDecodes()
    {
        byte[] payload = GzipTestData.Text(50_000, 7);
        var compressed = new MemoryStream();
        using (var compressor = new ZstdSharp.CompressionStream(compressed, level: 3, leaveOpen: true))
        {
            // Streamed, with no size given, so the frame keeps the window it is told: 1 GiB.
            compressor.SetParameter(ZstdSharp.Unsafe.ZSTD_cParameter.ZSTD_c_windowLog, 30);
            compressor.Write(payload);
        }

        var file = compressed.ToArray();
        // The library's own default refuses it: this is the case at issue.
        Assert.ThrowsAny<Exception>(() => new ZstdSharp.DecompressionStream(new MemoryStream(file)).CopyTo(Stream.Null));
        using Stream stream = CompressedInput.OpenForward(new MemoryStream(file));
        Assert.Equal(payload, GzipTestData.ReadAll(stream));
    }

    /// <summary>The first bytes are decoded on the side: the stream still gives all of them, and is the decoder itself.</summary>
    [Theory]
    [MemberData(nameof(ForwardFormats))]
    public void TheFirstBytesOfAStreamReadOnceAreToldWithoutTakingThem(string format)
    {
        byte[] payload = [.. "WARC/1.1\r\n"u8, .. GzipTestData.Text(200_000, 43)];
        byte[] file = format switch
        {
            "gzip" => GzipTestData.Compress(payload),
            "zstd" => new ZstdSharp.Compressor().Wrap(payload).ToArray(),
            "lz4" => Lz4(payload),
            _ => payload,
        };
        using Stream stream = CompressedInput.OpenForward(new TrickleStream(file, 1000), 9, out var head);
        Assert.Equal("WARC/1.1\r"u8.ToArray(), head);
        Assert.Equal(payload, GzipTestData.ReadAll(stream));
        Assert.Equal(format == "gzip", stream is GzipReadStream);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x1F })]
    [InlineData(new byte[] { 0x1F, 0x8C, 0 })]
    [InlineData(new byte[] { (byte)'{', (byte)'}', (byte)'\n', (byte)'{', (byte)'}' })]
    public void AShortStreamReadOnceIsReadPlain(byte[] content)
    {
        using Stream stream = CompressedInput.OpenForward(new TrickleStream(content, 1));
        Assert.Equal(content, GzipTestData.ReadAll(stream));
    }

    private static byte[] Lz4(byte[] payload)
    {
        using var file = new MemoryStream();
        using (var encoder = K4os.Compression.LZ4.Streams.LZ4Stream.Encode(file, leaveOpen: true))
        {
            encoder.Write(payload);
        }

        return file.ToArray();
    }
}
