using Winnow.Pipeline;

namespace Winnow.Sharding;

/// <summary>
/// The unit of a resolve step: loads every shard's observations of one corpus stage in shard
/// order, resolves with all of its threads, and writes each shard's decisions.
/// </summary>
/// <remarks>Not thread-safe; one per step.</remarks>
internal sealed class ResolveTask(RunPlan plan, PlanStep step, WinnowPipeline pipeline, RunFolders folders, int threads, CancellationToken cancellationToken)
{
    public const string DecisionsFolder = "decisions";

    public void Run()
    {
        var dir = folders.Begin(step, 0);
        var context = new StageContext(dir, Path.Combine(dir, "work"), Math.Max(1, threads), cancellationToken) { InShards = true };
        Directory.CreateDirectory(context.WorkDirectory);
        var spans = ShardSpans.Of(plan, folders);
        var map = plan.MapBefore(step);
        using (var run = ((CorpusStage)pipeline.Stages[step.Observes]).Start(context))
        {
            foreach (var span in spans)
            {
                cancellationToken.ThrowIfCancellationRequested();
                run.LoadObservations(Path.Combine(folders.Unit(map, span.Index), MapTask.ObserveFolder), span);
            }

            run.Resolve();
            run.SaveDecisions(Directory.CreateDirectory(Path.Combine(dir, DecisionsFolder)).FullName, spans);
        }

        Directory.Delete(context.WorkDirectory, recursive: true);
        folders.Commit(step, 0);

        // The observations are read only by this unit, now done: free their disk (signatures are 512 B a document).
        foreach (var span in spans)
        {
            var observed = Path.Combine(folders.Unit(map, span.Index), MapTask.ObserveFolder);
            if (Directory.Exists(observed))
            {
                Directory.Delete(observed, recursive: true);
            }
        }
    }
}
