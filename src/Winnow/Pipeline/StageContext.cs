namespace Winnow.Pipeline;

/// <summary>What a stage knows of the run it is part of.</summary>
/// <param name="OutputDirectory">The run's output folder; stages write their own files below it.</param>
/// <param name="WorkDirectory">A scratch folder for spills, removed at the end of the run.</param>
/// <param name="Parallelism">How many threads the stage may use.</param>
/// <param name="CancellationToken">Stops the run.</param>
public sealed record StageContext(
    string OutputDirectory,
    string WorkDirectory,
    int Parallelism,
    CancellationToken CancellationToken)
{
    /// <summary>True in a unit of a sharded run; false when one process runs the whole corpus.</summary>
    internal bool InShards { get; init; }

    /// <summary>
    /// True in a single-process run that writes documents through the stage loop (never in a unit of
    /// a sharded run, nor on the text-only path, which reads texts again from the input): the survivors of a step that ends in a
    /// stage's observation are spilled with their text, one JSON line each, in the order the stage
    /// observed them, and the stage is told where (<see cref="CorpusStageRun.ObservationsSpilled"/>)
    /// before it resolves, so it need not keep texts of its own.
    /// </summary>
    internal bool SpillHoldsText { get; set; }
}
