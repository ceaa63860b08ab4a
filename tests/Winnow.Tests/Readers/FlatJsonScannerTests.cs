using System.Buffers;
using System.Text;
using System.Text.Json;
using Winnow.Readers;
using Winnow.Writers;

namespace Winnow.Tests.Readers;

/// <summary>The quick JSONL reader agrees with the full parser wherever it answers, and answers for ordinary records.</summary>
public sealed class FlatJsonScannerTests
{
    private static readonly RecordParser Parser = new(new ReaderOptions());
    private static readonly InputFile File = new("a.jsonl", "a.jsonl", InputKind.Jsonl, 0);

    private static (bool Read, string Id, string Text) Quick(byte[] line)
    {
        var buffer = new char[4];
        var record = new RawRecord(File, 7, 0, line.Length, 0, null);
        var read = Parser.TryReadText(record, line, ref buffer, out var length, out var id, out var nfc, out _);
        Assert.True(!nfc || (read && new string(buffer, 0, length).IsNormalized()));
        return (read, id, read ? new string(buffer, 0, length) : "");
    }

    private static (string? Id, string? Text) Full(byte[] line)
    {
        var record = new RawRecord(File, 7, 0, line.Length, 0, null);
        var (document, _) = Parser.Parse(record, line);
        return (document?.Id, document?.Text);
    }

    [Theory]
    [InlineData("""{"id": "doc1", "text": "plain words"}""", "doc1", "plain words")]
    [InlineData("""{"text":"a\nb \"q\" \\ \/ \t\r\b\f","id":"x"}""", "x", "a\nb \"q\" \\ / \t\r\b\f")]
    [InlineData("""{"text": "caf\u00e9 na\u00EFve", "id": 42}""", "42", "café naïve")]
    [InlineData("""  {"id": -1.5e+3 , "text" : "n" }  """, "-1.5e+3", "n")]
    [InlineData("""{"text": "no id"}""", "a.jsonl:7", "no id")]
    [InlineData("""{"id": null, "text": "null id", "n": 0, "ok": true, "no": false, "url": "https://x/y"}""", "a.jsonl:7", "null id")]
    [InlineData("""{"id": "d\u00e9j\u00e0", "text": "ünïcödé text 日本語"}""", "déjà", "ünïcödé text 日本語")]
    [InlineData("""{"text": ""}""", "a.jsonl:7", "")]
    [InlineData("""{"text": "e\u0301t\u00e9"}""", "a.jsonl:7", "e\u0301t\u00e9")] // ASCII bytes, not NFC text
    [InlineData("""{"id": "n", "text": "nested", "metadata": {"a": [1, {"b": "]}"}], "c": {}}, "tags": []}""", "n", "nested")]
    public void ReadsOrdinaryRecordsAsTheFullParserDoes(string line, string id, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        var quick = Quick(bytes);
        Assert.True(quick.Read, line);
        Assert.Equal((id, text), (quick.Id, quick.Text));
        Assert.Equal((id, text), Full(bytes));
    }

    [Theory]
    [InlineData("""{"text": "x", "meta": {"a": 1,}}""")] // a nested value the strict reader rejects
    [InlineData("""{"text": "x", "tags": [1, 2]]}""")]
    [InlineData("""{"text": "x", "tags": [1, 2}""")]
    [InlineData("""{"text": "x", "tags": [1, "a\q"]}""")]
    [InlineData("""{"text": "smile \ud83d\ude00"}""")] // escaped surrogates
    [InlineData("""{"te\u0078t": "x"}""")] // escaped name
    [InlineData("""{"text": "x", "url": "http:\/\/a"}""")] // escaped url
    [InlineData("""{"text": 5}""")] // not a string: the full parser rejects it
    [InlineData("""{"id": "a"}""")]
    [InlineData("""{"text": "bad \x escape"}""")]
    [InlineData("""{"text": "x",}""")]
    [InlineData("""{"text": "x"} trailing""")]
    [InlineData("""{"text": "x" "id": "y"}""")]
    [InlineData("""{"text": "x", "n": 01}""")]
    [InlineData("""{"text": "x", "n": 1.}""")]
    [InlineData("""{"text": "x", "n": tru}""")]
    [InlineData("""["text"]""")]
    [InlineData("""{"text": "unterminated}""")]
    [InlineData("\uFEFF{\"text\": \"bom\"}")]
    [InlineData("""{"text": "first", "text": "second", "id": "a", "id": "b"}""")] // a field repeated: the full parser's (last wins)
    public void DeclinesWhatItDoesNotFullyHandle(string line)
    {
        Assert.False(Quick(Encoding.UTF8.GetBytes(line)).Read, line);
    }

    [Fact]
    public void DeclinesNestingDeeperThanTheFullParserReads()
    {
        static byte[] Nested(int depth) => Encoding.UTF8.GetBytes("{\"text\": \"x\", \"deep\": " + new string('[', depth) + new string(']', depth) + "}");
        Assert.True(Quick(Nested(RecordParser.MaxInputDepth - 1)).Read);
        Assert.NotNull(Full(Nested(RecordParser.MaxInputDepth - 1)).Text);
        Assert.False(Quick(Nested(RecordParser.MaxInputDepth)).Read);
        Assert.Null(Full(Nested(RecordParser.MaxInputDepth)).Text);
    }

