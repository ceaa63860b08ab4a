using Winnow.Documents;
using Winnow.Pii;
using Winnow.Tests.Support;

namespace Winnow.Tests.Pii;

public class PiiStageTests
{
    private static Document Doc(string text) => new("d", text, new DocumentSource("t", 1, 0), 0, text.Length);

    [Fact]
    public void RedactsWithTypedPlaceholdersAndCounts()
    {
        var doc = Doc("Mail a@example.com, call +44 20 7946 0958, host 8.8.4.4, card 4111 1111 1111 1111, IBAN GB82WEST12345698765432.");
        new PiiStage().Process(doc);
        Assert.Equal("Mail <EMAIL>, call <PHONE>, host <IP_ADDRESS>, card <CARD_NUMBER>, IBAN <IBAN>.", doc.Text);
        Assert.Equal(1, (int)doc.Attributes!["pii"]!["email"]!);
        Assert.Equal(1, (int)doc.Attributes!["pii"]!["iban"]!);
    }

    [Fact]
    public void RedactingReplacesEachSpanAndKeepsEveryOtherCharacter()
    {
        // Spans at the text's start and end, next to each other, longer and shorter than their
        // placeholders, around text outside the BMP: against a splice done one span at a time.
        const string text = "a@b.co😀x 8.8.8.8+44 20 7946 0958 end 1.1.1.1";
        PiiSpan[] spans = [new(PiiKind.Email, 0, 6), new(PiiKind.IpAddress, 10, 7), new(PiiKind.Phone, 17, 16), new(PiiKind.IpAddress, 38, 7)];
        var expected = text;
        for (var i = spans.Length - 1; i >= 0; i--)
        {
            expected = expected[..spans[i].Start] + spans[i].Placeholder + expected[spans[i].End..];
        }

        Assert.Equal("<EMAIL>😀x <IP_ADDRESS><PHONE> end <IP_ADDRESS>", expected);
        Assert.Equal(expected, PiiStage.Redact(text, spans));
        Assert.Equal(text, PiiStage.Redact(text, []));
        Assert.Equal("<IBAN>", PiiStage.Redact("GB82WEST12345698765432", [new(PiiKind.Iban, 0, 22)]));
    }

    [Fact]
    public void NonPublicAddressesAreKeptUnlessAsked()
    {
        const string text = "router 192.168.1.1, loopback 127.0.0.1, docs 2001:db8::1, public 8.8.8.8";
        var kept = Doc(text);
        new PiiStage().Process(kept);
        Assert.Equal("router 192.168.1.1, loopback 127.0.0.1, docs 2001:db8::1, public <IP_ADDRESS>", kept.Text);
        Assert.Equal(1, (int)kept.Attributes!["pii"]!["ip_address"]!);

        var all = Doc(text);
        new PiiStage(new PiiOptions { PublicIpsOnly = false }).Process(all);
        Assert.Equal("router <IP_ADDRESS>, loopback <IP_ADDRESS>, docs <IP_ADDRESS>, public <IP_ADDRESS>", all.Text);
    }

    [Fact]
    public void AnnotateKeepsTextAndGivesCodePointOffsets()
    {
        const string text = "😀 mail a@example.com";
        var doc = Doc(text);
        new PiiStage(new PiiOptions { Mode = PiiMode.Annotate }).Process(doc);
        Assert.Equal(text, doc.Text);
        var span = doc.Attributes!["pii"]!["spans"]![0]!;
        Assert.Equal("email", (string)span["kind"]!);
        Assert.Equal(7, (int)span["start"]!); // the emoji is one code point, two UTF-16 units
        Assert.Equal(20, (int)span["end"]!);
    }

    [Fact]
    public void NothingFoundLeavesDocumentUntouched()
    {
        var doc = Doc("Nothing personal here, version 1.2.3.4 of 2017-06-27.");
        new PiiStage().Process(doc);
        Assert.Equal("Nothing personal here, version 1.2.3.4 of 2017-06-27.", doc.Text);
        Assert.Null(doc.Attributes);
    }

    [SharedDataFact("seeds/002_48d5d820d7608b9f.txt")]
    public void SeedWithEmailsLosesOnlyTheEmails()
    {
        var path = SharedData.File("seeds", "002_48d5d820d7608b9f.txt")!;

        var original = File.ReadAllText(path);
        var doc = Doc(original);
        new PiiStage().Process(doc);

        var found = new List<PiiSpan>();
        PiiScanner.Scan(original, PiiKind.All, found);
        Assert.All(found, s => Assert.Equal(PiiKind.Email, s.Kind));
        Assert.Equal(2, found.Select(s => original.Substring(s.Start, s.Length)).Distinct().Count());

        // Put the addresses back where the placeholders are: the text must be the original, byte for byte.
        var restored = doc.Text;
        foreach (var span in found)
        {
            var at = restored.IndexOf("<EMAIL>", StringComparison.Ordinal);
            Assert.True(at >= 0);
            restored = string.Concat(restored.AsSpan(0, at), original.AsSpan(span.Start, span.Length), restored.AsSpan(at + 7));
        }

        Assert.Equal(original, restored);
        Assert.DoesNotContain("@", doc.Text.Replace("<EMAIL>", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(found.Count, (int)doc.Attributes!["pii"]!["email"]!);
    }

    [SharedDataFact("seeds/000_974ea736afd95f53.txt")]
    public void SeedWithoutPersonalDataIsUnchanged()
    {
        var path = SharedData.File("seeds", "000_974ea736afd95f53.txt")!;

        var original = File.ReadAllText(path);
        var doc = Doc(original);
        new PiiStage().Process(doc);
        Assert.Same(original, doc.Text);
        Assert.Null(doc.Attributes);
    }
}
