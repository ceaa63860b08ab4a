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
}
