using System.Diagnostics;
using System.Globalization;
using System.Text;
using Winnow.Pipeline;

namespace Winnow.Sharding;

/// <summary>
/// Runs a plan on Slurm: one sbatch job array per step with units left to do, each chained to the
/// previous with --dependency=afterok (and --kill-on-invalid-dep=yes, so a failed step cancels the
/// rest instead of leaving them pending). Array task T runs `winnow task DIR --step K --task T`,
/// which skips units already done and retries failed ones; each task logs to
/// DIR/.winnow/logs/sKK-tT.log. Scripts are kept in DIR/.winnow/slurm/ for inspection.
/// The first array is submitted held: the submitting command still holds the run folder, and a
/// task that started at once would find it taken; <see cref="Release"/> lets it go once the
/// command has let the folder go.
/// </summary>
/// <remarks>Not thread-safe. Needs sbatch, scontrol and squeue on PATH.</remarks>
internal sealed class SlurmExecutor(string outputDirectory, ShardedRunOptions sharding, SlurmOptions slurm, IReadOnlyList<string> winnow, Action<string>? log = null)
{
    private readonly RunFolders _folders = new(outputDirectory);

    /// <summary>The jobs of earlier submissions of this run still in the Slurm queue.</summary>
    public IReadOnlyList<string> QueuedJobs()
    {
        var path = Path.Combine(_folders.Root, "slurm", "jobs");
        var jobs = File.Exists(path) ? File.ReadAllLines(path).Where(l => l.Length > 0).ToList() : [];
        if (jobs.Count == 0)
        {
            return [];
        }

        var queued = Run("squeue", ["-h", "-o", "%i", "-j", string.Join(',', jobs)], allowFailure: true);
        return [.. queued.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }

    /// <summary>Writes and submits the arrays; returns their job ids in step order (none when all is done).</summary>
    public List<string> Submit(RunPlan plan)
    {
        var scripts = Directory.CreateDirectory(Path.Combine(_folders.Root, "slurm")).FullName;
        Directory.CreateDirectory(_folders.Logs);
        var jobs = new List<string>();
        foreach (var step in plan.Steps)
        {
            if (Enumerable.Range(0, step.Units).All(u => _folders.IsDone(step, u)))
            {
                continue;
            }

            var tasks = step.Kind == StepKind.Map ? Math.Clamp(sharding.Tasks, 1, step.Units) : 1;
            var path = Path.Combine(scripts, $"s{step.Index:D2}.sh");
            File.WriteAllText(path, Script(step, tasks));
            var arguments = new List<string> { "--parsable", "--kill-on-invalid-dep=yes" };
            arguments.Add(jobs.Count > 0 ? "--dependency=afterok:" + jobs[^1] : "--hold");

            arguments.Add(path);
            var output = Run("sbatch", arguments);
            var id = output.Trim().Split(';')[0];
            if (id.Length == 0 || !id.All(char.IsAsciiDigit))
            {
                throw new InvalidOperationException($"sbatch gave no job id for {path}: {output.Trim()}");
            }

            jobs.Add(id);
            log?.Invoke($"step {step.Index + 1}/{plan.Steps.Count} ({step.Name}): job {id}, {tasks} task(s)");
        }

        File.AppendAllLines(Path.Combine(scripts, "jobs"), jobs);
        return jobs;
    }

    /// <summary>Lets the first of <paramref name="jobs"/> (submitted held) start; the others wait on it.</summary>
    public void Release(IReadOnlyList<string> jobs)
    {
        if (jobs.Count > 0)
        {
            Run("scontrol", ["release", jobs[0]]);
        }
    }

    /// <summary>Waits until the run is done (true) or none of <paramref name="jobs"/> is left in the queue without it (false).</summary>
    public bool Wait(RunPlan plan, IReadOnlyList<string> jobs, CancellationToken cancellationToken = default)
    {
        var finish = plan.Steps[^1];
        var reported = -1;
        while (true)
        {
            if (_folders.IsDone(finish, 0))
            {
                return true;
            }

            var done = plan.Steps.Sum(s => Enumerable.Range(0, s.Units).Count(u => _folders.IsDone(s, u)));
            if (done != reported)
            {
                log?.Invoke($"  {done}/{plan.Steps.Sum(s => s.Units)} units done");
                reported = done;
            }

            var queued = jobs.Count == 0 ? "" : Run("squeue", ["-h", "-o", "%i", "-j", string.Join(',', jobs)], allowFailure: true);
            if (string.IsNullOrWhiteSpace(queued))
            {
                // Markers are written before a job leaves the queue: look once more.
                return _folders.IsDone(finish, 0);
            }

            Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).GetAwaiter().GetResult();
        }
    }

