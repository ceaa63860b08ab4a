namespace Winnow.IO;

/// <summary>
/// Read-only, forward-only stream that decompresses gzip, including files made of many
/// concatenated members (WARC.gz stores one per record). Unlike GZipStream it never mistakes
/// damage for a clean end: input that stops inside a member, a CRC-32 or length trailer that does
/// not match, or bytes that are not gzip raise <see cref="InvalidDataException"/> whose message and
/// <see cref="Exception.Data"/>[<see cref="CompressedOffsetKey"/>] give the compressed byte offset.
/// </summary>
/// <remarks>
/// <para>Uses the runtime's zlib-ng through its inflate entry points (<see cref="ZlibNative"/>),
/// else GZipStream with a weaker check of the last trailer only, and without member offsets (see
/// <see cref="UsesNativeZlib"/>).</para>
/// <para>Compressed offsets count from the first byte this reader consumed. One read never returns
/// bytes of two members. After the last member, zero bytes up to the end are accepted as padding.</para>
/// <para>Not thread-safe: use one instance from one thread at a time.</para>
/// </remarks>
public sealed class GzipReadStream : Stream
{
    /// <summary>Key under which a thrown exception's <see cref="Exception.Data"/> holds the offset (a <see cref="long"/>).</summary>
    public const string CompressedOffsetKey = "Winnow.CompressedOffset";

    /// <summary>How many compressed bytes are read from the source at a time.</summary>
    internal const int InputBufferSize = 256 * 1024;

    private readonly Stream _source;
    private readonly bool _leaveOpen;
    private readonly IGzipDecoder _decoder;
    private long _position;
    private bool _disposed;

    /// <summary>Starts reading gzip data from <paramref name="compressed"/>'s current position.</summary>
    /// <param name="compressed">The gzip input; read forward only.</param>
    /// <param name="leaveOpen">Whether disposing this stream leaves <paramref name="compressed"/> open.</param>
    public GzipReadStream(Stream compressed, bool leaveOpen = false)
        : this(compressed, leaveOpen, useNative: ZlibNative.IsAvailable)
    {
    }

    internal GzipReadStream(Stream compressed, bool leaveOpen, bool useNative)
    {
        ArgumentNullException.ThrowIfNull(compressed);
        if (useNative && !ZlibNative.IsAvailable)
        {
            throw new PlatformNotSupportedException("The runtime's zlib inflate could not be called.");
        }

        _source = compressed;
        _leaveOpen = leaveOpen;
        _decoder = useNative
            ? new ZlibGzipDecoder(compressed, InputBufferSize)
            : new ManagedGzipDecoder(compressed, InputBufferSize);
        UsesNativeZlib = useNative;
    }

    /// <summary>Raised after each member's trailer has been verified (native zlib only; the fallback raises it once, at the end, for the whole input).</summary>
    public event Action<GzipMember>? MemberEnded
    {
        add => _decoder.MemberEnded += value;
        remove => _decoder.MemberEnded -= value;
    }

    /// <summary>Whether the runtime's zlib inflate can be called here.</summary>
    public static bool IsNativeZlibAvailable => ZlibNative.IsAvailable;

    /// <summary>Whether this instance decodes through <see cref="ZlibNative"/> rather than the GZipStream fallback.</summary>
    public bool UsesNativeZlib { get; }

    /// <summary>
    /// Compressed offset of the first byte of the member that produced the bytes most recently
    /// returned (0 before any read; always 0 in the fallback).
    /// </summary>
    public long MemberStartOffset => _decoder.MemberStartOffset;

    /// <summary>Zero-based index of that member; -1 before the first read.</summary>
    public long MemberIndex => _decoder.MemberIndex;

    /// <summary>Compressed bytes consumed so far.</summary>
    public long CompressedPosition => _decoder.CompressedPosition;

    /// <inheritdoc/>
    public override bool CanRead => !_disposed;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <summary>Decompressed bytes returned so far; cannot be set.</summary>
    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        return Read(buffer.AsSpan(offset, count));
    }

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int n = _decoder.Read(buffer);
        _position += n;
        return n;
    }

    /// <inheritdoc/>
    public override int ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        return Read(one) == 1 ? one[0] : -1;
    }

    /// <inheritdoc/>
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // Decoding is CPU-bound and the source is a local file; a synchronous read avoids a thread hop.
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Read(buffer.Span));
    }

    /// <inheritdoc/>
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc/>
    public override void Flush()
    {
    }

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _decoder.Dispose();
            if (!_leaveOpen)
            {
                _source.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}
