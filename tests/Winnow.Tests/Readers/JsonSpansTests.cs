using System.Buffers;
using System.Text;
using System.Text.Json;
using Winnow.Text;
using Winnow.Writers;

namespace Winnow.Tests.Readers;

/// <summary>The quick reading of JSON we wrote gives what the strict reader gives, and stays safe on anything else.</summary>
public sealed class JsonSpansTests
{
    // What random edits put into a line: JSON's punctuation, an escape, a digit, a letter, a byte UTF-8 never has alone.
    private const string Edits = "{}[]\",:\\ 0a\u00e9";

    /// <summary>A random string of every kind of character: ASCII, controls, quotes, backslashes, accents, CJK, emoji, lone surrogates.</summary>
    private static string RandomText(Random random, int length)
    {
        const string specials = "\"\\/\n\r\t\b\f\u0000\u001f\u007f\u00e9\u0301\u2028\u65e5\ufeff";
        var text = new StringBuilder();
        while (text.Length < length)
        {
            switch (random.Next(6))
            {
                case 0:
                    text.Append(specials[random.Next(specials.Length)]);
                    break;
                case 1:
                    text.Append("\ud83d\ude00");
                    break;
                case 2 when random.Next(20) == 0:
                    text.Append(random.Next(2) == 0 ? '\ud800' : '\udc00');
                    break;
                default:
                    text.Append((char)random.Next(' ', 127));
                    break;
            }
        }

        return text.ToString();
    }

    private static byte[] Written(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, DocumentJson.WriterOptions))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    [Fact]
    public void StringsDecodeAsTheStrictReaderDecodesThem()
    {
        var random = new Random(3);
        for (var trial = 0; trial < 3_000; trial++)
        {
            var text = RandomText(random, random.Next(0, 200));
            var token = Written(w => w.WriteStringValue(text));
            Assert.Equal(token.Length, JsonSpans.SkipValue(token, 0));
            var reader = new Utf8JsonReader(token);
            reader.Read();
            string expected;
            try
            {
                expected = reader.GetString()!;
            }
            catch (InvalidOperationException)
            {
                // A lone surrogate, written escaped: the strict reader refuses it; each escape gives its char back here.
                expected = text;
            }

            Assert.Equal(expected, JsonSpans.DecodeString(token));
        }
    }

    [Fact]
    public void MembersAndTheirValuesAreWhereTheStrictReaderFindsThem()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 1_000; trial++)
        {
            var line = Written(w =>
            {
                w.WriteStartObject();
                w.WriteString("id", RandomText(random, 5));
                w.WriteString("text", RandomText(random, random.Next(0, 300)));
                w.WriteNumber("n", random.Next(-1000, 1000));
                w.WriteStartObject("metadata");
                w.WriteString(RandomText(random, 3), RandomText(random, 10));
                w.WriteStartArray("list");
                w.WriteStringValue("]}\"");
                w.WriteStartObject();
                w.WriteBoolean("b", true);
                w.WriteNull("z");
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
            });

            var expected = new List<(string, string)>();
            var reader = new Utf8JsonReader(line);
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = Encoding.UTF8.GetString(reader.ValueSpan);
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                expected.Add((name, Encoding.UTF8.GetString(line.AsSpan(start..(int)reader.BytesConsumed))));
            }

            var found = new List<(string, string)>();
            var members = new JsonMembers(line);
            while (members.MoveNext())
            {
                found.Add((Encoding.UTF8.GetString(members.Name), Encoding.UTF8.GetString(members.Value)));
            }

            Assert.True(members.Complete);
            Assert.Equal(expected, found);
        }
    }

    [Fact]
    public void AnythingElseEndsWithoutThrowingOrLooping()
    {
        // Lines cut or changed after we wrote them: the walk stays inside the bytes and ends.
        var random = new Random(9);
        var line = Encoding.UTF8.GetBytes("""{"id":"a","text":"x\"y\\z\u00e9","metadata":{"a":[1,{"b":"]"}]},"n":-1.5}""");
        for (var trial = 0; trial < 20_000; trial++)
        {
            var bytes = line.ToArray();
            for (var edit = random.Next(1, 4); edit > 0; edit--)
            {
                bytes[random.Next(bytes.Length)] = (byte)Edits[random.Next(Edits.Length)];
            }

            var cut = bytes.AsSpan(0, random.Next(bytes.Length + 1));
            var members = new JsonMembers(cut);
            var count = 0;
            while (members.MoveNext())
            {
                Assert.True(++count <= cut.Length);
                _ = members.Value[0] == '"' ? JsonSpans.DecodeString(members.Value) : "";
            }
        }
    }
}
