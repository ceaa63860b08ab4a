using System.IO.Compression;

namespace Winnow.Tests.IO;

internal static class GzipTestData
{
    public static TheoryData<bool> Decoders()
    {
        var data = new TheoryData<bool> { false };
        if (Winnow.IO.GzipReadStream.IsNativeZlibAvailable)
        {
            data.Add(true);
        }

        return data;
    }

    // GZipStream writes nothing at all for an empty payload, so a real empty member is spelled out:
    // 10-byte header, an empty final fixed-Huffman block, CRC 0, ISIZE 0.
    private static readonly byte[] EmptyMember =
        [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF, 0x03, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];

    public static byte[] Compress(ReadOnlySpan<byte> payload, CompressionLevel level = CompressionLevel.Optimal)
    {
        if (payload.IsEmpty)
        {
            return [.. EmptyMember];
        }

        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, level, leaveOpen: true))
        {
            gzip.Write(payload);
        }

        return output.ToArray();
    }

    /// <summary>Concatenates one member per payload and returns where each member starts.</summary>
    public static (byte[] File, long[] Offsets) Concatenate(params byte[][] payloads)
    {
        using var output = new MemoryStream();
        var offsets = new long[payloads.Length];
        for (int i = 0; i < payloads.Length; i++)
        {
            offsets[i] = output.Position;
            output.Write(Compress(payloads[i]));
        }

        return (output.ToArray(), offsets);
    }

    public static byte[] Text(int length, int seed)
    {
        var random = new Random(seed);
        string[] words = ["the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "corpus", "winnow"];
        var bytes = new byte[length];
        int i = 0;
        while (i < length)
        {
            foreach (char c in words[random.Next(words.Length)] + " ")
            {
                if (i < length)
                {
                    bytes[i++] = (byte)c;
                }
            }
        }

        return bytes;
    }

    public static byte[] Random(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static byte[] ReadAll(Stream stream, int bufferSize = 81920)
    {
        using var output = new MemoryStream();
        var buffer = new byte[bufferSize];
        int n;
        while ((n = stream.Read(buffer)) > 0)
        {
            output.Write(buffer, 0, n);
        }

        return output.ToArray();
    }

    public static Winnow.IO.GzipReadStream Open(byte[] file, bool native) =>
        new(new MemoryStream(file), leaveOpen: false, useNative: native);
}
