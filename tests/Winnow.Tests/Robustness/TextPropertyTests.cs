using System.Text;
using CsCheck;
using Winnow.Boilerplate;
using Winnow.Cleaning;
using Winnow.Documents;
using Winnow.Extraction;
using Winnow.Filters;
using Winnow.Language;
using Winnow.NearDedup;
using Winnow.Pipeline;
using Winnow.Readers;
using Winnow.Tests.Support;
using Winnow.Text;

namespace Winnow.Tests.Robustness;

/// <summary>
/// Property tests of every loop that scans text: hostile text (every code point, lone surrogates,
/// noncharacters, every kind of whitespace and control) through the normalizer, the tokenizers,
/// the hashers and every document stage of the default pipeline, each call under a watchdog.
/// Fixed seed and count (<see cref="HostileGen"/>); WINNOW_FUZZ_SCALE multiplies the count.
/// </summary>
public sealed class TextPropertyTests
{
    private static readonly TimeSpan NoProgress = TimeSpan.FromSeconds(20);

    private static readonly NormalizationOptions[] Normalizations =
    [
        new(), new() { CaseFold = true }, new() { IgnorePunctuation = true }, new() { CaseFold = true, IgnorePunctuation = true },
    ];

    [Fact]
    public void ControlSeparatorsAreWhitespaceToTheNormalizer()
    {
        // U+001C–U+001F once sent the whitespace search and the skip loop out of step: an endless loop.
        foreach (var c in "\u001C\u001D\u001E\u001F")
        {
            Assert.Equal("hello world", Watchdog.Run(() => TextNormalizer.Normalize($"hello {c} world", new NormalizationOptions()), NoProgress, () => $"U+{(int)c:X4}"));
        }
    }

    /// <summary>Scripts other than Latin, with every kind of whitespace among them: the whitespace search changes its way after many non-ASCII letters.</summary>
    private static readonly Gen<string> OtherScripts = Gen.OneOf(
            Gen.Const("\u0434"), Gen.Const("\u0436"), Gen.Const("\u6771"), Gen.Const("\u00e9"), Gen.Const("a"), Gen.Const("\u2014"), Gen.Const(" "),
            Gen.Const("  "), Gen.Const("\t"), Gen.Const("\n"), Gen.Const("\u00A0"), Gen.Const("\u2003"), Gen.Const("\u3000"), Gen.Const("\u0085"), Gen.Const("\u001F"))
        .Array[0, 300].Select(string.Concat);

    [Fact]
    public void CollapsedTextIsTheRunsBetweenWhitespaceJoinedBySpaces() =>
        Gen.OneOf(HostileGen.Text, HostileGen.Separators, OtherScripts).SampleFixed(text =>
        {
            var nfc = TextNormalizer.ToNfc(text).ToString();
            var runs = new List<string>();
            var run = new System.Text.StringBuilder();
            foreach (var c in nfc + " ")
            {
                if (!TextNormalizer.IsWhiteSpace(c))
                {
                    run.Append(c);
                }
                else if (run.Length > 0)
                {
                    runs.Add(run.ToString());
                    run.Clear();
                }
            }

            Assert.Equal(string.Join(' ', runs), TextNormalizer.Normalize(text, new NormalizationOptions()));
        }, seed: HostileGen.Seed, iter: HostileGen.Iterations(2_000));

    [Fact]
    public void NormalizedTextIsTrimmedCollapsedAndStable() =>
        Gen.OneOf(HostileGen.Text, HostileGen.Separators).SampleFixed(text =>
        {
            foreach (var options in Normalizations)
            {
                var once = Watchdog.Run(() => TextNormalizer.Normalize(text, options), NoProgress, () => Describe(text));
                Assert.False(once.Length > 0 && (TextNormalizer.IsWhiteSpace(once[0]) || TextNormalizer.IsWhiteSpace(once[^1])), "not trimmed");
                Assert.DoesNotContain("  ", once, StringComparison.Ordinal);
                var twice = TextNormalizer.Normalize(once, options);
                Assert.True(once == twice, $"not stable under {options}: {Describe(once)} then {Describe(twice)}");
            }
        }, seed: HostileGen.Seed, iter: HostileGen.Iterations(400));

