using System.IO.Compression;

namespace Winnow.Readers;

/// <summary>Opens input files, looking through gzip by its magic bytes whatever the extension.</summary>
internal static class InputStreams
{
    public static Stream Open(InputFile file)
    {
        if (file.Path == InputFile.StandardInput)
        {
            return Console.OpenStandardInput();
        }

        var stream = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        Span<byte> magic = stackalloc byte[2];
        var n = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        stream.Position = 0;
        return n == 2 && magic[0] == 0x1f && magic[1] == 0x8b
            ? new GZipStream(stream, CompressionMode.Decompress)
            : stream;
    }
}
