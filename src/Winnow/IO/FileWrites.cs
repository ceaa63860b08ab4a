namespace Winnow.IO;

/// <summary>
/// Writes large spans to files in pieces of at most <see cref="MaxPiece"/> bytes: one write call of
/// a whole sorted run or a serialized chunk (megabytes) costs the kernel several times more per byte
/// than the same bytes in 256 KiB calls.
/// </summary>
/// <remarks>
/// Measured on the bench VM (Linux 6.18, ext4): writing 2 GiB from a cold buffer into new page-cache
/// pages took 0.50 s of system time in 128–512 KiB calls, 1.7 s in 1 MiB calls and 5.7–6.3 s in
/// 8 MiB calls (docs/benchmarks.md). Reads show no such step. Streams that buffer use at most this
/// size for the same reason (a full buffer is one write call).
/// </remarks>
internal static class FileWrites
{
    /// <summary>The largest write call made, and the largest buffer of a file stream that writes.</summary>
    public const int MaxPiece = 1 << 18;

    /// <summary>Writes <paramref name="data"/> to <paramref name="stream"/> in pieces of at most <see cref="MaxPiece"/> bytes.</summary>
    public static void Write(Stream stream, ReadOnlySpan<byte> data)
    {
        while (data.Length > MaxPiece)
        {
            stream.Write(data[..MaxPiece]);
            data = data[MaxPiece..];
        }

        stream.Write(data);
    }

    /// <summary>
    /// Opens a new, empty file for writing at <paramref name="path"/>, a temporary or work file of
    /// the program's own, removing one an interrupted run left there.
    /// </summary>
    /// <remarks>
    /// Not <see cref="FileMode.Create"/>: .NET opens the file and then truncates it to 0 bytes, and
    /// ext4 takes a file truncated to 0 for one being replaced (its auto_da_alloc rule), so closing
    /// it writes the whole file back to disk first: a close took 1.0 s after 2 GiB on the bench VM,
    /// 0 ms for a file created new (O_EXCL), whose pages are then written back in the background.
    /// </remarks>
    public static FileStream CreateNew(string path, FileAccess access = FileAccess.Write, FileShare share = FileShare.None, int bufferSize = MaxPiece)
    {
        File.Delete(path);
        return new FileStream(path, FileMode.CreateNew, access, share, bufferSize);
    }
}
