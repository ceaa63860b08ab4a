using Winnow.Pipeline;

namespace Winnow.Cli.Commands;

/// <summary>
/// What a command runs: a way to make its pipeline (a sharded run needs a fresh one per unit of
/// work), the run's options, its label, and whether it ends with the report.
/// </summary>
internal sealed record RunSpec(Func<WinnowPipeline> Pipelines, RunOptions Options, string Label, bool Report);
