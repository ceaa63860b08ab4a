using System.Text.Json;
using Winnow.Report;
using Winnow.Tests.Support;

namespace Winnow.Tests.Report;

/// <summary>What the report embeds, read back from the page's data block.</summary>
public sealed class ReportWriterTests : IClassFixture<ReportWriterTests.Shared>
{
    private readonly ReportFixture _run;

    public ReportWriterTests(Shared shared) => _run = shared.Fixture;

    [Theory]
    [InlineData(1, 1 << 10)]
    [InlineData(2, 1 << 10)]
    [InlineData(3, 1 << 12)]
    [InlineData(4, 1 << 22)]
    public void ThePageIsTheSameForAnyThreadCountAndBlockSize(int threads, int blockBytes)
    {
        // The records are parsed a block at a time on several threads and applied in file order:
        // with small blocks the fixture's files are cut into hundreds of them.
        using var dir = new TempDir();
        var page = ReportWriter.Write(_run.Run, new ReportOptions { Threads = threads }, dir["page.html"], blockBytes);
        Assert.Equal(File.ReadAllBytes(_run.Report.Path), File.ReadAllBytes(page.Path));
    }

    [Fact]
    public void EmbedsTheRunStatsUnchanged()
    {
        using var data = ReportFixture.Data(_run.Html);
        var stats = data.RootElement.GetProperty("stats");
        var expected = _run.Stats;
        foreach (var field in new[] { "in", "kept", "removed", "rejected" })
        {
            Assert.Equal(RunOutputReader.Long(expected["documents"]![field]), stats.GetProperty("documents").GetProperty(field).GetInt64());
        }

        Assert.Equal(
            RunOutputReader.Long(expected["removed_by_reason"]!["exact_duplicate"]!["documents"]),
            stats.GetProperty("removed_by_reason").GetProperty("exact_duplicate").GetProperty("documents").GetInt64());
        Assert.True(stats.GetProperty("documents").GetProperty("rejected").GetInt64() >= 1, "the fixture has a malformed line");
    }

    [Fact]
    public void ExactGroupsMatchTheRemovedRecordsAndNearClustersComeFromTheFile()
    {
        using var data = ReportFixture.Data(_run.Html);
        var removed = RunOutputReader.Records(_run.Run, "removed");
        var groups = removed.GroupBy(r => (string)r["removed"]!["kept_id"]!).ToDictionary(g => g.Key, g => g.Count() + 1);
        var nearLines = File.ReadLines(Path.Combine(_run.Run, "clusters.jsonl")).Count();
        var histogram = data.RootElement.GetProperty("histogram");
        Assert.Equal(groups.Count + nearLines, histogram.GetProperty("total").GetInt64());

        var clusters = data.RootElement.GetProperty("clusters").EnumerateArray().ToList();
        var sizes = clusters.Select(c => c.GetProperty("size").GetInt64()).ToList();
        Assert.Equal(sizes.OrderByDescending(s => s), sizes);
        foreach (var c in clusters.Where(c => c.GetProperty("kind").GetString() == "exact"))
        {
            var kept = c.GetProperty("kept").GetString()!;
            Assert.Equal(groups[kept], c.GetProperty("size").GetInt64());
            Assert.Equal(groups[kept], c.GetProperty("members").GetArrayLength());
        }

        Assert.Contains(clusters, c => c.GetProperty("kind").GetString() == "near");
    }

