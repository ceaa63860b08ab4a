using Winnow.Dedup;
using Winnow.Pipeline;
using Winnow.Stats;

namespace Winnow.Tests.Support;

/// <summary>Runs the default pipeline the way `winnow run` does.</summary>
internal static class Runs
{
    public static RunStats Exact(string input, string output, int threads = 2, ExactDedupOptions dedup = default, Func<RunOptions, RunOptions>? configure = null) =>
        Exact([input], output, threads, dedup, configure);

    public static RunStats Exact(IReadOnlyList<string> inputs, string output, int threads = 2, ExactDedupOptions dedup = default, Func<RunOptions, RunOptions>? configure = null)
    {
        var pipeline = new WinnowPipelineBuilder().Add(new ExactDedupStage(dedup)).Build();
        var options = new RunOptions { Inputs = inputs, OutputDirectory = output, Threads = threads };
        return pipeline.Run(configure is null ? options : configure(options));
    }

    public static void AssertBalanced(RunStats stats)
    {
        Assert.Equal(stats.In.Documents, stats.Kept.Documents + stats.Removed.Documents + stats.Rejected.Documents);
        Assert.Equal(stats.In.Bytes, stats.Kept.Bytes + stats.Removed.Bytes + stats.Rejected.Bytes);
        Assert.Equal(stats.Removed.Documents, stats.RemovedByReason.Values.Sum(t => t.Documents));
        Assert.Equal(stats.Rejected.Documents, stats.RejectedByReason.Values.Sum(t => t.Documents));
        Assert.True(stats.IsBalanced);
    }
}
