using Winnow.IO;

namespace Winnow.Tests.IO;

public sealed class FileWritesTests
{
    /// <summary>Records the size of every write call it receives.</summary>
    private sealed class RecordingStream : MemoryStream
    {
        public List<int> Calls { get; } = [];

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Calls.Add(buffer.Length);
            base.Write(buffer);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(FileWrites.MaxPiece)]
    [InlineData(FileWrites.MaxPiece + 1)]
    [InlineData((5 * FileWrites.MaxPiece) + 123)]
    public void LargeSpansAreWrittenWholeInPiecesOfAtMostMaxPiece(int length)
    {
        var data = new byte[length];
        new Random(length).NextBytes(data);
        using var stream = new RecordingStream();
        FileWrites.Write(stream, data);
        Assert.Equal(data, stream.ToArray());
        Assert.All(stream.Calls, c => Assert.InRange(c, 0, FileWrites.MaxPiece));
        Assert.Equal((length + FileWrites.MaxPiece - 1) / FileWrites.MaxPiece, stream.Calls.Count(c => c > 0));
    }

    [Fact]
    public void CreateNewStartsAnEmptyFileWhereAnInterruptedRunLeftOne()
    {
        var folder = Directory.CreateTempSubdirectory("winnow-filewrites-");
        try
        {
            var path = Path.Combine(folder.FullName, ".part-00000.jsonl.tmp");
            File.WriteAllText(path, "what an interrupted run left, longer than what follows");
            using (var stream = FileWrites.CreateNew(path))
            {
                Assert.Equal(0, stream.Length);
                stream.Write("new"u8);
            }

            Assert.Equal("new", File.ReadAllText(path));
            using (FileWrites.CreateNew(Path.Combine(folder.FullName, "fresh.bin")))
            {
            }

            Assert.Equal(0, new FileInfo(Path.Combine(folder.FullName, "fresh.bin")).Length);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
