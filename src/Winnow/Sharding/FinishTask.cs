using Winnow.Pipeline;
using Winnow.Stats;
using Winnow.Writers;

namespace Winnow.Sharding;

/// <summary>
/// The finish step: writes the run's output folder from the shards' files as a single-process run
/// writes it. documents/ and rejected/ are the shards' files in shard order; removed/ is, pass by
/// pass of a single-process run, the shards' removed records in ordinal order; the stats are the
/// sum of every unit's; each corpus stage writes its own outputs.
/// </summary>
/// <remarks>Not thread-safe; one per run.</remarks>
internal sealed class FinishTask(RunPlan plan, PlanStep step, WinnowPipeline pipeline, RunOptions options, RunFolders folders, int threads, CancellationToken cancellationToken)
{
    public RunStats Run(Action? beforeCommit = null)
    {
        var dir = folders.Begin(step, 0);
        var stages = pipeline.Stages;
        var spans = ShardSpans.Of(plan, folders);
        var maps = plan.Steps.Where(s => s.Kind == StepKind.Map).ToList();
        var stats = new RunStats { Tokenizer = options.Tokenizer };
        stats.SetSelection(plan.InputFiles, plan.SkippedFiles, plan.Notes);
        foreach (var stage in stages)
        {
            stats.AddStage(stage.Name);
        }

        foreach (var map in maps)
        {
            for (var s = 0; s < spans.Length; s++)
            {
                using var r = new BinaryReader(File.OpenRead(Path.Combine(folders.Unit(map, s), MapTask.StatsFile)));
                stats.AddPart(r);
            }
        }

        using (var output = RunOutput.OpenForFinish(folders.Output, options.Output))
        {
            for (var s = 0; s < spans.Length; s++)
            {
                JsonlCopy.Append(Part(maps[0], s, MapTask.RejectedFolder), output.Rejected);
            }

            var passes = StepPlanner.RemovalPasses(stages);
            for (var pass = 0; pass <= passes.DefaultIfEmpty(0).Max(); pass++)
            {
                for (var s = 0; s < spans.Length; s++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    WriteRemoved(maps, s, pass, output.Removed);
                }
            }

            for (var s = 0; s < spans.Length; s++)
            {
                JsonlCopy.Append(Part(maps[^1], s, MapTask.KeptFolder), output.Kept);
            }

            var context = new StageContext(folders.Output, Path.Combine(dir, "work"), Math.Max(1, threads), cancellationToken) { InShards = true };
            Directory.CreateDirectory(context.WorkDirectory);
            foreach (var resolve in plan.Steps.Where(s => s.Kind == StepKind.Resolve))
            {
                using var run = ((CorpusStage)stages[resolve.Observes]).Start(context);
                var decisions = Path.Combine(folders.Unit(resolve, 0), ResolveTask.DecisionsFolder);
                var applying = plan.MapAfter(resolve);
                var applied = spans.Select(span => (Path.Combine(folders.Unit(applying, span.Index), MapTask.AppliedFolder), span)).ToList();
                stats.Stages[resolve.Observes].Details = run.Finish(decisions, applied);
            }

            output.Complete(stats);
        }

        beforeCommit?.Invoke();
        folders.Commit(step, 0);
        return stats;
    }

    private string Part(PlanStep map, int shard, string folder) => Path.Combine(folders.Unit(map, shard), folder, JsonlPartWriter.FirstPart);

    /// <summary>One shard's records removed in one single-process pass, merged by ordinal across map steps.</summary>
    private void WriteRemoved(List<PlanStep> maps, int shard, int pass, RecordSink removed)
    {
        var picked = new List<(long Ordinal, int Map, int Line)>();
        var files = new byte[maps.Count][];
        var starts = new List<int>[maps.Count];
        for (var m = 0; m < maps.Count; m++)
        {
            var index = Path.Combine(folders.Unit(maps[m], shard), MapTask.RemovedIndex);
            using var r = new BinaryReader(File.OpenRead(index));
            var count = (int)(r.BaseStream.Length / 12);
            for (var line = 0; line < count; line++)
            {
                var ordinal = r.ReadInt64();
                if (r.ReadInt32() == pass)
                {
                    picked.Add((ordinal, m, line));
                }
            }
        }

        if (picked.Count == 0)
        {
            return;
        }

        picked.Sort();
        foreach (var (_, m, line) in picked)
        {
            if (files[m] is null)
            {
                files[m] = File.ReadAllBytes(Part(maps[m], shard, MapTask.RemovedFolder));
                starts[m] = JsonlCopy.LineStarts(files[m]);
            }

            removed.Write(files[m].AsSpan(starts[m][line], starts[m][line + 1] - starts[m][line]));
        }
    }
}
