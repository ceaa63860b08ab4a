using System.Diagnostics;
using Winnow.Documents;
using Winnow.NearDedup;
using Winnow.Pipeline;

namespace Winnow.Bench;

/// <summary>
/// `neardup-phases DOCS.jsonl [THREADS]`: where an end-to-end near-dedup run spends its CPU, by
/// difference of three runs of the real pipeline: no stage (read, parse JSONL, write documents/),
/// a whole-corpus stage that does nothing (+ spill write, replay and parse), the near-dedup stage.
/// </summary>
internal static class NearDupPhases
{
    public static void Run(string path, int threads)
    {
        var plain = Measure(path, threads, null);
        var spill = Measure(path, threads, new NothingStage());
        var near = Measure(path, threads, new NearDedupStage());
        Console.WriteLine($"{threads} thread(s); CPU seconds (user+sys of this process), wall seconds");
        Console.WriteLine($"read + parse + write documents/:  CPU {plain.Cpu,7:N2}  wall {plain.Wall,7:N2}");
        Console.WriteLine($"+ spill between passes:           CPU {spill.Cpu - plain.Cpu,7:N2}  wall {spill.Wall - plain.Wall,7:N2}");
        Console.WriteLine($"+ near dedup stage:               CPU {near.Cpu - spill.Cpu,7:N2}  wall {near.Wall - spill.Wall,7:N2}");
        Console.WriteLine($"total near-dedup run:             CPU {near.Cpu,7:N2}  wall {near.Wall,7:N2}");
    }

    private static (double Cpu, double Wall) Measure(string path, int threads, CorpusStage? stage)
    {
        var output = Path.Combine(Path.GetTempPath(), "winnow-phases-" + Guid.NewGuid().ToString("N"));
        var builder = new WinnowPipelineBuilder();
        if (stage is not null)
        {
            builder.Add(stage);
        }

        GC.Collect();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        builder.Build().Run(new RunOptions { Inputs = [path], OutputDirectory = output, Threads = threads });
        var wall = watch.Elapsed.TotalSeconds;
        process.Refresh();
        var used = (process.TotalProcessorTime - cpu).TotalSeconds;
        Directory.Delete(output, recursive: true);
        return (used, wall);
    }

    /// <summary>A stage that needs the whole corpus and decides nothing: what the spill between map steps costs.</summary>
    private sealed class NothingStage : CorpusStage
    {
        public override string Name => "nothing";

        internal override CorpusStageRun Start(StageContext context) => new Run(context);

        private sealed class Run(StageContext context) : CorpusStageRun(context)
        {
            public override void Observe(IReadOnlyList<Document> batch)
            {
            }

            public override void SaveObservations(string directory)
            {
            }

            public override void LoadObservations(string directory, ShardSpan shard)
            {
            }

            public override void Resolve()
            {
            }

            public override void SaveDecisions(string directory, IReadOnlyList<ShardSpan> shards)
            {
            }

            public override void LoadDecisions(string directory, ShardSpan shard, string applied)
            {
            }

            public override void Apply(IReadOnlyList<Document> batch)
            {
            }

            public override System.Text.Json.Nodes.JsonObject? Finish(string? decisions, IReadOnlyList<(string Directory, ShardSpan Shard)> applied) => null;
        }
    }
}
