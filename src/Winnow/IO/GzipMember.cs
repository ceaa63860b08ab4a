namespace Winnow.IO;

/// <summary>One gzip member that a <see cref="GzipReadStream"/> has finished decompressing.</summary>
/// <param name="Index">Zero-based position of the member in the input.</param>
/// <param name="CompressedOffset">Offset of the member's first header byte in the compressed input.</param>
/// <param name="CompressedLength">Bytes the member occupies, header and trailer included.</param>
/// <param name="UncompressedLength">Bytes the member decompressed to.</param>
public readonly record struct GzipMember(long Index, long CompressedOffset, long CompressedLength, long UncompressedLength);
