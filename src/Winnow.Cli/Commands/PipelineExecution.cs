using System.CommandLine;
using System.Runtime.InteropServices;
using Winnow.Cli.Console;
using Winnow.Pipeline;
using Winnow.Sharding;
using Winnow.Stats;

namespace Winnow.Cli.Commands;

/// <summary>
/// Runs a pipeline for a command: progress, rejection messages, errors, the summary (with each
/// near-dedup stage's own), and the report when asked.
/// </summary>
internal static class PipelineExecution
{
    [ThreadStatic]
    private static Action<RunSpec>? _capture;

    /// <summary>True while <see cref="Capture"/> runs a command only to learn what it would run.</summary>
    public static bool IsCapturing => _capture is not null;

    /// <summary>Invokes a parsed command line without running anything and returns what it would run: how a Slurm task rebuilds its pipeline.</summary>
    public static RunSpec? Capture(ParseResult parsed)
    {
        RunSpec? spec = null;
        _capture = s => spec = s;
        try
        {
            parsed.Invoke();
        }
        finally
        {
            _capture = null;
        }

        return spec;
    }

    /// <summary>Runs a command's pipeline in one process, or sharded (local pool or Slurm) when the executor options ask for it.</summary>
    public static int Execute(RunSpec spec, bool quiet, ExecutorOptions executor, ParseResult result)
    {
        if (_capture is not null)
        {
            _capture(spec);
            return ExitCodes.Ok;
        }

        if (!executor.IsSharded(result))
        {
            return Execute(spec.Pipeline, spec.Options, quiet, spec.Label, spec.Report);
        }

        return Guard(() => ExecuteSharded(spec, quiet, executor, result));
    }

    /// <summary>The command line that starts this same program: for Slurm scripts.</summary>
    public static IReadOnlyList<string> WinnowCommand()
    {
        var process = Environment.ProcessPath ?? "dotnet";
        return Path.GetFileNameWithoutExtension(process) == "dotnet" ? [process, Path.Combine(AppContext.BaseDirectory, typeof(PipelineExecution).Assembly.GetName().Name + ".dll")] : [process];
    }

    /// <summary>Writes the report as the finish step's last act, failing the step if it cannot.</summary>
    public static Action? ReportHook(RunSpec spec) => spec.Report
        ? () =>
        {
            if (ReportCommand.Write(spec.Options.OutputDirectory, new Report.ReportOptions { Threads = spec.Options.Threads }) != ExitCodes.Ok)
            {
                throw new IOException("the report could not be written");
            }
        }
    : null;

    private static int ExecuteSharded(RunSpec spec, bool quiet, ExecutorOptions executor, ParseResult result)
    {
        var sharding = executor.ToShardedRunOptions(result);
        var output = spec.Options.OutputDirectory;
        Action<string>? log = quiet ? null : line => System.Console.Error.WriteLine("winnow: " + line);
        using var folder = OutputFolder.Claim(output, spec.Options.Inputs);
        var plan = ShardedRun.Prepare(folder, spec.Pipeline.Stages, spec.Options, sharding);
        log?.Invoke($"plan: {plan.Shards.Count:N0} input shard(s) × {plan.Steps.Count} steps, {sharding.Tasks} task(s) per map step ({new RunFolders(output).PlanPath})");
        if (executor.IsSlurm(result))
        {
            var slurm = new SlurmExecutor(output, sharding, executor.ToSlurmOptions(result), WinnowCommand(), log);
            if (slurm.QueuedJobs() is { Count: > 0 } queued)
            {
                throw new OutputFolderInUseException(
                    $"{output}: in use by Slurm jobs {string.Join(' ', queued)} of an earlier submission; follow them with 'winnow status {output}', or cancel them (scancel {string.Join(' ', queued)}) first");
            }

            var jobs = slurm.Submit(plan);
            folder.Dispose(); // The tasks hold the folder from here, each with a shared lock:
            slurm.Release(jobs); // only now may the first of them start.
            System.Console.Out.WriteLine(jobs.Count == 0
                ? $"{output}: nothing left to run"
                : $"submitted {jobs.Count} job array(s): {string.Join(' ', jobs)}; follow with: winnow status {output}");
            if (!executor.WaitForSlurm(result))
            {
                return ExitCodes.Ok;
            }

            if (!slurm.Wait(plan, jobs))
            {
                System.Console.Error.WriteLine($"winnow: the Slurm run stopped before the end; task logs are in {new RunFolders(output).Logs}/; run the same command again to resume");
                StatusCommand.Show(output);
                return ExitCodes.Failed;
            }

            var status = StatusCommand.Show(output);
            NearDedupCliOptions.PrintSummary(output);
            return status;
        }

        var stats = new LocalExecutor(spec.Pipeline, spec.Options, sharding, log).Run(plan, default, ReportHook(spec));
        if (stats is null)
        {
            System.Console.Out.WriteLine($"{output}: the run was already complete");
            return StatusCommand.Show(output);
        }

        PrintSummary(stats, output);
        NearDedupCliOptions.PrintSummary(stats);
        return ExitCodes.Ok;
    }

