namespace Winnow.Pipeline;

/// <summary>
/// The steps of a run: map steps over the input shards, separated by the resolve steps of the
/// corpus stages that need every shard's documents before deciding, then the finish. A
/// single-process run is the plan of one shard: there a stage that decides each document from the
/// ones before it (exact dedup) runs inside its map step, and only stages that need the whole
/// corpus end one. In a sharded run, whose units may run in other processes, every corpus stage
/// ends a map step.
/// </summary>
internal static class StepPlanner
{
    /// <summary>The plan's steps for <paramref name="shards"/> shards, in units of a sharded run or in one process.</summary>
    public static List<PlanStep> Steps(IReadOnlyList<Stage> stages, int shards, bool inShards)
    {
        var barriers = new List<int>();
        for (var i = 0; i < stages.Count; i++)
        {
            if (IsBarrier(stages[i], inShards))
            {
                barriers.Add(i);
            }
        }

        var steps = new List<PlanStep>();
        for (var j = 0; j <= barriers.Count; j++)
        {
            var applies = j == 0 ? -1 : barriers[j - 1];
            var first = applies + 1;
            var end = j < barriers.Count ? barriers[j] : stages.Count;
            var observes = j < barriers.Count ? barriers[j] : -1;
            var parts = new List<string> { applies >= 0 ? "apply " + stages[applies].Name : "read" };
            parts.AddRange(stages.Skip(first).Take(end - first).Select(s => s.Name));
            parts.Add(observes >= 0 ? "observe " + stages[observes].Name : "write");
            steps.Add(new PlanStep(steps.Count, StepKind.Map, string.Join(", ", parts), shards, applies, first, end, observes));
            if (observes >= 0)
            {
                steps.Add(new PlanStep(steps.Count, StepKind.Resolve, "resolve " + stages[observes].Name, 1, -1, observes, observes, observes));
            }
        }

        steps.Add(new PlanStep(steps.Count, StepKind.Finish, "finish: merge outputs", 1, -1, stages.Count, stages.Count, -1));
        return steps;
    }

    /// <summary>
    /// For each stage, the map step of a single-process run in which it removes documents (a stage
    /// that needs the whole corpus removes in the step after the one that observes it). removed/ is
    /// written step by step in this numbering, so every plan writes it in one order.
    /// </summary>
    public static int[] RemovalPasses(IReadOnlyList<Stage> stages)
    {
        var passes = new int[stages.Count];
        var pass = 0;
        for (var i = 0; i < stages.Count; i++)
        {
            var barrier = IsBarrier(stages[i], inShards: false);
            passes[i] = barrier ? pass + 1 : pass;
            pass += barrier ? 1 : 0;
        }

        return passes;
    }

    private static bool IsBarrier(Stage stage, bool inShards) => stage is CorpusStage corpus && (inShards || corpus.NeedsWholeCorpus);
}
