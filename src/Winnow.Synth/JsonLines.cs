using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Winnow.Synth;

/// <summary>
/// One JSON object per line into a growable byte buffer. Relaxed escaping keeps curly quotes and other non-ASCII
/// text readable in the file; the writer is reset, not recreated, for every line.
/// </summary>
internal sealed class JsonLines
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = true,
    };

    private readonly ArrayBufferWriter<byte> _buffer;
    private readonly Utf8JsonWriter _writer;

    public JsonLines(int capacity)
    {
        _buffer = new ArrayBufferWriter<byte>(capacity);
        _writer = new Utf8JsonWriter(_buffer, Options);
    }

    public ReadOnlyMemory<byte> Written => _buffer.WrittenMemory;

    public Utf8JsonWriter Begin()
    {
        _writer.Reset(_buffer);
        _writer.WriteStartObject();
        return _writer;
    }

    public void End()
    {
        _writer.WriteEndObject();
        _writer.Flush();
        _buffer.GetSpan(1)[0] = (byte)'\n';
        _buffer.Advance(1);
    }

    public void Clear() => _buffer.ResetWrittenCount();
}
