using Winnow.IO;

namespace Winnow.Readers;

/// <summary>Opens input files and standard input, looking through gzip, zstd, lz4, bzip2 and xz by their magic bytes whatever the name.</summary>
internal static class InputStreams
{
    /// <remarks>
    /// The gzip reader is strict: a truncated or corrupt file throws <see cref="InvalidDataException"/>
    /// instead of ending quietly, so the damage is reported, not passed on as a short file.
    /// </remarks>
    public static Stream Open(InputFile file, Stream? standardInput) =>
        file.ReadsLikeStandardInput ? OpenLikeStandardInput(file, standardInput, out _) : CompressedInput.Open(file.Path);

    /// <summary>
    /// Standard input, or a pipe read like it (<see cref="InputFile.TypeFromContent"/>), decompressed;
    /// <paramref name="isWarc"/> says whether it holds a WARC or ARC stream (<c>WARC/</c>,
    /// <c>filedesc://</c>) rather than JSONL or a page, told by its first bytes without taking them.
    /// </summary>
    public static Stream OpenLikeStandardInput(InputFile file, Stream? standardInput, out bool isWarc)
    {
        var source = file.Path == InputFile.StandardInput
            ? new NonClosingStream(standardInput ?? System.Console.OpenStandardInput())
            : (Stream)FileSystemNode.OpenRead(file.Path, 1 << 16);
        var stream = CompressedInput.OpenForward(source, 9, out var head);
        isWarc = head.AsSpan().StartsWith("WARC/"u8) || head.AsSpan().StartsWith("filedesc:"u8);
        return stream;
    }

    /// <summary>Leaves the caller's standard input open when the reader is done with it.</summary>
    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override int Read(Span<byte> buffer) => inner.Read(buffer);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
