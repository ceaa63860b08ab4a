using Winnow.Dedup;
using Winnow.Tests.Support;
using Winnow.Text;
using static Winnow.Tests.Support.RunOutputReader;

namespace Winnow.Tests.Dedup;

public sealed class ExactDedupTests
{
    [Fact]
    public void FirstSeenIsKeptAndDuplicatesNameIt()
    {
        using var dir = new TempDir();
        dir.Write("in/1.jsonl", "{\"id\":\"a\",\"text\":\"Hello  world\"}\n{\"id\":\"b\",\"text\":\"other\"}\n");
        dir.Write("in/2.jsonl", "{\"id\":\"c\",\"text\":\" Hello world\\n\"}\n{\"id\":\"d\",\"text\":\"other\"}\n{\"id\":\"e\",\"text\":\"hello world\"}\n");
        var stats = Runs.Exact(dir["in"], dir["out"]);
        Assert.Equal(["a", "b", "e"], Records(dir["out"], "documents").Select(d => d["id"]!.GetValue<string>()));
        var removed = Records(dir["out"], "removed");
        Assert.Equal(["c", "d"], removed.Select(d => d["id"]!.GetValue<string>()));
        Assert.Equal(["a", "b"], removed.Select(d => d["removed"]!["kept_id"]!.GetValue<string>()));
        Assert.All(removed, d => Assert.Equal(ExactDedupStage.Reason, d["removed"]!["reason"]!.GetValue<string>()));
        Assert.Equal(2, stats.RemovedByReason[ExactDedupStage.Reason].Documents);
        Runs.AssertBalanced(stats);
    }

    [Fact]
    public void NormalizationIsNfcAndWhitespaceByDefault()
    {
        var composed = ExactDedupStage.Hash("caf\u00e9\tcr\u00e8me", default);
        Assert.Equal(composed, ExactDedupStage.Hash("cafe\u0301 \n crème ", default));
        Assert.NotEqual(composed, ExactDedupStage.Hash("Café crème", default));
        Assert.NotEqual(composed, ExactDedupStage.Hash("café crème!", default));
    }

    [Fact]
    public void CaseFoldingAndPunctuationAreOptions()
    {
        var options = new NormalizationOptions { CaseFold = true, IgnorePunctuation = true };
        Assert.Equal(ExactDedupStage.Hash("Hello, World!", options), ExactDedupStage.Hash("hello world", options));
        Assert.Equal(ExactDedupStage.Hash("\u201cQuoted\u201d \u2014 text.", options), ExactDedupStage.Hash("quoted  text", options));
        Assert.NotEqual(ExactDedupStage.Hash("Hello, World!", new NormalizationOptions { CaseFold = true }), ExactDedupStage.Hash("hello world", new NormalizationOptions { CaseFold = true }));
        Assert.NotEqual(ExactDedupStage.Hash("Hello World", new NormalizationOptions { IgnorePunctuation = true }), ExactDedupStage.Hash("hello world", new NormalizationOptions { IgnorePunctuation = true }));
    }

    [Theory]
    [InlineData("\u212B ngstr\u00F6m", "\u00C5 ngstr\u00F6m")]
    [InlineData("A\u030A \u201Cq\u201D", "\u00C5 \u201Cq\u201D")]
    [InlineData("\u2014\u2026 plain", "\u2014\u2026 plain")]
    public void TextIsComposedToNfcWhereNeeded(string input, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(input, default));
        Assert.Equal(ExactDedupStage.Hash(expected, default), ExactDedupStage.Hash(input, default));
    }

    [Theory]
    [InlineData("  a \t b\n\nc  ", "a b c")]
    [InlineData("", "")]
    [InlineData(" \n ", "")]
    [InlineData("A\u00A0B", "A B")]
    public void NormalizerCollapsesAndTrimsWhitespace(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input, default));

    [Fact]
    public void WhitespaceCollapseMatchesASplitAndJoinReference()
    {
        // A seeded generator of our own keeps the cases the same on every runtime.
        ulong state = 42;
        var alphabet = "ab  \n\t\u00A0\u2003\u3000\u0085\r\u00E9\u2014.";
        for (var n = 0; n < 5000; n++)
        {
            state = (state * 6364136223846793005UL) + 1442695040888963407UL;
            var length = (int)(state >> 58);
            var chars = new char[length];
            for (var k = 0; k < length; k++)
            {
                state = (state * 6364136223846793005UL) + 1442695040888963407UL;
                chars[k] = alphabet[(int)((state >> 33) % (ulong)alphabet.Length)];
            }

            var text = new string(chars);
            var words = new List<string>();
            var current = new System.Text.StringBuilder();
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    if (current.Length > 0)
                    {
                        words.Add(current.ToString());
                        current.Clear();
                    }
                }
                else
                {
                    current.Append(c);
                }
            }

            if (current.Length > 0)
            {
                words.Add(current.ToString());
            }

            Assert.Equal(string.Join(' ', words), TextNormalizer.Normalize(text, default));
        }
    }
}
