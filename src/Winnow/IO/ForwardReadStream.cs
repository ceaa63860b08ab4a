namespace Winnow.IO;

/// <summary>
/// A stream read once from start to end: no seeking, no writing, no length. A subclass gives
/// <see cref="Read(Span{byte})"/> and the position it reports.
/// </summary>
internal abstract class ForwardReadStream : Stream
{
    /// <inheritdoc/>
    public override bool CanRead => true;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <summary>Bytes read so far (as the subclass counts them); cannot be set.</summary>
    public override long Position
    {
        get => ReadPosition;
        set => throw new NotSupportedException();
    }

    /// <summary>What <see cref="Position"/> reports.</summary>
    protected abstract long ReadPosition { get; }

    /// <inheritdoc/>
    public abstract override int Read(Span<byte> buffer);

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

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
}