    [Fact]
    public void TokenizersAndHashersEndOnHostileText()
    {
        var hasher = new ShingleHasher(5, 1);
        var words = new List<WordToken>();
        var units = new List<TextUnit>();
        Gen.OneOf(HostileGen.Text, HostileGen.Separators).SampleFixed(text => Watchdog.Run(() =>
        {
            var shingles = new ulong[16];
            var count = hasher.Hash(text, ref shingles);
            Assert.InRange(count, 0, Math.Max(1, text.Length));
            words.Clear();
            WordTokenizer.Tokenize(text, words);
            Assert.All(words, w => Assert.True(0 <= w.Start && w.Start < w.End && w.End <= text.Length, "a token outside the text"));
            units.Clear();
            TextUnits.Split(text, 1, units, words);
        }, NoProgress, () => Describe(text)), seed: HostileGen.Seed, iter: HostileGen.Iterations(400));
    }

    [Fact]
    public void LanguageIdentificationEndsOnHostileText()
    {
        LanguageIdentifier identifier;
        try
        {
            identifier = LanguageIdentifier.Load();
        }
        catch (Exception e) when (e is DirectoryNotFoundException or FileNotFoundException or InvalidOperationException)
        {
            return; // The profiles (libexttextcat-data) are not installed; LanguageIdentifierTests says so.
        }

        HostileGen.Text.SampleFixed(text => Watchdog.Run(() => identifier.Identify(text), NoProgress, () => Describe(text)),
            seed: HostileGen.Seed, iter: HostileGen.Iterations(200));
    }

    [Fact]
    public void EveryDocumentStageOfTheDefaultRunEndsOnHostileText()
    {
        DocumentStage[] stages = [new ExtractStage(), new ChromeCleanerStage(), .. FilterConfig.Default().OfType<DocumentStage>()];
        Gen.Select(Gen.OneOf(HostileGen.Text, HostileGen.Separators, HostileGen.Html), Gen.Bool).SampleFixed((text, html) =>
        {
            var document = new Document("d", text, new DocumentSource("fuzz", 1), 0, text.Length) { ContentType = html ? ContentTypes.Html : ContentTypes.PlainText };
            foreach (var stage in stages)
            {
                Watchdog.Run(() => stage.Process(document), NoProgress, () => $"stage {stage.Name} on {Describe(text)}");
            }
        }, seed: HostileGen.Seed, iter: HostileGen.Iterations(300));
    }

    [Fact]
    public void BothJsonReadersGiveOneOutcomeAndTheSameOne()
    {
        var quick = new RecordParser(new ReaderOptions(), quickJson: true);
        var full = new RecordParser(new ReaderOptions(), quickJson: false);
        var file = new InputFile("fuzz.jsonl", "fuzz.jsonl", InputKind.Jsonl, -1);
        Gen.OneOf(HostileGen.JsonLine.Select(Encoding.UTF8.GetBytes), HostileGen.Bytes).SampleFixed(bytes =>
        {
            var record = new RawRecord(file, 1, 0, bytes.Length, 0, null);
            var a = Watchdog.Run(() => quick.Parse(record, bytes), NoProgress, () => Convert.ToHexString(bytes));
            var b = full.Parse(record, bytes);
            Assert.True(a.Document is null != (a.Rejection is null), "one of document and rejection");
            Assert.Equal(b.Rejection?.Reason, a.Rejection?.Reason);
            Assert.Equal(b.Document?.Id, a.Document?.Id);
            Assert.Equal(b.Document?.Text, a.Document?.Text);
            Assert.Equal(b.Document?.Url, a.Document?.Url);
            Assert.Equal(b.Document?.Metadata.Select(m => m.Name), a.Document?.Metadata.Select(m => m.Name));
            if (a.Document is { } doc)
            {
                Assert.Equal(doc.Metadata.Count, doc.Metadata.Select(m => m.Name).Distinct().Count());
                Assert.False(doc.Text.Any(char.IsSurrogate) && !IsWellFormed(doc.Text), "a lone surrogate reached a document");
            }
        }, seed: HostileGen.Seed, iter: HostileGen.Iterations(2000));
    }

    private static bool IsWellFormed(string text) => Encoding.UTF8.GetByteCount(text) == new UTF8Encoding(false, true).GetByteCount(text);

    internal static string Describe(string text) =>
        $"text of {text.Length} chars: \"{string.Concat(text.Take(4000).Select(c => c <= 0x20 || char.IsSurrogate(c) || c > 0x7E ? $"\\u{(int)c:X4}" : c.ToString()))}…\"";
}
