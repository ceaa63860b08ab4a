using Winnow.IO;
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
    /// Creates the plan in the claimed output folder, or loads the plan found there to resume it.
    /// A folder with another configuration's plan, a single-process run, or a plan whose input has
    /// changed since, is refused unless <see cref="RunOptions.Overwrite"/>.
    /// </summary>
    public static RunPlan Prepare(IReadOnlyList<Stage> stages, RunOptions options, ShardedRunOptions sharding)
    {
        using var folder = OutputFolder.Claim(options.OutputDirectory, options.Inputs);
        return Prepare(folder, stages, options, sharding);
    }

    /// <summary>As above, in a folder the caller has claimed and keeps for the run.</summary>
    public static RunPlan Prepare(OutputFolder folder, IReadOnlyList<Stage> stages, RunOptions options, ShardedRunOptions sharding)
    {
        var folders = new RunFolders(options.OutputDirectory);
        if (options.Inputs.Contains(InputFile.StandardInput))
        {
            throw new ArgumentException("standard input cannot be read by a sharded run (--tasks, --executor slurm): save it to a file first");
        }

        // A named pipe given by name likewise: a unit reads its shard twice (to check it, then to
        // process it), and a resumed or retried unit again. (A pipe inside a folder is skipped.)
        if (options.Inputs.FirstOrDefault(path => FileSystemNode.Stat(path).Kind == NodeKind.Special) is { } pipe)
        {
            throw new ArgumentException($"{pipe}: a pipe cannot be read by a sharded run (--tasks, --executor slurm), which reads its input more than once: save it to a file first");
        }

        if (folder.HoldsRun)
        {
            var planned = File.Exists(folders.PlanPath);
            if (!options.Overwrite && planned)
            {
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

                if (folders.IsDone(existing.Steps[^1], 0))
                {
                    // A run stopped between marking its finish done and deleting its units' files.
                    DeleteUnits(folders);
                    return existing;
                }

                if (ShardInputCheck.Changed(existing, folders) is { } change)
                {
                    throw new ArgumentException(
                        $"{options.OutputDirectory}: the input changed since the run was planned ({change}); start again with --overwrite, or restore the input to resume");
                }

                return existing;
            }

            // A run stopped before its plan was saved holds nothing else: it starts afresh.
            var ours = new HashSet<string>([RunFiles.Manifest, RunFiles.Lock, RunFiles.Sharding], StringComparer.Ordinal);
            var unplanned = !planned && Directory.EnumerateFileSystemEntries(folders.Output).All(e => ours.Contains(Path.GetFileName(e)));
            if (!options.Overwrite && !unplanned)
            {
                throw new ArgumentException($"{options.OutputDirectory}: the folder holds a run made without --tasks; pass --overwrite to replace it");
            }

            folder.RemoveEarlierRun();
        }

        var selection = InputSet.Expand(options.Inputs, options.Glob);
        // Absolute paths: Slurm tasks and resumed runs may start in another folder.
        var files = selection.Files.Select(f => f with { Path = Path.GetFullPath(f.Path) }).ToList();
        var shards = ShardPlanner.Shards(files, Math.Max(1, sharding.InputShardBytes));
        var plan = new RunPlan(sharding.Config, sharding.Command, files.Count, shards, StepPlanner.Steps(stages, shards.Count, inShards: true))
        {
            SkippedFiles = selection.Skipped,
            Notes = selection.Notes,
        };
        // The manifest first: a folder holding it is ours, whatever else a crash left in it.
        folder.Begin();
        Directory.CreateDirectory(folders.Root);
        plan.Save(folders.PlanPath);
        return plan;
    }

    private static void DeleteUnits(RunFolders folders)
    {
        if (Directory.Exists(folders.Units))
        {
            Directory.Delete(folders.Units, recursive: true);
        }
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
        using var unitLock = folders.LockUnit(step, unit);
        if (folders.IsDone(step, unit))
        {
            // Another process ran it while this one waited its turn.
            return null;
        }

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
                DeleteUnits(folders);

                return stats;
        }
    }

    /// <summary>
    /// <see cref="RunUnit"/> in a fresh pipeline, again after a failure up to <paramref name="retries"/>
    /// times; bad input under --on-error fail and cancellation are not retried: they would fail again.
    /// </summary>
    public static RunStats? RunUnitWithRetries(
        RunPlan plan, PlanStep step, int unit, WinnowPipeline pipeline, RunOptions options, int threads, int retries,
        Action<string>? log, CancellationToken cancellationToken, Action? beforeFinishCommit = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return RunUnit(plan, step, unit, pipeline, options, threads, cancellationToken, beforeFinishCommit);
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
