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
        (stage as IDisposable)?.Dispose();
        Directory.Delete(output, recursive: true);
        return (used, wall);
    }

    private sealed class NothingStage : CorpusStage
    {
        public override string Name => "nothing";

        public override bool NeedsWholeCorpus => true;

        public override void ProcessBatch(IReadOnlyList<Document> batch, StageContext context)
        {
        }
    }
}
