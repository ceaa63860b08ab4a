using Winnow.Pipeline;
using Winnow.Readers;
using Winnow.Stats;

namespace Winnow.Sharding;

/// <summary>
/// Plans a sharded run (or finds the plan of one to resume) and runs its units of work. Executors
/// (local pool, Slurm arrays) only decide where and when units run; the bytes do not depend on it.
/// </summary>
/// <remarks>Thread-safe: units of one step touch only their own folders.</remarks>
internal static class ShardedRun
{
    /// <summary>
    /// Creates the plan in a new or empty output folder, or loads the plan found there to resume
    /// it. A folder with another configuration's plan, or a single-process run, is refused unless
    /// <see cref="RunOptions.Overwrite"/>.
    /// </summary>
    public static RunPlan Prepare(IReadOnlyList<Stage> stages, RunOptions options, ShardedRunOptions sharding)
    {
        var folders = new RunFolders(options.OutputDirectory);
        var marker = Path.Combine(folders.Output, ".winnow-run");
        if (Directory.Exists(folders.Output) && Directory.EnumerateFileSystemEntries(folders.Output).Any())
        {
            if (!File.Exists(marker))
            {
                throw new ArgumentException($"{options.OutputDirectory}: the folder is not empty and holds no Winnow run; choose a new or empty folder");
            }

            var entries = Directory.EnumerateFileSystemEntries(folders.Output).Select(Path.GetFileName).ToHashSet();
            var unplanned = entries.IsSubsetOf([".winnow-run", ".winnow"]) && !File.Exists(folders.PlanPath);
            if (!options.Overwrite && !unplanned)
            {
                if (!File.Exists(folders.PlanPath))
                {
                    throw new ArgumentException($"{options.OutputDirectory}: the folder holds a run made without --tasks; pass --overwrite to replace it");
                }

                var existing = RunPlan.Load(folders.PlanPath);
                if (existing.RefusalForThisBuild() is { } refusal)
                {
                    throw new ArgumentException($"{options.OutputDirectory}: {refusal}");
                }

                if (existing.Config != sharding.Config)
                {
                    throw new ArgumentException(
                        $"{options.OutputDirectory}: the folder holds a run started with other options ({existing.Config}); pass --overwrite to replace it, or the same options to resume it");
                }

                return existing;
            }

            // Replaced on request, or a run stopped before its plan was saved: start afresh.
            Directory.Delete(folders.Output, recursive: true);
        }

        var files = InputSet.Expand(options.Inputs, options.Glob);
        // Absolute paths: Slurm tasks and resumed runs may start in another folder.
        files = files.Select(f => f with { Path = Path.GetFullPath(f.Path) }).ToList();
        var shards = ShardPlanner.Shards(files, Math.Max(1, sharding.InputShardBytes));
        var plan = new RunPlan(sharding.Config, sharding.Command, files.Count, shards, ShardPlanner.Steps(stages, shards.Count));
        Directory.CreateDirectory(folders.Root);
        // The marker first: a folder holding it is ours, whatever else a crash left in it.
        File.WriteAllText(marker, "");
        plan.Save(folders.PlanPath);
        return plan;
    }

    /// <summary>The units (shards, for a map step) of task <paramref name="task"/> of <paramref name="tasks"/>.</summary>
    public static IEnumerable<int> UnitsOf(PlanStep step, int task, int tasks)
    {
        for (var unit = task; unit < step.Units; unit += Math.Max(1, tasks))
        {
            yield return unit;
        }
    }

    /// <summary>Runs one unit from scratch, in a fresh pipeline, and marks it done; returns the stats after the finish step.</summary>
    public static RunStats? RunUnit(
        RunPlan plan, PlanStep step, int unit, WinnowPipeline pipeline, RunOptions options, int threads, CancellationToken cancellationToken, Action? beforeFinishCommit = null)
    {
        var folders = new RunFolders(options.OutputDirectory);
        switch (step.Kind)
        {
            case StepKind.Map:
                new MapTask(plan, step, unit, pipeline, options, folders, threads, cancellationToken).Run();
                return null;
            case StepKind.Resolve:
                new ResolveTask(plan, step, pipeline, folders, threads, cancellationToken).Run();
                return null;
            default:
                var stats = new FinishTask(plan, step, pipeline, options, folders, threads, cancellationToken).Run(beforeFinishCommit);
                // The units' files are no longer needed once the run is marked done.
                if (Directory.Exists(folders.Units))
                {
                    Directory.Delete(folders.Units, recursive: true);
                }

                return stats;
        }
    }

    /// <summary>
    /// <see cref="RunUnit"/> in a fresh pipeline, again after a failure up to <paramref name="retries"/>
    /// times; bad input under --on-error fail and cancellation are not retried: they would fail again.
    /// </summary>
    public static RunStats? RunUnitWithRetries(
        RunPlan plan, PlanStep step, int unit, Func<WinnowPipeline> pipelines, RunOptions options, int threads, int retries,
        Action<string>? log, CancellationToken cancellationToken, Action? beforeFinishCommit = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return RunUnit(plan, step, unit, pipelines(), options, threads, cancellationToken, beforeFinishCommit);
            }
            catch (Exception e) when (attempt < retries && e is not OperationCanceledException and not InputRejectedException)
            {
                log?.Invoke($"{step.UnitName(unit)} failed ({e.Message}); retry {attempt + 1} of {retries}");
            }
        }
    }

    /// <summary>Units done and in all, per step: what `winnow status` shows.</summary>
    public static IEnumerable<(PlanStep Step, int Done)> Progress(string outputDirectory)
    {
        var folders = new RunFolders(outputDirectory);
        var plan = RunPlan.Load(folders.PlanPath);
        return plan.Steps.Select(step => (step, Enumerable.Range(0, step.Units).Count(u => folders.IsDone(step, u))));
    }
}
