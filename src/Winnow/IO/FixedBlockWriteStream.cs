namespace Winnow.IO;

/// <summary>
/// Hands what is written to an inner stream (a compressor) in blocks of one fixed size, whatever
/// sizes the writes came in, the last block at <see cref="Flush"/> or disposal: the compressor then
/// sees the same calls for the same bytes. Its output may depend on them: .NET's gzip (zlib-ng at
/// the fastest level) encoded the same records two bytes differently when they came in other
/// groups (a run's chunks follow its thread count and batches). Write-only.
/// </summary>
internal sealed class FixedBlockWriteStream(Stream inner, int blockSize = 1 << 16) : Stream
{
    private readonly byte[] _block = new byte[blockSize];
    private int _used;
    private bool _disposed;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !_disposed;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var take = Math.Min(buffer.Length, _block.Length - _used);
            buffer[..take].CopyTo(_block.AsSpan(_used));
            _used += take;
            buffer = buffer[take..];
            if (_used == _block.Length)
            {
                inner.Write(_block);
                _used = 0;
            }
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void WriteByte(byte value) => Write([value]);

    /// <summary>Hands the partial block on: call only where the inner stream's output may end a block (at the end).</summary>
    public override void Flush()
    {
        if (_used > 0)
        {
            inner.Write(_block.AsSpan(0, _used));
            _used = 0;
        }

        inner.Flush();
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            try
            {
                if (_used > 0)
                {
                    inner.Write(_block.AsSpan(0, _used));
                }
            }
            finally
            {
                inner.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}
