using System.CommandLine;
using System.Text.Json.Nodes;
using Winnow.Sharding;

namespace Winnow.Cli.Commands;

/// <summary>`winnow status DIR`: whether a run folder holds a complete run, from the files it leaves.</summary>
/// <remarks>
/// A run writes stats.json last, so its presence means complete; shards still under a temporary
/// name or a work folder without stats.json mean the run stopped part way.
/// </remarks>
internal static class StatusCommand
{
    public static Command Create()
    {
        var dir = new Argument<string>("dir") { Description = "A run's output folder" };
        var command = new Command("status", "Tell whether a run folder holds a complete run, and its counts") { dir };
        command.SetAction(result => Show(result.GetValue(dir)!));
        return command;
    }

    internal static int Show(string dir)
    {
        var o = System.Console.Out;
        if (!File.Exists(Path.Combine(dir, Pipeline.RunFiles.Manifest)))
        {
            System.Console.Error.WriteLine($"winnow: {dir}: not a Winnow run folder");
            return ExitCodes.Usage;
        }

        if (File.Exists(new RunFolders(dir).PlanPath))
        {
            var finished = ShowPlan(dir);
            if (!finished)
            {
                return ExitCodes.Failed;
            }
        }

        var statsPath = Path.Combine(dir, Pipeline.RunFiles.Stats);
        var partial = Directory.EnumerateFiles(dir, "*.tmp", SearchOption.AllDirectories).Count();
        if (!File.Exists(statsPath))
        {
            o.WriteLine($"{dir}: incomplete (no stats.json; {partial} file(s) under a temporary name); run it again with --overwrite");
            return ExitCodes.Failed;
        }

        JsonNode? docs;
        try
        {
            docs = JsonNode.Parse(File.ReadAllText(statsPath))?["documents"];
        }
        catch (System.Text.Json.JsonException)
        {
            docs = null;
        }

        if (docs is not JsonObject)
        {
            System.Console.Error.WriteLine($"winnow: {statsPath} is damaged (not the JSON object a run writes); run the pipeline again with --overwrite");
            return ExitCodes.Failed;
        }

        o.WriteLine($"{dir}: complete");
        o.WriteLine($"  documents in {docs["in"]}, kept {docs["kept"]}, removed {docs["removed"]}, rejected {docs["rejected"]}");
        foreach (var name in new[] { Pipeline.RunFiles.Clusters, Pipeline.RunFiles.Boilerplate, Pipeline.RunFiles.Reuse, Pipeline.RunFiles.Report })
        {
            if (File.Exists(Path.Combine(dir, name)))
            {
                o.WriteLine($"  {name}");
            }
        }

        return ExitCodes.Ok;
    }

    /// <summary>A sharded run's steps with their units done; true when the finish step is done.</summary>
    private static bool ShowPlan(string dir)
    {
        var o = System.Console.Out;
        var steps = ShardedRun.Progress(dir).ToList();
        foreach (var (step, done) in steps)
        {
            var state = done == step.Units ? "done" : done > 0 ? "running or stopped" : "waiting";
            o.WriteLine($"  step {step.Index,2} {done,6:N0}/{step.Units,-6:N0} {state,-18} {step.Name}");
        }

        var (last, lastDone) = steps[^1];
        if (lastDone == last.Units)
        {
            return true;
        }

        var logs = new RunFolders(dir).Logs;
        o.WriteLine($"{dir}: incomplete; run the same command again to resume (finished units are kept){(Directory.Exists(logs) ? $"; Slurm task logs: {logs}/" : "")}");
        return false;
    }
}
