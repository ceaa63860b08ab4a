using Winnow.IO;

namespace Winnow.Readers;

/// <summary>Reads the bytes [start, end) of a file: one input shard of a large plain JSONL file.</summary>
internal sealed class SliceStream : Stream
{
    private readonly FileStream _file;
    private long _left;

    private SliceStream(FileStream file, long length)
    {
        _file = file;
        _left = length;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _file.Position;
        set => throw new NotSupportedException();
    }

    public static SliceStream Open(string path, long start, long end)
    {
        var file = FileSystemNode.OpenRead(path, 1 << 16);
        file.Seek(start, SeekOrigin.Begin);
        return new SliceStream(file, end - start);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_left <= 0)
        {
            return 0;
        }

        var read = _file.Read(buffer[..(int)Math.Min(buffer.Length, _left)]);
        _left -= read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file.Dispose();
        }

        base.Dispose(disposing);
    }
}
