using System.CommandLine;
using Winnow.Sharding;

namespace Winnow.Cli.Commands;

/// <summary>
/// `winnow task DIR --step K --task T`: runs one task of a sharded run (what each Slurm array task
/// executes). It rebuilds the pipeline from the command line saved in the plan, runs the task's
/// units that are not done yet, and retries a failed one.
/// </summary>
internal static class TaskCommand
{
    public static Command Create(Func<RootCommand> root)
    {
        var dir = new Argument<string>("dir") { Description = "The run's output folder (it holds .winnow/plan.json)" };
        var step = new Option<int>("--step") { Description = "Step number, from 0 (see 'winnow status')", Required = true }.AtLeast(0);
        var task = new Option<int>("--task") { Description = "Task number in the step, from 0", DefaultValueFactory = _ => 0 }.AtLeast(0);
        var tasks = new Option<int>("--tasks") { Description = "Tasks in the step: task T runs units T, T+tasks, ...", DefaultValueFactory = _ => 1 }.AtLeast(1);
        var retries = new Option<int>("--retries") { Description = "Extra attempts for a failed unit", DefaultValueFactory = _ => 0 }.AtLeast(0);
        var threads = new Option<int>("--threads", "-t") { Description = "Worker threads", DefaultValueFactory = _ => Environment.ProcessorCount }.AtLeast(1);
        var command = new Command("task", "Run one task of a sharded run (what Slurm array tasks run)") { dir, step, task, tasks, retries, threads };
        command.Hidden = true;
        command.SetAction(result =>
        {
            var folders = new RunFolders(result.GetValue(dir)!);
            if (!File.Exists(folders.PlanPath))
            {
                System.Console.Error.WriteLine($"winnow: {folders.Output}: no plan (.winnow/plan.json); start the run with 'winnow run ... --tasks N'");
                return ExitCodes.Usage;
            }

            var plan = RunPlan.Load(folders.PlanPath);
            if (plan.RefusalForThisBuild() is { } refusal)
            {
                System.Console.Error.WriteLine($"winnow: {folders.Output}: {refusal}");
                return ExitCodes.Usage;
            }

            var index = result.GetValue(step);
            if (index < 0 || index >= plan.Steps.Count)
            {
                System.Console.Error.WriteLine($"winnow: the plan has steps 0 to {plan.Steps.Count - 1}");
                return ExitCodes.Usage;
            }

            // Shared with the run's other tasks; refused while another run holds the folder.
            using var claim = TryClaimShared(folders.Output);
            if (claim is null)
            {
                return ExitCodes.Usage;
            }

            var spec = PipelineExecution.Capture(root().Parse(plan.Command.ToArray()));
            if (spec is null)
            {
                System.Console.Error.WriteLine($"winnow: the plan's command does not rebuild a pipeline: {string.Join(' ', plan.Command)}");
                return ExitCodes.Usage;
            }

            var options = spec.Options with { OutputDirectory = folders.Output, Threads = Math.Max(1, result.GetValue(threads)) };
            spec = spec with { Options = options };
            var planStep = plan.Steps[index];
            foreach (var unit in ShardedRun.UnitsOf(planStep, result.GetValue(task), result.GetValue(tasks)))
            {
                if (folders.IsDone(planStep, unit))
                {
                    System.Console.Out.WriteLine($"{planStep.UnitName(unit)}: already done");
                    continue;
                }

                try
                {
                    System.Console.Out.WriteLine($"{planStep.UnitName(unit)} ({planStep.Name}): started {DateTime.UtcNow:u}");
                    ShardedRun.RunUnitWithRetries(
                        plan, planStep, unit, spec.Pipeline, options, options.Threads, retries: Math.Max(0, result.GetValue(retries)),
                        line => System.Console.Error.WriteLine("winnow: " + line), default, PipelineExecution.ReportHook(spec));
                    System.Console.Out.WriteLine($"{planStep.UnitName(unit)}: done {DateTime.UtcNow:u}");
                }
                catch (Pipeline.OutputFolderInUseException e)
                {
                    System.Console.Error.WriteLine($"winnow: {e.Message}");
                    return ExitCodes.Usage;
                }
                catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or ArgumentException or Pipeline.InputRejectedException)
                {
                    System.Console.Error.WriteLine($"winnow: {planStep.UnitName(unit)} failed: {e.Message}");
                    return ExitCodes.Failed;
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Pipeline.OutputFolder? TryClaimShared(string output)
    {
        try
        {
            return Pipeline.OutputFolder.Claim(output, [], shared: true);
        }
        catch (Exception e) when (e is Pipeline.OutputFolderInUseException or ArgumentException)
        {
            System.Console.Error.WriteLine($"winnow: {e.Message}");
            return null;
        }
    }
}