    [Fact]
    public void HostileTextRoundTripsAsDataAndCannotCloseTheScriptElement()
    {
        var html = _run.Html;
        const string open = "<script type=\"application/json\" id=\"winnow-data\">";
        var start = html.IndexOf(open, StringComparison.Ordinal) + open.Length;
        var end = html.IndexOf("</script>", start, StringComparison.Ordinal);
        var block = html[start..end];
        Assert.DoesNotContain('<', block);
        Assert.DoesNotContain('>', block);
        Assert.DoesNotContain('\u2028', block);
        Assert.DoesNotContain('\u2029', block);

        // Two script elements: the data and the page's own code; no other tag from documents.
        Assert.Equal(2, Count(html, "<script"));
        Assert.Equal(2, Count(html, "</script"));
        Assert.Equal(0, Count(html, "<img"));
        Assert.Equal(0, Count(html, "<svg"));
        Assert.DoesNotContain("</textarea", html, StringComparison.OrdinalIgnoreCase);

        using var data = ReportFixture.Data(html);
        var text = data.RootElement.GetProperty("docs").GetProperty("hostile-1").GetProperty("text").GetString()!;
        foreach (var payload in ReportFixture.Payloads)
        {
            Assert.Contains(payload, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ReusePassagesAreTheOffsetsOfTheKeptTexts()
    {
        using var data = ReportFixture.Data(_run.Html);
        var texts = RunOutputReader.Records(_run.Run, "documents").ToDictionary(r => (string)r["id"]!, r => (string)r["text"]!);
        var reuse = data.RootElement.GetProperty("reuse").EnumerateArray().ToList();
        Assert.NotEmpty(reuse);
        foreach (var r in reuse)
        {
            var a = texts[r.GetProperty("a").GetString()!];
            Assert.Equal(a[r.GetProperty("a_start").GetInt32()..r.GetProperty("a_end").GetInt32()], r.GetProperty("a_text").GetString());
            var b = texts[r.GetProperty("b").GetString()!];
            Assert.Equal(b[r.GetProperty("b_start").GetInt32()..r.GetProperty("b_end").GetInt32()], r.GetProperty("b_text").GetString());
        }

        var words = reuse.Select(r => r.GetProperty("matched_words").GetInt64()).ToList();
        Assert.Equal(words.OrderByDescending(w => w), words);
    }

    [Fact]
    public void BoundsCutListsAndThePageSaysSo()
    {
        var options = new ReportOptions { MaxClusters = 3, MaxBoilerplate = 2, MaxReusePassages = 1, ExamplesPerReason = 2, TextBudgetChars = 1_000 };
        var path = Path.Combine(_run.Run, "small.html");
        var result = ReportWriter.Write(_run.Run, options, path);
        Assert.True(result.Sampled);
        using var data = ReportFixture.Data(File.ReadAllText(path));
        var root = data.RootElement;
        Assert.Equal(3, root.GetProperty("clusters").GetArrayLength());
        Assert.Equal(2, root.GetProperty("boilerplate").GetArrayLength());
        Assert.Equal(1, root.GetProperty("reuse").GetArrayLength());
        Assert.Equal(2, root.GetProperty("removed_examples").GetProperty("exact_duplicate").GetArrayLength());
        var counts = root.GetProperty("counts").GetProperty("clusters");
        Assert.Equal(3, counts[0].GetInt64());
        Assert.True(counts[1].GetInt64() > 3);
        var embedded = root.GetProperty("docs").EnumerateObject().Sum(d => d.Value.TryGetProperty("text", out var t) ? t.GetString()!.Length : 0);
        Assert.True(embedded <= 1_000, $"{embedded} chars embedded over a budget of 1,000");
        Assert.Contains(root.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("text budget", StringComparison.Ordinal));
    }

    [Fact]
    public void ARunWithoutStageOutputsOrStatsStillGetsAPage()
    {
        using var dir = new TempDir();
        dir.Write("in.jsonl", "{\"id\":\"a\",\"text\":\"same text\"}\n{\"id\":\"b\",\"text\":\"same text\"}\n");
        Runs.Exact(dir["in.jsonl"], dir["run"], configure: o => o with { Output = new() { Gzip = true } });
        Assert.True(Directory.GetFiles(dir["run/removed"], "*.jsonl.gz").Length > 0);
        using (var data = ReportFixture.Data(File.ReadAllText(ReportWriter.Write(dir["run"]).Path)))
        {
            var cluster = Assert.Single(data.RootElement.GetProperty("clusters").EnumerateArray());
            Assert.Equal("a", cluster.GetProperty("kept").GetString());
            Assert.Equal(0, data.RootElement.GetProperty("boilerplate").GetArrayLength());
            Assert.Equal("same text", data.RootElement.GetProperty("docs").GetProperty("b").GetProperty("text").GetString());
        }

        File.Delete(dir["run/stats.json"]);
        using var bare = ReportFixture.Data(File.ReadAllText(ReportWriter.Write(dir["run"]).Path));
        Assert.Equal(JsonValueKind.Null, bare.RootElement.GetProperty("stats").ValueKind);
    }

    [Fact]
    public void TheSameRunGivesTheSameBytes()
    {
        var a = File.ReadAllBytes(ReportWriter.Write(_run.Run, null, Path.Combine(_run.Run, "again-1.html")).Path);
        var b = File.ReadAllBytes(ReportWriter.Write(_run.Run, null, Path.Combine(_run.Run, "again-2.html")).Path);
        Assert.Equal(a, b);
        Assert.Equal(File.ReadAllBytes(_run.Report.Path), a);
    }

    [Fact]
    public void ScriptSafeEscapesEveryCharacterThatCouldEndTheElement()
    {
        var json = "{\"t\":\"</script><!-- a&b \u2028\u2029 é\"}"u8.ToArray();
        var safe = System.Text.Encoding.UTF8.GetString(ReportJson.ScriptSafe(json));
        Assert.Equal("{\"t\":\"\\u003c/script\\u003e\\u003c!-- a\\u0026b \\u2028\\u2029 é\"}", safe);
        using var back = JsonDocument.Parse(safe);
        Assert.Equal("</script><!-- a&b \u2028\u2029 é", back.RootElement.GetProperty("t").GetString());
    }

    private static int Count(string haystack, string needle)
    {
        var n = 0;
        for (var i = haystack.IndexOf(needle, StringComparison.OrdinalIgnoreCase); i >= 0; i = haystack.IndexOf(needle, i + 1, StringComparison.OrdinalIgnoreCase))
        {
            n++;
        }

        return n;
    }

    /// <summary>One fixture run for the class.</summary>
    public sealed class Shared : IDisposable
    {
        internal ReportFixture Fixture { get; } = new();

        public void Dispose() => Fixture.Dispose();
    }
}
