using Winnow.Pipeline;

namespace Winnow.Cli.Commands;

/// <summary>
/// What a command runs: its pipeline (built once: every run and every unit of a sharded run starts
/// its own stage runs from it), the run's options, its label, and whether it ends with the report.
/// </summary>
internal sealed record RunSpec(WinnowPipeline Pipeline, RunOptions Options, string Label, bool Report);
