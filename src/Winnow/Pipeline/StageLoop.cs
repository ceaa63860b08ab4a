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

        for (var s = step.FirstStage; s < step.EndStage && alive.Count > 0;)
        {
            if (stages[s] is DocumentStage)
            {
                var end = s + 1;
                while (end < step.EndStage && stages[end] is DocumentStage)
                {
                    end++;
                }

                RunDocumentStages(alive, s, end);
                s = end;
                continue;
            }

            if (stages[s] is not CorpusStage)
            {
                throw new InvalidOperationException($"stage '{stages[s].Name}' is neither a document nor a corpus stage");
            }

            // A stage that decides each document from the ones before it, here in input order.
            tallies[s].In += new Tally(alive.Count, alive.Sum(d => d.InputBytes));
            runs[s]!.Observe(alive);
            runs[s]!.Apply(alive);
            Drop(alive, s);
            s++;
        }

        if (step.Observes >= 0 && alive.Count > 0)
        {
            tallies[step.Observes].In += new Tally(alive.Count, alive.Sum(d => d.InputBytes));
            runs[step.Observes]!.Observe(alive);
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
    private void RunDocumentStages(List<Document> alive, int first, int end)
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
