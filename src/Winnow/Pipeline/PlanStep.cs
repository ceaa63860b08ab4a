namespace Winnow.Pipeline;

/// <summary>What a step of a run's plan does.</summary>
internal enum StepKind
{
    /// <summary>Per input shard: read or replay, apply the previous corpus stage, run the stages up to the next that needs every shard, observe it.</summary>
    Map,

    /// <summary>Once: a corpus stage's decisions over every shard's observations.</summary>
    Resolve,

    /// <summary>Once: the stages' outputs, and in a sharded run the output folder from every shard's files.</summary>
    Finish,
}

/// <summary>
/// One step of a run plan. A map step covers pipeline stages [<see cref="FirstStage"/>,
/// <see cref="EndStage"/>): it applies <see cref="Applies"/> first and ends by observing
/// <see cref="Observes"/>; a resolve step resolves <see cref="Observes"/>. Stage numbers index the
/// pipeline; -1 means none.
/// </summary>
internal sealed record PlanStep(int Index, StepKind Kind, string Name, int Units, int Applies, int FirstStage, int EndStage, int Observes)
{
    /// <summary>The folder name of one unit of work of this step.</summary>
    public string UnitName(int unit) => $"s{Index:D2}-u{unit:D5}";
}
