using System.Text.Json;
using Winnow.Synth;
using Winnow.Synth.FromTexts;
using Winnow.Tests.Support;

namespace Winnow.Tests.Synth;

public sealed class DevSetTests
{
    [Fact]
    public void RepublishedSetIsDeterministicAndItsTruthHolds()
    {
        using var dir = new TempDir();
        var sources = WriteSources(dir, 30);
        var summary = DevSet.Generate(DevSetKind.Republished, sources, new FromTextsOptions(), dir["a/set.jsonl"]);
        DevSet.Generate(DevSetKind.Republished, sources, new FromTextsOptions(), dir["b/set.jsonl"]);
        Assert.Equal(File.ReadAllBytes(dir["a/set.jsonl"]), File.ReadAllBytes(dir["b/set.jsonl"]));
        Assert.Equal(File.ReadAllBytes(dir["a/set.truth.jsonl"]), File.ReadAllBytes(dir["b/set.truth.jsonl"]));
        Assert.NotEqual(File.ReadAllBytes(dir["a/set.jsonl"]), File.ReadAllBytes(DevSet.Generate(DevSetKind.Republished, sources, new FromTextsOptions { Seed = 2 }, dir["c/set.jsonl"]).DocsPath));

        var docs = Lines(summary.DocsPath).ToDictionary(d => d.GetProperty("id").GetString()!, d => d.GetProperty("text").GetString()!);
        var truth = Lines(summary.TruthPath).ToList();
        Assert.Equal(30 / 7, summary.Traps);
        Assert.Equal(summary.Docs, docs.Count);
        var originals = truth.Where(t => Kind(t) == "original").ToDictionary(t => t.GetProperty("article").GetString()!, t => docs[t.GetProperty("id").GetString()!]);
        Assert.Equal(30 - summary.Traps, originals.Count);
        var table = new ShingleTable();
        foreach (var t in truth)
        {
            var text = docs[t.GetProperty("id").GetString()!];
            var site = RepublishingSite.Syndicators.Concat(RepublishingSite.LongFooters).SingleOrDefault(s => s.Host == t.GetProperty("site").GetString());
            switch (Kind(t))
            {
                case "copy":
                    Assert.NotNull(site);
                    Assert.StartsWith(site.Header[0], text, StringComparison.Ordinal);
                    Assert.EndsWith(site.Footer[^1], text, StringComparison.Ordinal);
                    Assert.Equal(Math.Round(ShingleJaccard.Jaccard(text, originals[t.GetProperty("article").GetString()!], table), 6), t.GetProperty("jaccard").GetDouble());
                    break;
                case "trap":
                    Assert.Contains(site!, RepublishingSite.LongFooters);
                    Assert.EndsWith(site!.Footer[^1], text, StringComparison.Ordinal);
                    Assert.InRange(ShingleJaccard.CountWords(text) - ShingleJaccard.CountWords(string.Join(' ', [.. site.Header, .. site.Footer])), 25, 200);
                    break;
                default:
                    Assert.Equal("original", Kind(t));
                    break;
            }
        }

        // Every trap is an article of its own; copies of one article are on different sites.
        Assert.All(truth.Where(t => Kind(t) == "trap").GroupBy(t => t.GetProperty("article").GetString()), g => Assert.Single(g));
        Assert.All(truth.Where(t => Kind(t) == "copy").GroupBy(t => t.GetProperty("article").GetString()), g => Assert.Equal(g.Count(), g.Select(t => t.GetProperty("site").GetString()).Distinct().Count()));
        Assert.Contains(truth, t => t.GetProperty("typos").GetInt32() > 0);
        Assert.Contains(truth, t => t.GetProperty("paragraphs_dropped").GetInt32() > 0);
        Assert.Contains(truth, t => t.GetProperty("paragraphs_shortened").GetInt32() > 0);
        Assert.Contains(truth, t => t.GetProperty("end_cut").GetBoolean());
        Assert.All(truth, t => Assert.InRange(t.GetProperty("words_cut").GetDouble(), 0, Kind(t) == "copy" ? 0.9 : 0));
        Assert.Contains(truth, t => t.GetProperty("rewrap_width").GetInt32() > 0);
    }

