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
/// <remarks>
/// Batches go through it one at a time (<see cref="BatchTurn.Alone"/>, the work of each step spread
/// over <paramref name="parallel"/>'s threads), or several at once, each on a thread of its own
/// (<see cref="BatchTurns"/>): then what depends on the batches before (a corpus stage's
/// observation and decisions, the tallies, counting and writing) takes its turn in input order.
/// </remarks>
internal sealed class StageLoop(IReadOnlyList<Stage> stages, PlanStep step, CorpusStageRun?[] runs, StageTally[] tallies, int[] removalPasses, ParallelOptions parallel)
{
    /// <summary>The turn at which a batch's records are counted in and its rejections reported.</summary>
    public const int CountTurn = 0;

    private const int ApplyTurn = 1;

    /// <summary>The turns a map step over <paramref name="stageCount"/> stages takes, in order (the last one writes).</summary>
    public static int TurnCount(int stageCount) => stageCount + 4;

    /// <summary>The turn at which a batch is written and counted out, after all of the loop's.</summary>
    public static int WriteTurn(int stageCount) => stageCount + 3;

    private int ObserveTurn => stages.Count + 2;

    private static int StageTurn(int s) => s + 2;

    /// <summary>Runs the step's stages on a batch's documents; <paramref name="alive"/> keeps the survivors.</summary>
    /// <param name="alive">The batch's documents, then its survivors.</param>
    /// <param name="turn">The batch's turns, when several batches go through the loop at once.</param>
    public void Process(List<Document> alive, BatchTurn turn)
    {
        if (step.Applies >= 0)
        {
            turn.InOrder(ApplyTurn, () =>
            {
                runs[step.Applies]!.Apply(alive);
                Drop(alive, step.Applies);
            });
        }

        for (var s = step.FirstStage; s < step.EndStage && alive.Count > 0;)
        {
            if (stages[s] is DocumentStage)
            {
                var end = s + 1;
                while (end < step.EndStage && stages[end] is DocumentStage)
                {
                    end++;
                }

                RunDocumentStages(alive, s, end, turn);
                s = end;
                continue;
            }

            if (stages[s] is not CorpusStage)
            {
                throw new InvalidOperationException($"stage '{stages[s].Name}' is neither a document nor a corpus stage");
            }

            // A stage that decides each document from the ones before it, here in input order.
            var stage = s;
            var prepared = runs[stage]!.Prepare(alive, parallel);
            turn.InOrder(StageTurn(stage), () =>
            {
                tallies[stage].In += new Tally(alive.Count, alive.Sum(d => d.InputBytes));
                runs[stage]!.Observe(alive, prepared);
                runs[stage]!.Apply(alive);
                Drop(alive, stage);
            });
            s++;
        }

        if (step.Observes >= 0 && alive.Count > 0)
        {
            var prepared = runs[step.Observes]!.Prepare(alive, parallel);
            turn.InOrder(ObserveTurn, () =>
            {
                tallies[step.Observes].In += new Tally(alive.Count, alive.Sum(d => d.InputBytes));
                runs[step.Observes]!.Observe(alive, prepared);
            });
        }
    }

    /// <summary>
    /// Runs the document stages [<paramref name="first"/>, <paramref name="end"/>) document by
    /// document (each document through every stage until one removes it), in parallel over chunks.
    /// </summary>
    /// <remarks>
    /// Document by document, not stage by stage over the batch: the filters share what they
    /// measure of a text (<c>TextStatistics</c>, one per thread, kept for the last text), which
    /// stage by stage would be measured again by every filter. Document stages are pure, so the
    /// order gives the same documents; the tallies are those of stage-by-stage order.
    /// </remarks>
    private void RunDocumentStages(List<Document> alive, int first, int end, BatchTurn turn)
    {
        var stoppedAt = new int[alive.Count];
        ParallelChunks.For(alive.Count, parallel, (_, from, to) =>
        {
            for (var i = from; i < to; i++)
            {
                var document = alive[i];
                var s = first;
                while (s < end)
                {
                    ((DocumentStage)stages[s]).Process(document);
                    if (document.IsRemoved)
                    {
                        break;
                    }

                    s++;
                }

                stoppedAt[i] = s;
            }
        });

        // A document stopped at stage k (or passed them all, k = end) entered stages first..k.
        var stopped = new Tally[end - first + 1];
        for (var i = 0; i < alive.Count; i++)
        {
            var k = stoppedAt[i];
            stopped[k - first] = stopped[k - first].Add(alive[i].InputBytes);
            if (k < end)
            {
                alive[i].RemovalPass = removalPasses[k];
            }
        }

        turn.InOrder(StageTurn(first), () =>
        {
            var entering = default(Tally);
            for (var k = end - first; k >= 0; k--)
            {
                entering += stopped[k];
                if (k < end - first)
                {
                    tallies[first + k].In += entering;
                    tallies[first + k].Removed += stopped[k];
                }
            }
        });

        alive.RemoveAll(d => d.IsRemoved);
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
