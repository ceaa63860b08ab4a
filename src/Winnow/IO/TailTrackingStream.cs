namespace Winnow.IO;

/// <summary>
/// Read-only pass-through that counts bytes and remembers the last eight, which in a gzip file
/// are the final member's CRC-32 and ISIZE trailer.
/// </summary>
internal sealed class TailTrackingStream(Stream inner) : Stream
{
    private readonly byte[] _tail = new byte[8];

    public long Consumed { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => Consumed;
        set => throw new NotSupportedException();
    }

    /// <summary>The last <c>min(8, Consumed)</c> bytes read, oldest first.</summary>
    public ReadOnlySpan<byte> Tail => _tail.AsSpan(8 - (int)Math.Min(8, Consumed));

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n = inner.Read(buffer);
        if (n >= 8)
        {
            buffer.Slice(n - 8, 8).CopyTo(_tail);
        }
        else if (n > 0)
        {
            _tail.AsSpan(n).CopyTo(_tail);
            buffer[..n].CopyTo(_tail.AsSpan(8 - n));
        }

        Consumed += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
