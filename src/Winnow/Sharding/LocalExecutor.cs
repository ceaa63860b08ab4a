using System.Runtime.ExceptionServices;
using Winnow.Pipeline;
using Winnow.Stats;

namespace Winnow.Sharding;

/// <summary>
/// Runs a plan on this machine: step after step; inside a step, <see cref="ShardedRunOptions.Tasks"/>
/// tasks of which <see cref="ShardedRunOptions.Workers"/> run at once, each taking its units in
/// order and skipping those already done. A failed unit is retried up to
/// <see cref="ShardedRunOptions.Retries"/> times, then the run stops; running it again resumes.
/// </summary>
/// <remarks>Not thread-safe: one run at a time.</remarks>
internal sealed class LocalExecutor(WinnowPipeline pipeline, RunOptions options, ShardedRunOptions sharding, Action<string>? log = null)
{
    private readonly Lock _gate = new();
    private RunStats? _stats;
    private int _done;

    /// <summary>Runs what is left of the plan; returns the stats, or null when the run was already complete.</summary>
    public RunStats? Run(RunPlan plan, CancellationToken cancellationToken = default, Action? beforeFinishCommit = null)
    {
        var folders = new RunFolders(options.OutputDirectory);
        foreach (var step in plan.Steps)
        {
            var tasks = step.Kind == StepKind.Map ? Math.Max(1, sharding.Tasks) : 1;
            var pending = Enumerable.Range(0, tasks)
                .Select(t => ShardedRun.UnitsOf(step, t, tasks).Where(u => !folders.IsDone(step, u)).ToList())
                .Where(units => units.Count > 0)
                .ToList();
            if (pending.Count == 0)
            {
                continue;
            }

            var workers = Math.Min(Math.Max(1, sharding.Workers), pending.Count);
            var threads = Math.Max(1, options.Threads / workers);
            _done = step.Units - pending.Sum(p => p.Count);
            log?.Invoke($"step {step.Index + 1}/{plan.Steps.Count} ({step.Name}): {pending.Sum(p => p.Count)} of {step.Units} unit(s) to run, {workers} at once");
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken };
            try
            {
                Parallel.ForEach(pending, parallel, units =>
                {
                    foreach (var unit in units)
                    {
                        var result = ShardedRun.RunUnitWithRetries(
                            plan, step, unit, pipeline, options, threads, sharding.Retries, line => log?.Invoke("  " + line), cancellationToken, beforeFinishCommit);
                        lock (_gate)
                        {
                            _stats ??= result;
                            _done++;
                            log?.Invoke($"  {step.UnitName(unit)} done ({_done}/{step.Units})");
                        }
                    }
                });
            }
            catch (AggregateException e) when (e.InnerExceptions.Count > 0)
            {
                // The first failure says what to fix; the others are usually the same.
                ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            }
        }

        return _stats;
    }

}
