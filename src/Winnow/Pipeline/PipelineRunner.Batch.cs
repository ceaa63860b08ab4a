using Winnow.Documents;
using Winnow.Readers;
using Winnow.Stats;

namespace Winnow.Pipeline;

internal sealed partial class PipelineRunner
{
    private void ProcessBatch(RecordBatch batch, RecordParser parser, StageContext context, StageTally[] tallies, RunOutput output)
    {
        var records = batch.Records;
        var documents = new Document?[records.Count];
        var rejections = new Rejection?[records.Count];
        ParallelChunks.For(records.Count, _parallel, (_, from, to) =>
        {
            for (var i = from; i < to; i++)
            {
                (documents[i], rejections[i]) = parser.Parse(records[i], batch.Bytes(records[i]));
            }
        });

        var alive = new List<Document>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            if (documents[i] is { } document)
            {
                _stats.CountIn(document.InputBytes);
                alive.Add(document);
            }
            else
            {
                _stats.CountIn(rejections[i]!.Bytes);
                Reject(rejections[i]!);
            }
        }

        for (var s = 0; s < _pipeline.Stages.Count && alive.Count > 0; s++)
        {
            var tally = tallies[s];
            tally.In += new Tally(alive.Count, alive.Sum(d => d.InputBytes));
            RunStage(_pipeline.Stages[s], alive, context);
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

        output.Write(batch, documents, rejections, _stats, _parallel);
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
