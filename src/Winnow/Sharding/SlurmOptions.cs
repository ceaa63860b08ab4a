
namespace Winnow.Sharding;

/// <summary>What each sbatch job array of a sharded run asks Slurm for.</summary>
internal sealed record SlurmOptions
{
    /// <summary>--partition; null: the cluster's default.</summary>
    public string? Partition { get; init; }

    /// <summary>--time per task (e.g. "2:00:00"); null: the partition's default.</summary>
    public string? Time { get; init; }

    /// <summary>--mem per task (e.g. "8G"); null: the partition's default.</summary>
    public string? Memory { get; init; }

    /// <summary>--cpus-per-task; each task runs that many threads. Default 1.</summary>
    public int CpusPerTask { get; init; } = 2;

    /// <summary>At most this many tasks of an array at once (the "%K" of --array); 0: no limit.</summary>
    public int Throttle { get; init; }

    /// <summary>More sbatch arguments, each written as one #SBATCH line (e.g. "--account=lm").</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];
}
