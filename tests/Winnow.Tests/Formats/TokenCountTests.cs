using Winnow.Stats;
using Winnow.Synth;
using Winnow.Tests.Cli;
using Winnow.Tests.Robustness;
using Winnow.Tests.Support;
using static Winnow.Tests.Support.RunOutputReader;

namespace Winnow.Tests.Formats;

/// <summary>--tokenizer: tokens in, kept and removed per reason in stats.json, of the texts as written.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class TokenCountTests
{
    [Theory]
    [InlineData("cl100k_base", "tiktoken is great!", 6)]
    [InlineData("o200k_base", "hello world", 2)]
    [InlineData("gpt2", "hello world", 2)]
    [InlineData("o200k_base", "", 0)]
    public void EachEncodingCountsAsOpenAisTokenizerDoes(string encoding, string text, int tokens) =>
        Assert.Equal(tokens, TokenCounter.For(encoding).Count(text));

    [Theory]
    [InlineData("o200k_base")]
    [InlineData("cl100k_base")]
    [InlineData("gpt2")]
    public void CountingPieceByPieceWithACacheGivesTheWholeTextsCount(string encoding)
    {
        // Piece by piece (split as the encoding splits, each piece's count remembered) must equal the
        // library's count of the whole text: words, numbers, runs of spaces and line ends, contractions,
        // scripts without spaces, emoji, special-token spellings, lone surrogates.
        string[] parts =
        [
            "word", " Word", "WORDS", "'s", "'LL", " ", "  ", "\n", "\r\n", "\t", "1", "12345", "3.14", "!!", "?!\n",
            "é", "naïve", "漢字かな", "ไทย", "😀", "👩‍👩‍👧", "<|endoftext|>", "<|fim_prefix|>", "\u00a0", "\ud800", "\u200b", "x",
        ];
        var whole = encoding == "gpt2"
            ? Microsoft.ML.Tokenizers.TiktokenTokenizer.CreateForModel("gpt2")
            : Microsoft.ML.Tokenizers.TiktokenTokenizer.CreateForEncoding(encoding);
        var counter = TokenCounter.For(encoding);
        var random = new Random(29);
        for (var round = 0; round < 3_000; round++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => System.Text.RegularExpressions.Regex.Unescape(parts[random.Next(parts.Length)])));
            Assert.True(whole.CountTokens(text) == counter.Count(text), $"{encoding}: '{text}'");
        }
    }

    [Fact]
    public void TokensKeptAndRemovedAreThoseOfTheTextsWrittenAndAddUp()
    {
        using var dir = new TempDir();
        SyntheticCorpus.Generate(new SynthOptions { Docs = 300, Seed = 13 }, dir["in/news.jsonl"]);
        var stats = CliRun.Ok("run", dir["in/news.jsonl"], "--out", dir["out"], "--no-report", "-t", "3");
        var tokens = stats["tokens"]!;
        Assert.Equal("o200k_base", tokens["tokenizer"]!.GetValue<string>());
        var counter = TokenCounter.For("o200k_base");
        long Count(string folder) => Records(dir["out"], folder).Sum(r => (long)counter.Count(r["text"]!.GetValue<string>()));
        Assert.Equal(Count("documents"), Long(tokens["kept"]));
        Assert.Equal(Count("removed"), Long(tokens["removed"]));
        Assert.Equal(Long(tokens["kept"]) + Long(tokens["removed"]), Long(tokens["in"]));
        var byReason = tokens["removed_by_reason"]!.AsObject();
        Assert.True(byReason.Count >= 2);
        Assert.Equal(Long(tokens["removed"]), byReason.Sum(p => Long(p.Value)));
        foreach (var (reason, value) in byReason)
        {
            var removed = Records(dir["out"], "removed").Where(r => r["removed"]!["reason"]!.GetValue<string>() == reason);
            Assert.Equal(removed.Sum(r => (long)counter.Count(r["text"]!.GetValue<string>())), Long(value));
        }
    }

    [Fact]
    public void NoneCountsNoTokens()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["a.jsonl"], "{\"text\": \"a few words of text\"}\n");
        var stats = CliRun.Ok("run", dir["a.jsonl"], "--out", dir["out"], "--no-report", "--no-filters", "--tokenizer", "none");
        Assert.Null(stats["tokens"]);
        CliRun.Fails(1, "--tokenizer", "run", dir["a.jsonl"], "--out", dir["bad"], "--tokenizer", "bert");
    }
}
