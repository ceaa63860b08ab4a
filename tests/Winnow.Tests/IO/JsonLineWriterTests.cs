using System.Text;
using System.Text.Json;
using Winnow.Writers;

namespace Winnow.Tests.IO;

public sealed class JsonLineWriterTests
{
    [Fact]
    public void WritesTheSameBytesAsAWriterFlushedAfterEachLineInFewWrites()
    {
        var options = new JsonWriterOptions { SkipValidation = true };
        var lines = 10_000;

        var flushed = new CountingStream();
        using (var json = new Utf8JsonWriter(flushed, options))
        {
            for (var i = 0; i < lines; i++)
            {
                WriteLine(json, i);
                json.Flush();
                flushed.WriteByte((byte)'\n');
                json.Reset();
            }
        }

        var batched = new CountingStream();
        using (var writer = new JsonLineWriter(batched, options))
        {
            for (var i = 0; i < lines; i++)
            {
                WriteLine(writer.Json, i);
                writer.EndLine();
            }
        }

        Assert.Equal(flushed.ToArray(), batched.ToArray());
        // The writer flushed after each line hands the stream each line on its own; the line writer
        // hands it a chunk at a time (lines of ~50 bytes: ~10 chunks of 64 KiB).
        Assert.True(flushed.Writes >= lines, $"{flushed.Writes} writes");
        Assert.InRange(batched.Writes, 1, (batched.Length / JsonLineWriter.ChunkBytes) + 1);
        Assert.True(batched.Flushes >= 1, "the stream is flushed at the end");
    }

    [Fact]
    public void NoLinesWriteNothing()
    {
        var stream = new CountingStream();
        new JsonLineWriter(stream, default).Dispose();
        Assert.Equal(0, stream.Length);
    }

    [Fact]
    public void AValueLongerThanAChunkIsWrittenWhole()
    {
        var stream = new CountingStream();
        var text = new string('x', 3 * JsonLineWriter.ChunkBytes);
        using (var writer = new JsonLineWriter(stream, default))
        {
            writer.Json.WriteStringValue(text);
            writer.EndLine();
            writer.Json.WriteNumberValue(7);
            writer.EndLine();
        }

        Assert.Equal($"\"{text}\"\n7\n", Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteLine(Utf8JsonWriter json, int i)
    {
        json.WriteStartObject();
        json.WriteNumber("line", i);
        json.WriteString("text", $"line {i} \u00e9 \"quoted\"");
        json.WriteEndObject();
    }

    /// <summary>A memory stream that counts the writes it is given (a span write of a derived memory stream arrives as an array write).</summary>
    private sealed class CountingStream : MemoryStream
    {
        public int Writes { get; private set; }

        public int Flushes { get; private set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Writes++;
            base.Write(buffer, offset, count);
        }

        public override void WriteByte(byte value)
        {
            Writes++;
            base.WriteByte(value);
        }

        public override void Flush()
        {
            Flushes++;
            base.Flush();
        }
    }
}