    [Fact]
    public void QuotedSetPointsAtWholeSentencesOfTheSourceAndTheQuoteInTheTarget()
    {
        using var dir = new TempDir();
        var summary = DevSet.Generate(DevSetKind.Quoted, WriteSources(dir, 40), new FromTextsOptions(), dir["q.jsonl"]);
        var docs = Lines(summary.DocsPath).ToDictionary(d => d.GetProperty("id").GetString()!, d => d.GetProperty("text").GetString()!);
        var passages = Lines(summary.TruthPath).ToList();
        Assert.Equal(40, docs.Count);
        Assert.True(passages.Count > 15, $"{passages.Count} passages");
        Assert.Contains(passages, p => p.GetProperty("sentence_dropped").GetBoolean());
        Assert.Contains(passages, p => p.GetProperty("link").GetBoolean());
        Assert.Contains(passages, p => p.GetProperty("block_quote").GetBoolean());
        foreach (var p in passages)
        {
            var source = docs[p.GetProperty("source").GetString()!];
            var target = docs[p.GetProperty("target").GetString()!];
            var (s0, s1) = (p.GetProperty("source_start").GetInt32(), p.GetProperty("source_end").GetInt32());
            var (t0, t1) = (p.GetProperty("target_start").GetInt32(), p.GetProperty("target_end").GetInt32());
            Assert.NotEqual(p.GetProperty("source").GetString(), p.GetProperty("target").GetString());
            Assert.True(s0 == 0 || source[..s0].TrimEnd().EndsWith('.'), "starts after a sentence end");
            Assert.EndsWith(".", source[..s1], StringComparison.Ordinal);
            Assert.StartsWith("W", source[s0..], StringComparison.Ordinal);
            Assert.Equal(p.GetProperty("words").GetInt32(), ShingleJaccard.CountWords(target.AsSpan(t0, t1 - t0)));

            // The quote keeps most of the source's words in order: typos, a dropped sentence and a link change some.
            var quoted = Words(source[s0..s1]);
            var landed = Words(target[t0..t1]).ToHashSet();
            Assert.True(quoted.Count(landed.Contains) >= 0.6 * quoted.Count, $"{p.GetProperty("id")}");
        }
    }

    [Fact]
    public void TypographicEditsDoWhatTheySay()
    {
        Assert.Equal("“Don’t,” she said — ‘no’…", TypographicEdits.ChangeQuotes("\"Don't,\" she said — 'no'…", TypographicEdits.QuoteStyle.Curly));
        Assert.Equal("\"Don't,\" she said -- 'no'...", TypographicEdits.ChangeQuotes("“Don’t,” she said — ‘no’…", TypographicEdits.QuoteStyle.Straight));
        Assert.Equal("«Yes,» he said", TypographicEdits.ChangeQuotes("“Yes,” he said", TypographicEdits.QuoteStyle.Guillemets));

        var wrapped = TypographicEdits.Rewrap("one two  three\nfour five six seven eight nine ten", 14);
        Assert.Equal("one two three\nfour five six\nseven eight\nnine ten", wrapped);

        var rng = new SynthRng(1, 0, SynthStream.FromTexts);
        var linked = TypographicEdits.LinkPhrase("alpha beta gamma delta epsilon zeta eta theta iota kappa.", "www.example.org", ref rng);
        Assert.Matches(@"^alpha beta( \w+)* \[\w+( \w+)+\]\(https://www\.example\.org/\w+\)( \w+)* iota kappa\.$", linked);
        Assert.Equal("alpha beta gamma delta epsilon zeta eta theta iota kappa.", System.Text.RegularExpressions.Regex.Replace(linked, @"\[([^\]]*)\]\([^)]*\)", "$1"));

        var typed = TypographicEdits.Typos("words with letters to mistype", 1.0, ref rng, out var made);
        Assert.Equal(4, made);
        Assert.Equal(["to"], typed.Split(' ').Intersect(["words", "with", "letters", "to", "mistype"]));
    }

    [SharedDataFact("data/article-extraction-benchmark/ground-truth.json", "data/extraction-dev/readability/truth.json")]
    public void TheDevelopmentSetsFromTheSharedDataHaveTheirSize()
    {
        using var dir = new TempDir();
        string[] files = [SharedData.Path("data/article-extraction-benchmark/ground-truth.json")!, SharedData.Path("data/extraction-dev/readability/truth.json")!];
        var republished = DevSet.Generate(DevSetKind.Republished, files, new FromTextsOptions(), dir["r.jsonl"]);
        var quoted = DevSet.Generate(DevSetKind.Quoted, files, new FromTextsOptions(), dir["q.jsonl"]);
        Assert.InRange(republished.Sources, 250, 297);
        Assert.InRange(republished.Docs, 700, 900);
        Assert.InRange(quoted.Passages, 200, 300);
    }

    private static IEnumerable<JsonElement> Lines(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement);

    private static string Kind(JsonElement truth) => truth.GetProperty("kind").GetString()!;

    private static List<string> Words(string text) => [.. System.Text.RegularExpressions.Regex.Matches(text.ToLowerInvariant(), @"\w+").Select(m => m.Value)];

    // Articles of invented words in sentences and paragraphs, as truth files of two benchmarks would hold them.
    private static string[] WriteSources(TempDir dir, int count)
    {
        var rng = new Random(7);
        string Word() => new([.. Enumerable.Range(0, rng.Next(3, 9)).Select(_ => (char)('a' + rng.Next(26)))]);
        string Sentence() => "W" + string.Join(' ', Enumerable.Range(0, rng.Next(6, 30)).Select(_ => Word())) + ".";
        string Article() => string.Join("\n\n", Enumerable.Range(0, rng.Next(4, 10)).Select(_ => string.Join(' ', Enumerable.Range(0, rng.Next(1, 5)).Select(_ => Sentence()))));
        var half = count / 2;
        var first = JsonSerializer.Serialize(Enumerable.Range(0, half).ToDictionary(i => $"x{i:D3}", _ => new { articleBody = Article() }));
        var second = JsonSerializer.Serialize(Enumerable.Range(0, count - half).ToDictionary(i => $"y{i:D3}", _ => new { articleBody = Article() }));
        return [dir.Write("one/truth.json", first), dir.Write("two/truth.json", second)];
    }
}
