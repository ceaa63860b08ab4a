namespace Winnow.IO;

/// <summary>A way of decompressing gzip behind <see cref="GzipReadStream"/>: native zlib or the managed fallback.</summary>
internal interface IGzipDecoder : IDisposable
{
    /// <summary>Offset of the current (or last finished) member's first byte; see <see cref="GzipReadStream.MemberStartOffset"/>.</summary>
    long MemberStartOffset { get; }

    /// <summary>Zero-based index of the current (or last finished) member; -1 before the first.</summary>
    long MemberIndex { get; }

    /// <summary>Compressed bytes consumed so far.</summary>
    long CompressedPosition { get; }

    /// <summary>Called as each member's trailer has been verified.</summary>
    Action<GzipMember>? MemberEnded { get; set; }

    /// <summary>Fills <paramref name="buffer"/> with up to its length of output; 0 only at a clean end.</summary>
    int Read(Span<byte> buffer);
}
