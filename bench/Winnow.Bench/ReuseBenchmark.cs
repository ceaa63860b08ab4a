using System.Diagnostics;
using System.Globalization;
using Winnow.Boilerplate;
using Winnow.Pipeline;
using Winnow.Reuse;
using Winnow.Synth;

namespace Winnow.Bench;

/// <summary>
/// `reuse DOCS MAXDF DIR [boilerplate]`: generates a synthetic corpus of DOCS documents in DIR
/// (kept for later runs), runs the reuse stage on it, and scores reuse.jsonl against the injected
/// passages (<see cref="ReuseScorer"/>).
/// </summary>
internal static class ReuseBenchmark
{
    public static void Run(int docs, int maxDf, string directory, bool boilerplate)
    {
        Directory.CreateDirectory(directory);
        var corpus = Path.Combine(directory, $"synth-{docs}.jsonl");
        if (!File.Exists(corpus))
        {
            var summary = SyntheticCorpus.Generate(new SynthOptions { Docs = docs, Seed = 1 }, corpus);
            Console.WriteLine($"generated {summary.Docs} docs, {summary.Passages} passages, {summary.DocsBytes / 1e6:F0} MB in {summary.Elapsed.TotalSeconds:F1} s");
        }

        var output = Path.Combine(directory, $"out-{docs}-{maxDf}{(boilerplate ? "-bp" : "")}");
        var stage = new ReuseStage(new ReuseOptions { MaxDf = maxDf });
        var builder = new WinnowPipelineBuilder();
        if (boilerplate)
        {
            builder.Add(new BoilerplateStage(new BoilerplateOptions { GroupBy = "host", MinDocs = 3 }));
        }

        var pipeline = builder.Add(stage).Build();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var stats = pipeline.Run(new RunOptions { Inputs = [corpus], OutputDirectory = output, Overwrite = true, Threads = Environment.ProcessorCount });
        clock.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var c = stats.Stages.Single(s => s.Name == stage.Name).Details!;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"docs {c["documents"]}, input {new FileInfo(corpus).Length / 1e6:F0} MB, max-df {maxDf}, boilerplate {(boilerplate ? "remove" : "off")}: " +
            $"{clock.Elapsed.TotalSeconds:F1} s wall, {cpu.TotalSeconds:F1} s CPU, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB"));
        Console.WriteLine($"fingerprints {c["fingerprints"]}, skipped (df > max-df) {c["skipped_fingerprints"]}, pair records {c["pair_records"]}, candidate pairs {c["candidate_pairs"]}, passages {c["passages"]}");
        ReuseScorer.Score(corpus, Path.Combine(output, ReuseStage.ReportFileName));
    }
}
