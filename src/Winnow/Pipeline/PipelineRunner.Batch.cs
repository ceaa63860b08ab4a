using Winnow.Documents;
using Winnow.Readers;
using Winnow.Stats;

namespace Winnow.Pipeline;

internal sealed partial class PipelineRunner
{
    private void ProcessBatch(
        RecordBatch batch, IRecordParser parser, PassPlan pass, StageContext context, StageTally[] tallies, RunOutput output, SpillWriter? spill)
    {
        var parsed = ParsedBatch.Parse(batch, parser, _parallel, pass.Index == 0 ? _stats : null, Reject);
        var (documents, rejections, alive) = (parsed.Documents, parsed.Rejections, parsed.Alive);
        if (pass.Resumed is { } resumed)
        {
            resumed.ApplyBatch(alive, context);
            CountRemovals(alive, tallies[IndexOf(resumed)]);
        }

        for (var s = pass.FirstStage; s < pass.EndStage && alive.Count > 0; s++)
        {
            var tally = tallies[s];
            tally.In += new Tally(alive.Count, alive.Sum(d => d.InputBytes));
            RunStage(_pipeline.Stages[s], alive, context);
            CountRemovals(alive, tally);
        }

        output.Write(batch, documents, rejections, _stats, _parallel, spill);
    }

    private int IndexOf(Stage stage)
    {
        for (var i = 0; i < _pipeline.Stages.Count; i++)
        {
            if (ReferenceEquals(_pipeline.Stages[i], stage))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"stage '{stage.Name}' is not in the pipeline");
    }

    /// <summary>Counts the documents a stage just removed and drops them from the living list.</summary>
    private static void CountRemovals(List<Document> alive, StageTally tally)
    {
        var removed = default(Tally);
        foreach (var document in alive)
        {
            if (document.IsRemoved)
            {
                removed = removed.Add(document.InputBytes);
            }
        }

        if (removed.Documents > 0)
        {
            tally.Removed += removed;
            alive.RemoveAll(d => d.IsRemoved);
        }
    }

    private void RunStage(Stage stage, List<Document> alive, StageContext context)
    {
        switch (stage)
        {
            case DocumentStage documentStage:
                ParallelChunks.For(alive.Count, _parallel, (_, from, to) =>
                {
                    for (var i = from; i < to; i++)
                    {
                        documentStage.Process(alive[i]);
                    }
                });
                break;
            case CorpusStage corpusStage:
                corpusStage.ProcessBatch(alive, context);
                break;
            default:
                throw new InvalidOperationException($"stage '{stage.Name}' is neither a document nor a corpus stage");
        }
    }
}
