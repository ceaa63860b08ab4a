using Winnow.Stats;

namespace Winnow.Pipeline;

/// <summary>
/// An immutable list of stages, made by <see cref="WinnowPipelineBuilder"/>. Build it once and
/// run it on as many inputs as you like.
/// </summary>
/// <remarks>Thread-safe to share; each <see cref="Run"/> has its own state.</remarks>
public sealed class WinnowPipeline
{
    internal WinnowPipeline(IReadOnlyList<Stage> stages) => Stages = stages;

    /// <summary>The stages, in the order documents meet them.</summary>
    public IReadOnlyList<Stage> Stages { get; }

    /// <summary>Reads the inputs, runs every stage and writes the output folder.</summary>
    /// <returns>The run's accounting, also written to stats.json.</returns>
    /// <exception cref="InputRejectedException">Bad input under <see cref="ErrorPolicy.Fail"/>.</exception>
    /// <exception cref="ArgumentException">Inputs that do not exist, or an output folder in use.</exception>
    public RunStats Run(RunOptions options, CancellationToken cancellationToken = default) =>
        new PipelineRunner(this, options, cancellationToken).Run();
}
