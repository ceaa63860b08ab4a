using Winnow.Dedup;
using Winnow.Documents;
using Winnow.Text;

namespace Winnow.Tests.Documents;

public sealed class DocumentTests
{
    [Fact]
    public void TextIsNfcIsCheckedForEachTextTheDocumentHolds()
    {
        var document = new Document("a", "cafe\u0301", new DocumentSource("in.jsonl", 1), 0, 6);
        Assert.False(document.TextIsNfc);

        document.Text = "caf\u00e9";
        Assert.True(document.TextIsNfc);

        document.Text = "re\u0301sume\u0301";
        Assert.False(document.TextIsNfc);
    }

    [Fact]
    public void ExactDedupGivesTheSameHashWithTheDocumentsNfcFlag()
    {
        // The stage passes the document's flag instead of checking again: a text that is not in
        // NFC must still be normalized, one that is must not change.
        foreach (var text in new[] { "cafe\u0301 cre\u0300me", "caf\u00e9 cr\u00e8me", "plain ascii", "\u212B ngstr\u00f6m" })
        {
            var document = new Document("a", text, new DocumentSource("in.jsonl", 1), 0, text.Length);
            Assert.Equal(ExactDedupStage.Hash(text, default), ExactDedupStage.Hash(document.Text, default, document.TextIsNfc));
            Assert.Equal(NfcQuickCheck.IsNfc(text), document.TextIsNfc);
        }
    }
}