    internal string Script(PlanStep step, int tasks)
    {
        var s = new StringBuilder();
        s.Append("#!/bin/sh\n");
        s.Append(CultureInfo.InvariantCulture, $"#SBATCH --job-name=winnow-s{step.Index:D2}\n");
        var throttle = slurm.Throttle > 0 ? "%" + slurm.Throttle.ToString(CultureInfo.InvariantCulture) : "";
        s.Append(CultureInfo.InvariantCulture, $"#SBATCH --array=0-{tasks - 1}{throttle}\n");
        s.Append(CultureInfo.InvariantCulture, $"#SBATCH --output={_folders.Logs}/s{step.Index:D2}-t%a.log\n");
        s.Append(CultureInfo.InvariantCulture, $"#SBATCH --cpus-per-task={Math.Max(1, slurm.CpusPerTask)}\n");
        foreach (var (flag, value) in new[] { ("--partition", slurm.Partition), ("--time", slurm.Time), ("--mem", slurm.Memory) })
        {
            if (!string.IsNullOrEmpty(value))
            {
                s.Append(CultureInfo.InvariantCulture, $"#SBATCH {flag}={value}\n");
            }
        }

        foreach (var extra in slurm.ExtraArguments)
        {
            s.Append("#SBATCH ").Append(extra).Append('\n');
        }

        // The native command is compiled for the CPU of the machine that built it (./winnow), and
        // stops before it starts, with one line of the runtime's, on a node whose CPU lacks part of
        // that instruction set: a cluster's compute nodes are often older than its login node. Try
        // it first, so the task's log says which node and what to do rather than only that line.
        var program = string.Join(' ', winnow.Select(Quote));
        s.Append("reason=$(").Append(program).Append(" --version 2>&1 >/dev/null) || {\n");
        s.Append("  echo \"winnow: the command cannot start on node $(uname -n): ${reason:-no message}. ")
            .Append(StartFailureHint).Append("\" >&2\n");
        s.Append("  exit 3\n}\n");
        string[] task = [
            "task", _folders.Output, "--step", step.Index.ToString(CultureInfo.InvariantCulture),
            "--tasks", tasks.ToString(CultureInfo.InvariantCulture),
            "--retries", sharding.Retries.ToString(CultureInfo.InvariantCulture),
            "--threads", Math.Max(1, slurm.CpusPerTask).ToString(CultureInfo.InvariantCulture)];
        s.Append("exec ").Append(program).Append(' ').Append(string.Join(' ', task.Select(Quote))).Append(" --task \"$SLURM_ARRAY_TASK_ID\"\n");
        return s.ToString();
    }

    /// <summary>What a task's log says to do when the command cannot start on its node.</summary>
    internal const string StartFailureHint =
        "./winnow compiles the command for the CPU it is built on; for nodes with other CPUs build it with WINNOW_CPU=portable ./winnow --version"
        + " (any x86-64 CPU with AVX2), or build it on a node like this one, then run the same command again to resume";

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string Run(string program, IEnumerable<string> arguments, bool allowFailure = false)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {program}");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 && !allowFailure)
        {
            throw new InvalidOperationException($"{program} failed (exit {process.ExitCode}): {error.Result.Trim()}");
        }

        return output;
    }
}
