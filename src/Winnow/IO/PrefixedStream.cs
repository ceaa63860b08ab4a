namespace Winnow.IO;

/// <summary>
/// A pipe's first bytes, read to learn its compression, followed by the rest of the pipe: a pipe
/// cannot be read again from its start, so what was looked at is handed out first.
/// </summary>
/// <remarks>Forward-only; not thread-safe. Disposing it disposes the pipe, unless told to leave it open.</remarks>
internal sealed class PrefixedStream(byte[] prefix, int prefixLength, Stream rest, bool leaveOpen = false) : ForwardReadStream
{
    private int _prefixRead;
    private long _position;

    /// <summary>The stream after the prefix.</summary>
    public Stream Rest => rest;

    /// <inheritdoc/>
    protected override long ReadPosition => _position;

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        int n;
        if (_prefixRead < prefixLength)
        {
            n = Math.Min(buffer.Length, prefixLength - _prefixRead);
            prefix.AsSpan(_prefixRead, n).CopyTo(buffer);
            _prefixRead += n;
        }
        else
        {
            n = rest.Read(buffer);
        }

        _position += n;
        return n;
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen)
        {
            rest.Dispose();
        }

        base.Dispose(disposing);
    }
}
