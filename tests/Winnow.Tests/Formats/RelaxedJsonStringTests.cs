using System.Text;
using System.Text.Json;
using Winnow.Writers;

namespace Winnow.Tests.Formats;

/// <summary>The fast writer of long strings gives the bytes of the library's writer with the same encoder.</summary>
public sealed class RelaxedJsonStringTests
{
    private static byte[] Library(string value) => Written(w => w.WriteString("text"u8, value));

    private static byte[] Fast(string value) => Written(w => RelaxedJsonString.Write(w, "text"u8, value));

    private static byte[] Written(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, DocumentJson.WriterOptions))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    [Fact]
    public void EveryBmpCharacterIsWrittenAsTheLibraryWritesIt()
    {
        // Each character between plain text, in a value long enough for the fast path.
        var filler = "plain words, then a line\nbreak and a \"quote\" ";
        var mismatches = new List<string>();
        for (var c = 0; c < 65536; c += 64)
        {
            var text = new StringBuilder(filler);
            for (var k = c; k < c + 64; k++)
            {
                text.Append((char)k).Append(" x ");
            }

            var value = text.ToString();
            if (!Fast(value).AsSpan().SequenceEqual(Library(value)))
            {
                mismatches.Add($"U+{c:X4}..U+{c + 63:X4}");
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void RandomTextsOfEveryKindAreWrittenAsTheLibraryWritesThem()
    {
        var random = new Random(20261206);
        string[] pieces = ["the ", "\n", "\r\n", "\t", "\"", "\\", "<a href='x'>&amp;</a>", "é", "ß", "中文", "\u2028", "\u00A0", "\u0000", "\u007F", "\uFFFD", "😀", "\uD800", "\uDC00", "\u200B", "+`'"];
        for (var n = 0; n < 2000; n++)
        {
            var text = new StringBuilder();
            var length = random.Next(0, 400);
            while (text.Length < length)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            var value = text.ToString();
            Assert.True(Fast(value).AsSpan().SequenceEqual(Library(value)), $"differs on {JsonSerializer.Serialize(value)}");
        }
    }

    [Fact]
    public void AValueWithASurrogateIsLeftToTheLibrary()
    {
        var buffer = new byte[1000];
        Assert.False(RelaxedJsonString.TryEscape(new string('a', 70) + "😀", buffer, out _));
        Assert.True(RelaxedJsonString.TryEscape(new string('a', 70) + "é\n", buffer, out var written));
        Assert.Equal("\"" + new string('a', 70) + "é\\n\"", Encoding.UTF8.GetString(buffer, 0, written));
    }
}