    [Fact]
    public void DeclinesControlCharactersAndInvalidUtf8()
    {
        Assert.False(Quick(Encoding.UTF8.GetBytes("{\"text\": \"tab\there\"}")).Read);
        Assert.False(Quick([.. "{\"text\": \"x"u8, 0xC3, 0x28, .. "\"}"u8]).Read);
    }

    // Characters that random edits insert: JSON's punctuation, escapes, digits, literals' letters.
    private const string Alphabet = "{}[]\",:\\ \t\n-+.eE0123456789abfnrtu\u00e9x";

    /// <summary>A seed record with 0 to <paramref name="maxEdits"/> random single-character edits.</summary>
    private static byte[] Mutate(Random random, string[] seeds, int minEdits, int maxEdits)
    {
        var line = new StringBuilder(seeds[random.Next(seeds.Length)]);
        for (var edit = random.Next(minEdits, maxEdits + 1); edit > 0; edit--)
        {
            var at = random.Next(line.Length + 1);
            switch (random.Next(3))
            {
                case 0 when at < line.Length:
                    line.Remove(at, 1);
                    break;
                case 1 when at < line.Length:
                    line[at] = Alphabet[random.Next(Alphabet.Length)];
                    break;
                default:
                    line.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                    break;
            }
        }

        return Encoding.UTF8.GetBytes(line.ToString());
    }

    /// <summary>A document as written to documents/ (and as spilled), or the rejection.</summary>
    private static string Parsed(RecordParser parser, byte[] line)
    {
        var record = new RawRecord(File, 7, 0, line.Length, 3, null);
        var (document, rejection) = parser.Parse(record, line);
        if (document is null)
        {
            return "rejected: " + rejection;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, DocumentJson.WriterOptions))
        {
            DocumentJson.Write(writer, document);
        }

        using (var writer = new Utf8JsonWriter(buffer, DocumentJson.WriterOptions))
        {
            DocumentJson.WriteSpill(writer, document);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + " " + document.Text.Length + " " + document.InputBytes;
    }

    [Fact]
    public void ParsingWithTheQuickReaderMakesTheFullParsersDocuments()
    {
        // Every record, mutated or not: the same document (fields, metadata in order, raw text,
        // url) or the same rejection, with the quick reader used where it can be and never.
        var quick = new RecordParser(new ReaderOptions());
        var full = new RecordParser(new ReaderOptions(), quickJson: false);
        string[] seeds =
        [
            """{"id": "d1", "url": "https://example.org/a", "text": "One line\nand \"quoted\" caf\u00e9", "date": "2024-01-02", "n": -12.5e-3, "ok": true, "z": null, "metadata": "flat"}""",
            """{"text":"x y","id":7,"lang":"en","text":"second text wins","score":0.5}""",
            """ {"url":null,"text":"ünï\tcödé 日本","id":"ü","": "empty name"} """,
            """{"id":"m","text":"Dolma style","metadata":{"site":"a.example","n":[1,2,{"x":"}]"}],"t\u00efte":"é","site":"again"},"tags":["a","b"],"url":{"not":"a url"}}""",
        ];
        var random = new Random(5);
        var quickDocuments = 0;
        for (var trial = 0; trial < 20_000; trial++)
        {
            var bytes = Mutate(random, seeds, 0, 2);
            var expected = Parsed(full, bytes);
            Assert.Equal(expected, Parsed(quick, bytes));
            quickDocuments += !expected.StartsWith("rejected", StringComparison.Ordinal) && Quick(bytes).Read ? 1 : 0;
        }

        Assert.InRange(quickDocuments, 4_000, 20_000);
    }

    [Fact]
    public void WhereverItAnswersOnMutatedRecordsTheFullParserGivesTheSameIdAndText()
    {
        // Random edits of valid records reach the scanner's edge cases: cut strings and escapes,
        // stray quotes, commas and braces, broken numbers and literals, control bytes.
        string[] seeds =
        [
            """{"id": "d1", "text": "One line\nand \"quoted\" \\ text caf\u00e9", "n": 12.5e-3, "ok": true, "z": null}""",
            """{"text": "x y z", "id": 7, "url": "https://example.org/a?b=c"}""",
            """ {"text":"ünï\tcödé 日本","id":"ü"} """,
            """{"id":"m","text":"Dolma style","metadata":{"site":"a.example","n":[1,2,{"x":"}]"}]},"tags":["a","b"]}""",
        ];
        var random = new Random(11);
        var answered = 0;
        for (var trial = 0; trial < 20_000; trial++)
        {
            var bytes = Mutate(random, seeds, 1, 3);
            var quick = Quick(bytes);
            if (quick.Read)
            {
                answered++;
                Assert.Equal<(string?, string?)>((quick.Id, quick.Text), Full(bytes));
            }
        }

        // Many edits leave the record valid (inside a string, say): the quick reader must answer those.
        Assert.InRange(answered, 2_000, 19_000);
    }
}
