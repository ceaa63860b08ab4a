using Winnow.IO;

namespace Winnow.Readers;

/// <summary>Reads the bytes [start, end) of a file: one input shard of a large plain JSONL file.</summary>
internal sealed class SliceStream : ForwardReadStream
{
    private readonly FileStream _file;
    private long _left;

    private SliceStream(FileStream file, long length)
    {
        _file = file;
        _left = length;
    }

    protected override long ReadPosition => _file.Position;

    public static SliceStream Open(string path, long start, long end)
    {
        var file = FileSystemNode.OpenRead(path, 1 << 16);
        file.Seek(start, SeekOrigin.Begin);
        return new SliceStream(file, end - start);
    }

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

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file.Dispose();
        }

        base.Dispose(disposing);
    }
}
