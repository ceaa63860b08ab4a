using Winnow.Documents;
using Winnow.Stats;

namespace Winnow.Pipeline;

/// <summary>
/// The stage loop of a map step, the same for a single-process run and for a unit of a sharded
/// one: per batch of parsed documents, in input order, it applies the decisions of the corpus stage
/// resolved before the step, runs the step's stages (document stages in parallel; a corpus stage
/// that decides as it goes observes and applies), and lets the corpus stage that ends the step
/// observe the survivors. It counts each stage's documents in and removed, and marks each removed
/// document with its removal pass (<see cref="StepPlanner.RemovalPasses"/>).
/// </summary>
/// <remarks>Not thread-safe: one batch at a time; document stages run in parallel inside a batch.</remarks>
internal sealed class StageLoop(IReadOnlyList<Stage> stages, PlanStep step, CorpusStageRun?[] runs, StageTally[] tallies, int[] removalPasses, ParallelOptions parallel)
{
    /// <summary>Runs the step's stages on a batch's documents; <paramref name="alive"/> keeps the survivors.</summary>
    public void Process(List<Document> alive)
    {
        if (step.Applies >= 0)
        {
            runs[step.Applies]!.Apply(alive);
            Drop(alive, step.Applies);
        }

        for (var s = step.FirstStage; s < step.EndStage && alive.Count > 0; s++)
        {
            tallies[s].In += new Tally(alive.Count, alive.Sum(d => d.InputBytes));
            switch (stages[s])
            {
                case DocumentStage documentStage:
                    ParallelChunks.For(alive.Count, parallel, (_, from, to) =>
                    {
                        for (var i = from; i < to; i++)
                        {
                            documentStage.Process(alive[i]);
                        }
                    });
                    break;
                case CorpusStage:
                    // A stage that decides each document from the ones before it, here in input order.
                    runs[s]!.Observe(alive);
                    runs[s]!.Apply(alive);
                    break;
                default:
                    throw new InvalidOperationException($"stage '{stages[s].Name}' is neither a document nor a corpus stage");
            }

            Drop(alive, s);
        }

        if (step.Observes >= 0 && alive.Count > 0)
        {
            tallies[step.Observes].In += new Tally(alive.Count, alive.Sum(d => d.InputBytes));
            runs[step.Observes]!.Observe(alive);
        }
    }

    /// <summary>Counts the documents stage <paramref name="s"/> just removed, marks their pass, and drops them.</summary>
    private void Drop(List<Document> alive, int s)
    {
        var removed = default(Tally);
        foreach (var document in alive)
        {
            if (document.IsRemoved)
            {
                removed = removed.Add(document.InputBytes);
                document.RemovalPass = removalPasses[s];
            }
        }

        if (removed.Documents > 0)
        {
            tallies[s].Removed += removed;
            alive.RemoveAll(d => d.IsRemoved);
        }
    }
}
