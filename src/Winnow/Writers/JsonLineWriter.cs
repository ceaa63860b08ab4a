using System.Buffers;
using System.Text.Json;

namespace Winnow.Writers;

/// <summary>
/// JSON Lines into a stream, a line at a time, in writes of at least <see cref="ChunkBytes"/>.
/// A <see cref="Utf8JsonWriter"/> over a stream flushes the stream itself on every
/// <see cref="Utf8JsonWriter.Flush"/>, so a writer flushed after each line made one system call a
/// line (clusters.jsonl: ~109,000 at 1M documents) whatever buffer the stream had; here each line
/// is flushed into memory and the stream is written only in chunks, and flushed by
/// <see cref="Dispose"/>.
/// </summary>
/// <remarks>Not thread-safe. The stream stays open.</remarks>
internal sealed class JsonLineWriter : IDisposable
{
    /// <summary>Bytes gathered before they are handed to the stream.</summary>
    public const int ChunkBytes = 1 << 16;

    private readonly Stream _stream;
    private readonly ArrayBufferWriter<byte> _buffer = new(ChunkBytes + 4096);
    private bool _disposed;

    public JsonLineWriter(Stream stream, JsonWriterOptions options)
    {
        _stream = stream;
        Json = new Utf8JsonWriter(_buffer, options);
    }

    /// <summary>Where the current line's JSON value is written.</summary>
    public Utf8JsonWriter Json { get; }

    /// <summary>Ends the current line: its JSON and a line feed join the pending chunk.</summary>
    public void EndLine()
    {
        Json.Flush();
        Json.Reset();
        _buffer.Write("\n"u8);
        if (_buffer.WrittenCount >= ChunkBytes)
        {
            WritePending();
        }
    }

    /// <summary>Writes what is pending and flushes the stream.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Json.Flush();
        WritePending();
        _stream.Flush();
        Json.Dispose();
    }

    private void WritePending()
    {
        _stream.Write(_buffer.WrittenSpan);
        _buffer.ResetWrittenCount();
    }
}
