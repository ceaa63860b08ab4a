using System.Text;
using System.Text.Json;
using Winnow.Dedup;
using Winnow.NearDedup;
using Winnow.Pipeline;
using Winnow.Readers;
using Winnow.Tests.NearDedup;
using Winnow.Tests.Support;
using Winnow.Writers;
using static Winnow.Tests.Support.RunOutputReader;

namespace Winnow.Tests.Pipeline;

/// <summary>
/// Dedup that writes documents from a second read of its JSONL input (no spill): records in the
/// writer's own form copied with their added members, any other parsed and written again. Every
/// output file must be byte for byte the stage loop's.
/// </summary>
public sealed class DocumentsFromInputTests
{
    private static string Line(string id, string text, string? url = null, string? metadata = null)
    {
        var line = new StringBuilder("{\"id\":").Append(JsonSerializer.Serialize(id, Escaping)).Append(",\"text\":").Append(JsonSerializer.Serialize(text, Escaping));
        if (url is not null)
        {
            line.Append(",\"url\":").Append(JsonSerializer.Serialize(url, Escaping));
        }

        if (metadata is not null)
        {
            line.Append(",\"metadata\":").Append(metadata);
        }

        return line.Append('}').ToString();
    }

    // What the writer escapes, so the lines below are in its form unless a case says otherwise.
    private static readonly JsonSerializerOptions Escaping = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static void WriteCorpus(TempDir dir)
    {
        var corpus = NearDupCorpus.Create(originals: 50, seed: 31);
        var lines = new List<string>();
        for (var i = 0; i < corpus.Count; i++)
        {
            var d = corpus[i];
            lines.Add((i % 4) switch
            {
                0 => Line(d.Id, d.Text),
                1 => Line(d.Id, d.Text, $"https://site{i % 3}.example/a/{i}"),
                2 => Line(d.Id, d.Text, $"https://site{i % 3}.example/é/{i}", "{\"site\":\"s\u00e9\",\"n\":[1, 2],\"o\":{\"a\" : null}}"),
                _ => Line(d.Id, d.Text + "\n\"quoted\" \u2028 tab\t\u00e9 \ud83d\ude00", metadata: "{\"lang\":\"en\"}"),
            });
        }

        var text = corpus[0].Text;
        lines.InsertRange(9, [
            Line("exact-again", corpus[1].Text, "https://copy.example/1", "{\"k\":1}"),
            Line(corpus[2].Id + "-again", corpus[2].Text),
            "not json",
            "{\"id\":\"no-text\"}",
            Line("esc\\u00e9", text).Replace("esc\\\\u00e9", "esc\\u00e9", StringComparison.Ordinal),
            Line("sep", text, "https://x.example/\u2028"),
            Line("astral", text, "https://x.example/\ud83d\ude00"),
            Line("empty-meta", text, "https://x.example/", "{}"),
            Line("spaced-meta", text, null, "{\"a\": 1}"),
            Line("repeated-meta", text, null, "{\"a\":1,\"a\":2}"),
            Line("null-url", text).TrimEnd('}') + ",\"url\":null}",
            Line("extra", text).TrimEnd('}') + ",\"lang\":\"en\"}",
            "{\"text\":" + JsonSerializer.Serialize(text, Escaping) + ",\"id\":\"reordered\"}",
            "{\"id\":17,\"text\":" + JsonSerializer.Serialize(text + " seventeen", Escaping) + "}",
            "{\"id\": \"spaced\", \"text\": " + JsonSerializer.Serialize(text, Escaping) + "}",
            Line("trailing", text) + "  ",
            "{\"id\":\"unescaped-name\",\"text\":\"a b c d e f\",\"metadata\":{\"\\u0061\":1}}",
        ]);
        dir.Write("in/a.jsonl", string.Join('\n', lines) + "\n");
        // Invalid UTF-8 in the text, in the id, in the metadata: each record rejected, whichever part holds it.
        dir.Write("in/b.jsonl", [
            .. "{\"id\": \"latin1\", \"text\": \"caf"u8, 0xE9, .. "\"}\n"u8,
            .. "{\"id\":\"latin1-"u8, 0xE9, .. "\",\"text\":\"caf\u00e9 \u201cau lait\u201d\"}\n"u8,
            .. "{\"id\":\"latin1-meta\",\"text\":\"caf\u00e9 \u201cau lait\u201d\",\"metadata\":{\"a\":\"caf"u8, 0xE9, .. "\"}}\n"u8]);
        var copies = corpus.Skip(10).Take(6).Select(d => Line("crlf-" + d.Id, d.Text + " \u00e9t\u00e9", "https://crlf.example/"));
        dir.Write("in/d.jsonl", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(string.Join("\r\n", copies) + "\r\n")]);
        using var gz = new System.IO.Compression.GZipStream(File.Create(dir["in/e.jsonl.gz"]), System.IO.Compression.CompressionLevel.Fastest);
        gz.Write(Encoding.UTF8.GetBytes(string.Join('\n', corpus.Skip(20).Take(6).Select(d => Line("gz-" + d.Id, d.Text))) + "\n"));
    }

    private static (string Output, List<string> Phases) RunWith(TempDir dir, string name, bool allow, int threads, OutputOptions? output = null, string? tokenizer = "o200k_base")
    {
        var phases = new List<string>();
        var stats = new WinnowPipelineBuilder().Add(new ExactDedupStage()).Add(new NearDedupStage()).Build().Run(new RunOptions
        {
            Inputs = [dir["in"]],
            OutputDirectory = dir[name],
            Threads = threads,
            Tokenizer = tokenizer,
            Output = output ?? new OutputOptions(),
            AllowSignaturesOnly = allow,
            Progress = new SynchronousProgress<RunProgress>(p => phases.Add(p.Phase)),
        });
        Runs.AssertBalanced(stats);
        return (dir[name], phases);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void WritesTheStageLoopsBytes(int threads)
    {
        using var dir = new TempDir();
        WriteCorpus(dir);
        var (general, generalPhases) = RunWith(dir, "general", allow: false, threads);
        var (fromInput, phases) = RunWith(dir, "from-input", allow: true, threads);
        Assert.DoesNotContain("writing documents", generalPhases);
        Assert.Contains("writing documents", phases);
        AssertSameRun(general, fromInput);

        var stats = RunOutputReader.Stats(fromInput);
        Assert.Equal(5, Long(stats["documents"]!["rejected"]));
        Assert.True(Long(stats["removed_by_reason"]!["exact_duplicate"]!["documents"]) >= 2);
        Assert.True(Long(stats["removed_by_reason"]!["near_duplicate"]!["documents"]) > 10);
        Assert.True(Long(stats["tokens"]!["kept"]) > 1000);
        var written = Records(fromInput, "documents").Concat(Records(fromInput, "removed")).ToList();
        Assert.Contains(written, r => r["id"]!.GetValue<string>() == "spaced");
        Assert.All(written, r => Assert.NotNull(r["source"]));
    }

    [Fact]
    public void WritesTheStageLoopsBytesInEveryOutputForm()
    {
        using var dir = new TempDir();
        WriteCorpus(dir);
        foreach (var (name, output) in new (string, OutputOptions)[]
        {
            ("gzip-parts", new OutputOptions { Compression = OutputCompression.Gzip, MaxDocuments = 7 }),
            ("dolma", new OutputOptions { Layout = OutputLayout.Dolma }),
            ("parquet", new OutputOptions { Format = OutputFormat.Parquet }),
        })
        {
            var (general, _) = RunWith(dir, name + "-general", allow: false, threads: 2, output, tokenizer: null);
            var (fromInput, phases) = RunWith(dir, name + "-from-input", allow: true, threads: 2, output, tokenizer: null);
            Assert.Contains("writing documents", phases);
            AssertSameRun(general, fromInput, $" ({name})");
        }
    }

    [Fact]
    public void StandardInputTakesTheSpill()
    {
        using var dir = new TempDir();
        var lines = NearDupCorpus.Jsonl(NearDupCorpus.Create(originals: 20, seed: 3));
        var phases = new List<string>();
        var stats = new WinnowPipelineBuilder().Add(new NearDedupStage()).Build().Run(new RunOptions
        {
            Inputs = ["-"],
            OutputDirectory = dir["out"],
            StandardInput = new MemoryStream(Encoding.UTF8.GetBytes(lines)),
            Progress = new SynchronousProgress<RunProgress>(p => phases.Add(p.Phase)),
        });
        Runs.AssertBalanced(stats);
        Assert.DoesNotContain("writing documents", phases);
        Assert.True(stats.Removed.Documents > 0);
    }

    [Fact]
    public void AnInputChangedBeforeTheSecondReadStopsTheRun()
    {
        using var dir = new TempDir();
        dir.Write("in/a.jsonl", NearDupCorpus.Jsonl(NearDupCorpus.Create(originals: 20, seed: 4)));
        var changed = false;
        var pipeline = new WinnowPipelineBuilder().Add(new NearDedupStage(new MinHashOptions { Verify = VerifyMode.Estimate })).Build();
        var error = Assert.Throws<InvalidDataException>(() => pipeline.Run(new RunOptions
        {
            Inputs = [dir["in"]],
            OutputDirectory = dir["out"],
            Progress = new SynchronousProgress<RunProgress>(p =>
            {
                if (!changed && p.Phase.EndsWith("resolving", StringComparison.Ordinal))
                {
                    File.AppendAllText(dir["in/a.jsonl"], "{\"id\":\"late\",\"text\":\"added while the run resolved\"}\n");
                    changed = true;
                }
            }),
        }));
        Assert.True(changed);
        Assert.Contains("a.jsonl: changed while winnow was running", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir["out"], "stats.json")));
    }

    [Theory]
    [InlineData("{\"id\":\"a\",\"text\":\"t\"}", "end")]
    [InlineData("{\"id\":\"a\",\"text\":\"t\\n\\\"x\",\"url\":\"https://e.example/\u00e9\"}", "end")]
    [InlineData("{\"id\":\"a\",\"text\":\"t\",\"metadata\":{\"k\":[1, 2]}}", "metadata")]
    [InlineData("{\"id\":\"a\",\"text\":\"t\",\"url\":\"u\",\"metadata\":{\"k\":1,\"j\":{}}}", "metadata")]
    [InlineData("{\"id\":\"a\",\"text\":\"t\",\"metadata\":{}}", "none")]
    [InlineData("{\"id\":\"a\", \"text\":\"t\"}", "none")]
    [InlineData("{\"text\":\"t\",\"id\":\"a\"}", "none")]
    [InlineData("{\"id\":\"\\u0061\",\"text\":\"t\"}", "none")]
    [InlineData("{\"id\":1,\"text\":\"t\"}", "none")]
    [InlineData("{\"id\":\"a\",\"text\":\"t\",\"url\":\"\u2028\"}", "none")]
    [InlineData("{\"id\":\"a\",\"text\":\"t\",\"lang\":\"en\"}", "none")]
    [InlineData("{\"id\":\"a\",\"text\":\"t\",\"metadata\":{\"k\":1,\"k\":2}}", "none")]
    [InlineData("{\"id\":\"a\",\"text\":\"t\",\"metadata\":{\"k\" :1}}", "none")]
    [InlineData("{\"id\":\"a\",\"text\":\"t\"} ", "none")]
    public void FindsWhereARecordTakesTheAddedMembers(string line, string where)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        var expected = where switch
        {
            "end" => bytes.Length - 1,
            "metadata" => bytes.AsSpan().IndexOf(",\"metadata\""u8),
            _ => -1,
        };
        var record = new RawRecord(new InputFile("a.jsonl", "a.jsonl", InputKind.Jsonl, 100), 1, 0, bytes.Length, 0, null);
        var buffer = new char[16];
        Assert.True(new RecordParser(new ReaderOptions()).TryReadText(record, bytes, ref buffer, out _, out _, out _, out _, findSplice: true, out var at));
        Assert.Equal(expected, at);

        // Under other field names the output's names differ from the input's.
        var renamed = Encoding.UTF8.GetBytes(line.Replace("\"text\"", "\"body\"", StringComparison.Ordinal));
        Assert.True(new RecordParser(new ReaderOptions { TextField = "body" }).TryReadText(
            record with { Length = renamed.Length }, renamed, ref buffer, out _, out _, out _, out _, findSplice: true, out var renamedAt));
        Assert.Equal(-1, renamedAt);
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
