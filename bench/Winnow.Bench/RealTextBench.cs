using System.Diagnostics;
using Winnow.Evaluation;
using Winnow.NearDedup;
using Winnow.Pipeline;
using Winnow.Reuse;
using Winnow.Synth.FromTexts;

namespace Winnow.Bench;

/// <summary>
/// `neardup-real DIR [SOURCE.json...]` and `reuse-real DIR [SOURCE.json...]`: the development sets
/// made from real article bodies (docs/synth.md; default sources: the article-extraction benchmark
/// and the Readability pages of the shared data), written to DIR, run through the stage with its
/// default options as `winnow dedup --no-exact --clusters-only` / `winnow reuse` run it, and scored.
/// Near dedup also runs datasketch (the anchors' wrapper) on the same file in the same run.
/// </summary>
internal static class RealTextBench
{
    public static int NearDup(string directory, string[] sources, int seeds = 1)
    {
        if (Sources(sources) is not { } files)
        {
            return 1;
        }

        var summary = DevSet.Generate(DevSetKind.Republished, files, new FromTextsOptions(), Path.Combine(directory, "republished.jsonl"));
        Console.WriteLine($"set: {summary.Docs} docs from {summary.Sources} texts ({summary.Copies} copies, {summary.Traps} traps) -> {summary.DocsPath}");
        var set = RepublishedScoring.DevSet.Read(summary.DocsPath, summary.TruthPath);
        // Seeds beyond the default 1 draw other hash functions over the same set: a change to the
        // hashing is judged by the spread over seeds, not by one draw.
        for (var seed = 1UL; seed <= (ulong)seeds; seed++)
        {
            var output = Path.Combine(directory, "winnow-neardup");
            var clock = Stopwatch.StartNew();
            new WinnowPipelineBuilder().Add(new NearDedupStage(new MinHashOptions { Seed = seed })).Build()
                .Run(new RunOptions { Inputs = [summary.DocsPath], OutputDirectory = output, Overwrite = true, WriteDocuments = false });
            var ours = RepublishedScoring.Score(set, RepublishedScoring.ReadWinnowClusters(Path.Combine(output, ClustersWriter.FileName)));
            Console.WriteLine($"winnow{(seeds > 1 ? $" seed {seed}" : "")} ({clock.Elapsed.TotalSeconds:F1} s): {ours}");
        }

        var clusters = Path.Combine(directory, "datasketch-clusters.jsonl");
        if (Datasketch(summary.DocsPath, clusters))
        {
            Console.WriteLine($"datasketch: {RepublishedScoring.Score(set, RepublishedScoring.ReadIdLists(clusters))}");
        }

        return 0;
    }

    public static int Reuse(string directory, string[] sources)
    {
        if (Sources(sources) is not { } files)
        {
            return 1;
        }

        var summary = DevSet.Generate(DevSetKind.Quoted, files, new FromTextsOptions(), Path.Combine(directory, "quoted.jsonl"));
        Console.WriteLine($"set: {summary.Docs} docs, {summary.Passages} passages -> {summary.DocsPath}");
        var output = Path.Combine(directory, "winnow-reuse");
        var clock = Stopwatch.StartNew();
        new WinnowPipelineBuilder().Add(new ReuseStage()).Build()
            .Run(new RunOptions { Inputs = [summary.DocsPath], OutputDirectory = output, Overwrite = true });
        var scores = QuotedScoring.Score(summary.DocsPath, summary.TruthPath, Path.Combine(output, ReuseStage.ReportFileName));
        Console.WriteLine($"winnow reuse ({clock.Elapsed.TotalSeconds:F1} s): {scores}");
        return 0;
    }

    private static string[]? Sources(string[] given)
    {
        if (given.Length > 0)
        {
            return given;
        }

        var benchmark = SharedData.Data("article-extraction-benchmark");
        var dev = SharedData.Data("extraction-dev");
        if (benchmark is null || dev is null)
        {
            Console.Error.WriteLine("shared/data (article-extraction-benchmark, extraction-dev) is absent: pass the source files");
            return null;
        }

        return [Path.Combine(benchmark, "ground-truth.json"), Path.Combine(dev, "readability", "truth.json")];
    }

    // The anchors' datasketch wrapper with its defaults (threshold 0.8, 128 permutations, word 5-grams, union-find over LSH candidates).
    private static bool Datasketch(string docs, string clusters)
    {
        var root = SharedData.Root();
        var anchors = Environment.GetEnvironmentVariable("ANCHORS_DIR") ?? "/tmp/anchors";
        var script = root is null ? null : Path.Combine(root, "anchors", "datasketch_dedup.py");
        if (script is null || !File.Exists(script) || !File.Exists(Path.Combine(anchors, "env.sh")))
        {
            Console.WriteLine("datasketch: not installed (../shared/anchors/setup.sh), skipped");
            return false;
        }

        var start = new ProcessStartInfo("bash", ["-c", $". '{anchors}/env.sh' && exec /usr/bin/python3 '{script}' '{docs}' --clusters-out '{clusters}'"])
        {
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var summary = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Console.Write(string.Join(string.Empty, summary.Split('\n').Take(2).Select(l => "  " + l + "\n")));
        return process.ExitCode == 0;
    }
}
