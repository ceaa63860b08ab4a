using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Winnow.Documents;
using Winnow.Filters;
using Winnow.Language;
using Winnow.Pipeline;
using Winnow.Synth;

namespace Winnow.Bench;

/// <summary>
/// Times the default filter stages and PII, one thread, over the synthetic corpus held in memory:
/// the whole chain first (what `winnow run` does per document), then each stage alone.
/// </summary>
internal static class FilterThroughput
{
    public static void Run(int docs, int rounds)
    {
        var texts = SynthTexts(docs);
        var bytes = texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t));
        Console.WriteLine($"synthetic corpus: {texts.Length:N0} documents, {bytes / 1e6:F1} MB of UTF-8 text; one thread, best of {rounds} after a warm-up round");
        Console.WriteLine($"load average: {LoadAverage()}");

        // One untimed round so that tiered compilation has settled before anything is measured.
        Run(Create(texts), FilterConfig.Default());
        Report("all default stages", texts, bytes, rounds, FilterConfig.Default());
        foreach (var stage in FilterConfig.Default())
        {
            Report(stage.Name, texts, bytes, rounds, [stage]);
        }

        Report("tokenize (shared)", texts, bytes, rounds, [new TokenizeOnly()]);

        if (Directory.Exists(LanguageIdentifier.DefaultDirectory))
        {
            Report("language (not default)", texts, bytes, rounds, [new LanguageFilter(new LanguageFilterOptions { Languages = [] })]);
        }
    }

    /// <summary>The default stages and each one alone, both counting rules, on the texts of a JSONL file.</summary>
    public static void Corpus(string path, int rounds)
    {
        string[] texts = [.. File.ReadLines(path).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("text").GetString() ?? string.Empty)];
        var bytes = texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t));
        Console.WriteLine($"{path}: {texts.Length:N0} documents, {bytes / 1e6:F1} MB; one thread, best of {rounds} after a warm-up round; load average {LoadAverage()}");
        foreach (var compat in (FilterCompat[])[FilterCompat.Papers, FilterCompat.DataTrove])
        {
            Run(Create(texts), FilterConfig.Default(compat));
            Report($"all, {compat}", texts, bytes, rounds, FilterConfig.Default(compat));
            foreach (var stage in FilterConfig.Default(compat))
            {
                Report($"{stage.Name}, {compat}", texts, bytes, rounds, [stage]);
            }
        }

        Report("english tokens", texts, bytes, rounds, [new EnglishTokensOnly()]);
    }

    private static void Report(string name, string[] texts, long bytes, int rounds, IReadOnlyList<Stage> stages)
    {
        var best = double.MaxValue;
        var bestCpu = double.MaxValue;
        var bestThread = double.MaxValue;
        var removed = 0;
        var edited = 0;
        for (var r = 0; r < rounds; r++)
        {
            var documents = Create(texts);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var thread = ThreadCpu.Seconds();
            var watch = Stopwatch.StartNew();
            Run(documents, stages);
            bestThread = Math.Min(bestThread, ThreadCpu.Seconds() - thread);
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
            bestCpu = Math.Min(bestCpu, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
            removed = documents.Count(d => d.IsRemoved);
            edited = documents.Count(d => !d.IsRemoved && !ReferenceEquals(d.Text, texts[d.Ordinal]));
        }

        // On a shared machine the wall clock includes time other processes held the core; CPU time is
        // the steadier per-core figure: the process's (GC and JIT threads included) and this thread's.
        Console.WriteLine($"  {name,-24} {bytes / 1e6 / best,8:F1} MB/s wall {bytes / 1e6 / bestCpu,8:F1} MB/s per process CPU-s {bytes / 1e6 / bestThread,8:F1} MB/s per thread CPU-s   removed {removed,7:N0}   text edited {edited,7:N0}");
    }

    private static Document[] Create(string[] texts) =>
        [.. texts.Select((t, i) => new Document(i.ToString(System.Globalization.CultureInfo.InvariantCulture), t, new DocumentSource("synth", i + 1, 0), i, t.Length))];

    private static void Run(Document[] documents, IReadOnlyList<Stage> stages)
    {
        foreach (var document in documents)
        {
            foreach (var stage in stages)
            {
                if (document.IsRemoved)
                {
                    break;
                }

                ((DocumentStage)stage).Process(document);
            }
        }
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string[] SynthTexts(int docs)
    {
        var path = Path.Combine(Path.GetTempPath(), $"winnow-bench-filters-{Environment.ProcessId}.jsonl");
        try
        {
            SyntheticCorpus.Generate(new SynthOptions { Docs = docs }, path);
            return File.ReadLines(path).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!).ToArray();
        }
        finally
        {
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), $"winnow-bench-filters-{Environment.ProcessId}*"))
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>Only DataTrove-compatible word tokenization (spaCy's English rules).</summary>
    private sealed class EnglishTokensOnly : DocumentStage
    {
        public override string Name => "english tokens";

        public override void Process(Document document) => Winnow.Text.English.EnglishTokenizer.CountWords(document.Text);
    }
}
