using System.Buffers;

namespace Winnow.Readers;

/// <summary>
/// Records read together: their bytes share one pooled buffer, so reading allocates per batch,
/// not per record. Return it with <see cref="Dispose"/>.
/// </summary>
internal sealed class RecordBatch : IDisposable
{
    private byte[] _buffer;
    private int _used;

    public RecordBatch(int capacity)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(capacity);
    }

    public List<RawRecord> Records { get; } = [];

    /// <summary>Compressed or on-disk bytes consumed up to the end of this batch, for progress.</summary>
    public long InputPosition { get; set; }

    public int Free => _buffer.Length - _used;

    public ReadOnlySpan<byte> Bytes(in RawRecord record) => _buffer.AsSpan(record.Offset, record.Length);

    /// <summary>The record's bytes as memory; valid until the batch is disposed.</summary>
    public ReadOnlyMemory<byte> Memory(in RawRecord record) => _buffer.AsMemory(record.Offset, record.Length);

    public int Append(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > Free)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(_used + bytes.Length);
            _buffer.AsSpan(0, _used).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        var offset = _used;
        bytes.CopyTo(_buffer.AsSpan(offset));
        _used += bytes.Length;
        return offset;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
