namespace Winnow.IO;

/// <summary>The compressed formats Winnow reads, each known by its magic bytes.</summary>
public enum Compression
{
    /// <summary>Plain bytes.</summary>
    None,

    /// <summary>gzip (RFC 1952), one member or many.</summary>
    Gzip,

    /// <summary>Zstandard (RFC 8878), one frame or many, skippable frames included.</summary>
    Zstd,

    /// <summary>The LZ4 frame format, one frame or many.</summary>
    Lz4,

    /// <summary>bzip2, one stream or many.</summary>
    BZip2,

    /// <summary>xz (the .xz container of LZMA2).</summary>
    Xz,
}
