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