    public static int Execute(WinnowPipeline pipeline, RunOptions options, bool quiet, string label = "winnow", bool report = false) =>
        Guard(() => ExecuteInProcess(pipeline, options, quiet, label, report));

    private static int ExecuteInProcess(WinnowPipeline pipeline, RunOptions options, bool quiet, string label, bool report)
    {
        var reporter = new ProgressReporter(quiet);

        // Ctrl-C or a SIGTERM stops the run between batches, so that it can say so and clear its
        // scratch; a second one stops the process at once.
        using var stop = new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            if (!stop.IsCancellationRequested)
            {
                context.Cancel = true;
                stop.Cancel();
            }
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        RunStats stats;
        try
        {
            stats = reporter.Run(label, progress => pipeline.Run(options with { Progress = progress, OnRejected = reporter.Rejected }, stop.Token));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            System.Console.Error.WriteLine($"winnow: stopped; {options.OutputDirectory} holds an incomplete run (its scratch removed): run the command again with --overwrite");
            return ExitCodes.Cancelled;
        }

        if (reporter.Rejections > 20)
        {
            System.Console.Error.WriteLine($"winnow: … and {reporter.Rejections - 20:N0} more rejected records, all in {Path.Combine(options.OutputDirectory, RunFiles.Rejected)}/");
        }

        PrintSummary(stats, options.OutputDirectory, options.WriteDocuments);
        NearDedupCliOptions.PrintSummary(stats);

        return report ? ReportCommand.Write(options.OutputDirectory) : ExitCodes.Ok;
    }

    /// <summary>Turns the errors a run can meet into a message and an exit code.</summary>
    private static int Guard(Func<int> run)
    {
        try
        {
            return run();
        }
        catch (Exception e)
        {
            return ErrorMessages.Report(e);
        }
    }

    public static void PrintSummary(RunStats stats, string outputDirectory, bool documents = true)
    {
        var o = System.Console.Out;
        var width = stats.RemovedByReason.Keys.Concat(stats.RejectedByReason.Keys).Concat(stats.SkippedRecords.Keys).Concat(stats.SkippedFiles.Keys)
            .Select(r => r.Length + 4).Append(34).Max();
        void Line(string label, long value, string extra = "") => o.WriteLine($"{label.PadRight(width)}{value,12:N0}{extra}");
        Line("documents in:", stats.In.Documents, $"  ({stats.In.Bytes / 1e6:N1} MB)");
        Line("kept:", stats.Kept.Documents, stats.Tokenizer is null ? "" : $"  ({stats.KeptTokens:N0} {stats.Tokenizer} tokens)");
        Line("removed:", stats.Removed.Documents, stats.Tokenizer is null ? "" : $"  ({stats.RemovedTokens:N0} tokens)");
        foreach (var (reason, tally) in stats.RemovedByReason)
        {
            Line("  " + reason, tally.Documents);
        }

        Line("rejected:", stats.Rejected.Documents);
        foreach (var (reason, tally) in stats.RejectedByReason)
        {
            Line("  " + reason, tally.Documents);
        }

        if (stats.SkippedRecords.Count > 0)
        {
            // Container records that are not documents (WARC requests, non-HTML, non-200): counted, not in "in".
            Line("skipped records (not documents):", stats.SkippedRecords.Values.Sum());
            foreach (var (reason, count) in stats.SkippedRecords)
            {
                Line("  " + reason, count);
            }
        }

        if (stats.SkippedFiles.Count > 0)
        {
            // Files of input folders left unread: counted and named, never passed over in silence.
            Line("files not read (in input folders):", stats.SkippedFiles.Values.Sum(t => t.Count));
            foreach (var (reason, tally) in stats.SkippedFiles)
            {
                Line("  " + reason, tally.Count, $"  e.g. {string.Join(", ", tally.Examples.Take(3))}");
            }
        }

        foreach (var note in stats.Notes)
        {
            o.WriteLine("note: " + note);
        }

        var written = documents ? "documents/, removed/, rejected/, stats.json" : "no documents: clusters.jsonl, rejected/, stats.json";
        o.WriteLine($"output: {Path.GetFullPath(outputDirectory)}/ ({written})");
    }
}
