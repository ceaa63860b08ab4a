
namespace Winnow.Sharding;

/// <summary>How a sharded run is cut and executed.</summary>
internal sealed record ShardedRunOptions
{
    /// <summary>Tasks per map step (Slurm array size); each takes every <c>Tasks</c>-th shard. Default 1.</summary>
    public int Tasks { get; init; } = 1;

    /// <summary>Local executor: tasks run at once. Default 1.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>Target input bytes per shard; shards, unlike tasks, fix the plan. Default 128 MB.</summary>
    public long InputShardBytes { get; init; } = 128L << 20;

    /// <summary>Extra attempts for a failed unit before the run stops. Default 0.</summary>
    public int Retries { get; init; } = 1;

    /// <summary>
    /// The run's configuration as text: a resumed run must show the same (else it is refused), so
    /// that its finished units are never mixed with units of another configuration.
    /// </summary>
    public string Config { get; init; } = "";

    /// <summary>The command line that rebuilds the pipeline in another process (Slurm tasks).</summary>
    public IReadOnlyList<string> Command { get; init; } = [];
}
