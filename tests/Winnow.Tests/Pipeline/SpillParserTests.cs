using System.Text.Json;
using Winnow.Documents;
using Winnow.Pipeline;
using Winnow.Readers;
using Winnow.Writers;

namespace Winnow.Tests.Pipeline;

public class SpillParserTests
{
    private static Document RoundTrip(Document original, bool deferRest = false)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, DocumentJson.WriterOptions))
        {
            DocumentJson.WriteSpill(writer, original);
        }

        var bytes = buffer.WrittenMemory;
        var record = new RawRecord(new InputFile("spill", "spill", InputKind.Jsonl, bytes.Length), 1, 0, bytes.Length, 0, null);
        return new SpillParser(deferRest).Parse(record, bytes).Document!;
    }

    private static string Written(Document document)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, DocumentJson.WriterOptions))
        {
            DocumentJson.Write(writer, document);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static Document Rich()
    {
        var document = new Document("d\"1", "a text with \"quotes\", a \\ and\nlines, caf\u00e9 \ud83d\ude00", new DocumentSource("in.jsonl", 12, 345), 11, 99)
        {
            Url = "https://example.org/a?b=1&c=\u00e9",
            ContentType = ContentTypes.Markdown,
            Tokens = 17,
        };
        document.AddMetadata(new MetadataField("title", "\"A title\""u8.ToArray()));
        document.AddMetadata(new MetadataField("tags", "[1,2.5,\"x\"]"u8.ToArray()));
        document.SetAttribute("pii", "email", 2);
        document.SetAttribute("c4", "ratio", 0.125);
        return document;
    }

    [Fact]
    public void ADeferredRecordThatNothingChangesIsWrittenAsItWasSpilled()
    {
        var original = Rich();
        var replayed = RoundTrip(Rich(), deferRest: true);
        Assert.False(replayed.UnchangedRecord.IsEmpty);
        Assert.Equal(Written(original), "{" + System.Text.Encoding.UTF8.GetString(replayed.UnchangedRecord.Span));

        // Asking for what was deferred parses it, and leaves the record unchanged.
        Assert.Equal((original.Text, original.Url, original.ContentType, original.Source), (replayed.Text, replayed.Url, replayed.ContentType, replayed.Source));
        Assert.Equal(original.Metadata.Select(m => (m.Name, m.AsString())), replayed.Metadata.Select(m => (m.Name, m.AsString())));
        Assert.Equal((17L, true), (replayed.Tokens, replayed.TokensCounted));
        Assert.False(replayed.UnchangedRecord.IsEmpty);
        Assert.Equal(Written(original), Written(replayed));
    }

    public static TheoryData<string> Changes => ["text", "url", "content type", "metadata", "attribute", "attributes asked for"];

    [Theory]
    [MemberData(nameof(Changes))]
    public void AnyChangeEndsTheUnchangedRecordAndIsWritten(string change)
    {
        void Change(Document d)
        {
            switch (change)
            {
                case "text": d.Text = "another text"; break;
                case "url": d.Url = null; break;
                case "content type": d.ContentType = ContentTypes.PlainText; break;
                case "metadata": d.AddMetadata(new MetadataField("lang", "\"en\""u8.ToArray())); break;
                case "attribute": d.SetAttribute("near_dedup", "cluster", 4); break;
                default: d.Attributes!["pii"]!["email"] = 3; break;
            }
        }

        var original = Rich();
        Change(original);
        var replayed = RoundTrip(Rich(), deferRest: true);
        Change(replayed);
        Assert.True(replayed.UnchangedRecord.IsEmpty);
        Assert.Equal(Written(original), Written(replayed));
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
        foreach (var deferRest in new[] { false, true })
        {
            var error = Assert.Throws<InvalidDataException>(() => new SpillParser(deferRest).Parse(record, bytes));
            Assert.Contains("pass-1:4", error.Message, StringComparison.Ordinal);
        }
    }
}
