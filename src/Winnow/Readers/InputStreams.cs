using Winnow.IO;

namespace Winnow.Readers;

/// <summary>Opens input files and standard input, looking through gzip, zstd and lz4 by their magic bytes whatever the name.</summary>
internal static class InputStreams
{
    /// <remarks>
    /// The gzip reader is strict: a truncated or corrupt file throws <see cref="InvalidDataException"/>
    /// instead of ending quietly, so the damage is reported, not passed on as a short file.
    /// </remarks>
    public static Stream Open(InputFile file, Stream? standardInput) =>
        file.Path == InputFile.StandardInput
            ? CompressedInput.OpenForward(new NonClosingStream(standardInput ?? System.Console.OpenStandardInput()))
            : CompressedInput.Open(file.Path);

    /// <summary>
    /// Standard input, decompressed, and its first <paramref name="count"/> bytes (see
    /// <see cref="CompressedInput.OpenForward(Stream, int, out byte[])"/>): what it holds is told by them.
    /// </summary>
    public static Stream OpenStandardInput(Stream? standardInput, int count, out byte[] head) =>
        CompressedInput.OpenForward(new NonClosingStream(standardInput ?? System.Console.OpenStandardInput()), count, out head);

    /// <summary>
    /// <see cref="OpenStandardInput"/> for <paramref name="file"/>: standard input, or a pipe read like
    /// it (<see cref="InputFile.TypeFromContent"/>).
    /// </summary>
    public static Stream OpenLikeStandardInput(InputFile file, Stream? standardInput, int count, out byte[] head) =>
        file.Path == InputFile.StandardInput
            ? OpenStandardInput(standardInput, count, out head)
            : CompressedInput.OpenForward(FileSystemNode.OpenRead(file.Path, 1 << 16), count, out head);

    /// <summary>Whether a stream starting with <paramref name="head"/> is a WARC file (<c>WARC/</c>) or an ARC file (<c>filedesc://</c>).</summary>
    public static bool IsWarc(ReadOnlySpan<byte> head) => head.StartsWith("WARC/"u8) || head.StartsWith("filedesc:"u8);

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
