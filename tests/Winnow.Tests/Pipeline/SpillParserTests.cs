using System.Text.Json;
using Winnow.Documents;
using Winnow.Pipeline;
using Winnow.Readers;
using Winnow.Writers;

namespace Winnow.Tests.Pipeline;

public class SpillParserTests
{
    private static Document RoundTrip(Document original)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            DocumentJson.WriteSpill(writer, original);
        }

        var bytes = buffer.WrittenMemory;
        var record = new RawRecord(new InputFile("spill", "spill", InputKind.Jsonl, bytes.Length), 1, 0, bytes.Length, 0, null);
        return new SpillParser().Parse(record, bytes).Document!;
    }

    [Theory]
    [InlineData("plain words")]
    [InlineData("quotes \" and \\ backslash,\nnew lines\tand tabs")]
    [InlineData("accents é, CJK 漢字, astral 😀 and U+001F \u001f")]
    [InlineData("")]
    public void AReplayedTextIsTheTextThatWasSpilled(string text)
    {
        var original = new Document("a", text, new DocumentSource("f.jsonl", 3, -1), 7, 42) { Url = "https://example.org/" };
        var replayed = RoundTrip(original);
        Assert.Equal(text, replayed.Text);
        Assert.Equal(("a", 7L, 42L, "https://example.org/"), (replayed.Id, replayed.Ordinal, replayed.InputBytes, replayed.Url));
    }

    [Fact]
    public void AReplayedTextThatAStageReplacesIsTheNewText()
    {
        var replayed = RoundTrip(new Document("a", "old text", new DocumentSource("f.jsonl", 1, -1), 0, 8));
        replayed.Text = "new text";
        Assert.Equal("new text", replayed.Text);
        Assert.True(replayed.RawTextJson.IsEmpty);
    }

    [Fact]
    public void ACountTakenBeforeTheSpillTravelsWithItUntilTheTextChanges()
    {
        var uncounted = RoundTrip(new Document("a", "some words", new DocumentSource("f.jsonl", 1, -1), 0, 10));
        Assert.False(uncounted.TokensCounted);

        var original = new Document("b", "some words", new DocumentSource("f.jsonl", 2, -1), 1, 10) { Tokens = 2 };
        var replayed = RoundTrip(original);
        Assert.True(replayed.TokensCounted);
        Assert.Equal(2, replayed.Tokens);

        replayed.Text = "other words, more of them";
        Assert.False(replayed.TokensCounted);
    }

    [Fact]
    public void ARecordThatIsNotOneWeWroteSaysSo()
    {
        var bytes = "{\"_ordinal\":1,\"id\":\"a\",\"text\":\"cut"u8.ToArray();
        var record = new RawRecord(new InputFile("pass-1", "pass-1", InputKind.Jsonl, bytes.Length), 4, 0, bytes.Length, 0, null);
        var error = Assert.Throws<InvalidDataException>(() => new SpillParser().Parse(record, bytes));
        Assert.Contains("pass-1:4", error.Message, StringComparison.Ordinal);
    }
}
