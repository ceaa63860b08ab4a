namespace Winnow.IO;

/// <summary>Opens input files whether or not they are gzip-compressed, so readers need not care.</summary>
/// <remarks>Stateless and thread-safe; each returned stream belongs to its caller.</remarks>
public static class CompressedInput
{
    private const int FileBufferSize = 64 * 1024;

    /// <summary>
    /// Opens <paramref name="path"/> for forward reading: a <see cref="GzipReadStream"/> when the file
    /// starts with the gzip magic bytes 1f 8b, whatever its extension, else the file itself.
    /// </summary>
    /// <param name="path">The file to open.</param>
    /// <returns>A readable stream the caller must dispose.</returns>
    public static Stream Open(string path)
    {
        var file = FileSystemNode.OpenRead(path, FileBufferSize, FileOptions.SequentialScan);
        try
        {
            Span<byte> magic = stackalloc byte[2];
            int n = RandomAccess.Read(file.SafeFileHandle, magic, 0);
            return IsGzip(magic[..n]) ? new GzipReadStream(file) : file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Whether <paramref name="header"/> starts with the gzip magic bytes.</summary>
    /// <param name="header">The first bytes of a file.</param>
    /// <returns><see langword="true"/> for 1f 8b.</returns>
    public static bool IsGzip(ReadOnlySpan<byte> header) => header.Length >= 2 && header[0] == 0x1F && header[1] == 0x8B;
}
