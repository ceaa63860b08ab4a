using Winnow.Documents;
using Winnow.Readers;
using Winnow.Stats;

namespace Winnow.Pipeline;

/// <summary>A batch parsed in parallel: a document or a rejection per record, and the documents in order.</summary>
internal sealed class ParsedBatch
{
    private ParsedBatch(Document?[] documents, Rejection?[] rejections, List<Document> alive)
    {
        Documents = documents;
        Rejections = rejections;
        Alive = alive;
    }

    public Document?[] Documents { get; }

    public Rejection?[] Rejections { get; }

    /// <summary>The parsed documents, in input order; stages drop removed ones from it.</summary>
    public List<Document> Alive { get; }

    /// <summary>
    /// Parses every record. Reading input (<paramref name="stats"/> given), each record is counted in
    /// and rejections go to <paramref name="reject"/>; replaying a spill, a rejection means the
    /// spill is damaged. The counting and the rejections take turn <see cref="StageLoop.CountTurn"/> of <paramref name="turn"/>.
    /// </summary>
    public static ParsedBatch Parse(RecordBatch batch, IRecordParser parser, ParallelOptions parallel, RunStats? stats, Action<Rejection> reject, BatchTurn turn)
    {
        var records = batch.Records;
        var documents = new Document?[records.Count];
        var rejections = new Rejection?[records.Count];
        ParallelChunks.For(records.Count, parallel, (_, from, to) =>
        {
            for (var i = from; i < to; i++)
            {
                (documents[i], rejections[i]) = parser.Parse(records[i], batch.Memory(records[i]));
            }
        });

        var alive = new List<Document>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            if (documents[i] is { } document)
            {
                alive.Add(document);
            }
            else if (stats is null)
            {
                throw new InvalidDataException($"the run's spill file is damaged: {rejections[i]}");
            }
        }

        if (stats is not null)
        {
            turn.InOrder(StageLoop.CountTurn, () =>
            {
                for (var i = 0; i < records.Count; i++)
                {
                    if (documents[i] is { } document)
                    {
                        stats.CountIn(document.InputBytes);
                    }
                    else
                    {
                        stats.CountIn(rejections[i]!.Bytes);
                        reject(rejections[i]!);
                    }
                }
            });
        }

        return new ParsedBatch(documents, rejections, alive);
    }
}
