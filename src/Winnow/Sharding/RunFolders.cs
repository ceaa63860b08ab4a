using Winnow.Pipeline;

namespace Winnow.Sharding;

/// <summary>
/// Where a sharded run keeps its plan, its units' files and their completion markers, under
/// DIR/.winnow/. A unit writes into "NAME.tmp", renames it to "NAME" when complete, then writes
/// its marker in done/: a unit without a marker is redone from scratch, whatever it left.
/// </summary>
/// <remarks>Thread-safe: units touch only their own folders.</remarks>
internal sealed class RunFolders(string outputDirectory)
{
    public string Output { get; } = Path.GetFullPath(outputDirectory);

    public string Root => Path.Combine(Output, RunFiles.Sharding);

    public string PlanPath => Path.Combine(Root, "plan.json");

    public string Units => Path.Combine(Root, "units");

    public string Done => Path.Combine(Root, "done");

    public string Logs => Path.Combine(Root, "logs");

    public string Locks => Path.Combine(Root, "locks");

    public string Unit(PlanStep step, int unit) => Path.Combine(Units, step.UnitName(unit));

    public bool IsDone(PlanStep step, int unit) => File.Exists(Path.Combine(Done, step.UnitName(unit)));

    /// <summary>
    /// Locks a unit for this process while it runs it, so that two processes (two Slurm submissions
    /// of one run, say) never write one unit's folder at once.
    /// </summary>
    /// <exception cref="Pipeline.OutputFolderInUseException">Another process runs the unit.</exception>
    public IDisposable LockUnit(PlanStep step, int unit)
    {
        Directory.CreateDirectory(Locks);
        var path = Path.Combine(Locks, step.UnitName(unit));
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new OutputFolderInUseException($"{Output}: {step.UnitName(unit)} is being run by another process (in use)");
        }
    }

    /// <summary>Clears what an earlier, unfinished attempt left and returns the folder to write into.</summary>
    public string Begin(PlanStep step, int unit)
    {
        var final = Unit(step, unit);
        var temp = final + ".tmp";
        foreach (var stale in new[] { temp, final })
        {
            if (Directory.Exists(stale))
            {
                Directory.Delete(stale, recursive: true);
            }
        }

        Directory.CreateDirectory(temp);
        return temp;
    }

    /// <summary>Makes a unit's files final, then marks it done: the marker, holding <paramref name="note"/>, comes last.</summary>
    public void Commit(PlanStep step, int unit, string note = "")
    {
        var final = Unit(step, unit);
        Directory.Move(final + ".tmp", final);
        Directory.CreateDirectory(Done);
        var marker = Path.Combine(Done, step.UnitName(unit));
        File.WriteAllText(marker + ".tmp", note);
        File.Move(marker + ".tmp", marker, overwrite: true);
    }

    /// <summary>What a done unit's marker holds, or null when the unit is not done.</summary>
    public string? DoneMarker(PlanStep step, int unit)
    {
        var marker = Path.Combine(Done, step.UnitName(unit));
        return File.Exists(marker) ? File.ReadAllText(marker) : null;
    }
}
