using System.Text.Json;
using System.Text.Json.Nodes;
using Winnow.Report;
using Winnow.Synth;
using Winnow.Tests.Support;

namespace Winnow.Tests.Report;

/// <summary>
/// A small demo run with hostile documents mixed in, plus the stage outputs the report reads
/// (clusters.jsonl, boilerplate.jsonl, reuse.jsonl) written from the synthetic corpus's ground
/// truth in the documented formats, so every section of the page has data.
/// </summary>
internal sealed class ReportFixture : IDisposable
{
    /// <summary>Payloads that must show as text and never run; each sets window.__pwned if it runs.</summary>
    public static readonly string[] Payloads =
    [
        "<script>window.__pwned=1</script>",
        "<img src=x onerror=\"window.__pwned=2\">",
        "</textarea><svg onload=\"window.__pwned=4\">",
        "</script><script>window.__pwned=5</script>",
        "<!-- <script>window.__pwned=6</script> -->",
        "line\u2028separator\u2029paragraph",
    ];

    private readonly TempDir _dir = new();

    public ReportFixture(int docs = 300)
    {
        var corpus = _dir["sample/corpus.jsonl"];
        Directory.CreateDirectory(Path.GetDirectoryName(corpus)!);
        SyntheticCorpus.Generate(new SynthOptions { Docs = docs, Seed = 3 }, corpus);
        AppendHostile(corpus);
        Runs.Exact(corpus, Run, threads: 2);
        WriteClusters(_dir["sample/corpus.truth.jsonl"]);
        WriteBoilerplate(_dir["sample/corpus.boilerplate.jsonl"]);
        WriteReuse(_dir["sample/corpus.passages.jsonl"]);
        Report = ReportWriter.Write(Run);
    }

    public string Run => _dir["run"];

    public ReportResult Report { get; }

    public string Html => File.ReadAllText(Report.Path);

    public JsonObject Stats => RunOutputReader.Stats(Run);

    public void Dispose() => _dir.Dispose();

    private static void AppendHostile(string corpus)
    {
        var body = string.Join("\n\n", Payloads) + "\n\nA plain closing paragraph shared by both hostile pages so they align.";
        using var w = File.AppendText(corpus);
        foreach (var (id, url, extra) in new[]
        {
            ("hostile-1", "javascript:window.__pwned=3", " First edition."),
            ("hostile-2", "https://evil.example/<script>window.__pwned=7</script>", " Second edition, changed."),
        })
        {
            var record = new JsonObject
            {
                ["id"] = id,
                ["text"] = body + extra,
                ["url"] = url,
                ["metadata"] = new JsonObject { ["title"] = "hostile <img src=x onerror=\"window.__pwned=8\"> title" },
            };
            w.Write(record.ToJsonString() + "\n");
        }

        w.Write("{\"text\": \"<script>window.__pwned=9</script> broken\n");
    }

    private void WriteClusters(string truthPath)
    {
        var kept = RunOutputReader.Records(Run, "documents").Select(r => (string)r["id"]!).ToHashSet(StringComparer.Ordinal);
        var clusters = new SortedDictionary<string, List<(string Id, double Jaccard)>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(truthPath))
        {
            var t = JsonNode.Parse(line)!;
            var id = (string)t["id"]!;
            if (kept.Contains(id) && (string)t["kind"]! is "syndicated" or "near_copy" or "original")
            {
                var key = (string)t["cluster"]!;
                (clusters.TryGetValue(key, out var list) ? list : clusters[key] = []).Add((id, (double)t["jaccard"]!));
            }
        }

        clusters["hostile"] = [("hostile-1", 1), ("hostile-2", 0.8)];
        var n = 0;
        using var w = new StreamWriter(Path.Combine(Run, "clusters.jsonl"));
        foreach (var members in clusters.Values.Where(m => m.Count > 1))
        {
            var o = new JsonObject
            {
                ["cluster"] = n++,
                ["kept"] = members[0].Id,
                ["size"] = members.Count,
                ["members"] = new JsonArray(members.Select((m, i) => (JsonNode)new JsonObject { ["id"] = m.Id, ["ordinal"] = i, ["similarity"] = i == 0 ? 1 : m.Jaccard }).ToArray()),
            };
            w.Write(o.ToJsonString() + "\n");
        }
    }

    private void WriteBoilerplate(string truthPath)
    {
        using var w = new StreamWriter(Path.Combine(Run, "boilerplate.jsonl"));
        foreach (var line in File.ReadLines(truthPath).Append("{\"group\":\"site:evil.example\",\"text\":\"<script>window.__pwned=10</script>\",\"docs\":3}"))
        {
            var t = JsonNode.Parse(line)!;
            var o = new JsonObject
            {
                ["text"] = (string)t["text"]!,
                ["kind"] = "paragraph",
                ["docs"] = (long)t["docs"]!,
                ["groups"] = new JsonArray(new JsonObject { ["group"] = (string)t["group"]!, ["docs"] = (long)t["docs"]! }),
                ["examples"] = new JsonArray(),
            };
            w.Write(o.ToJsonString() + "\n");
        }
    }

    private void WriteReuse(string passagesPath)
    {
        var kept = RunOutputReader.Records(Run, "documents").Select(r => (string)r["id"]!).ToHashSet(StringComparer.Ordinal);
        using var w = new StreamWriter(Path.Combine(Run, "reuse.jsonl"));
        foreach (var line in File.ReadLines(passagesPath))
        {
            var p = JsonNode.Parse(line)!;
            if (!kept.Contains((string)p["source"]!) || !kept.Contains((string)p["target"]!))
            {
                continue;
            }

            var o = new JsonObject
            {
                ["a"] = (string)p["source"]!,
                ["b"] = (string)p["target"]!,
                ["a_start"] = (int)p["source_start"]!,
                ["a_end"] = (int)p["source_end"]!,
                ["b_start"] = (int)p["target_start"]!,
                ["b_end"] = (int)p["target_end"]!,
                ["matched_words"] = (int)p["words"]!,
                ["similarity"] = 1 - (double)p["edit_rate"]!,
            };
            w.Write(o.ToJsonString() + "\n");
        }
    }

    /// <summary>The embedded data, parsed back out of the page.</summary>
    public static JsonDocument Data(string html)
    {
        const string open = "<script type=\"application/json\" id=\"winnow-data\">";
        var start = html.IndexOf(open, StringComparison.Ordinal) + open.Length;
        var end = html.IndexOf("</script>", start, StringComparison.Ordinal);
        return JsonDocument.Parse(html[start..end]);
    }
}
