using Winnow.Documents;
using Winnow.Pipeline;

namespace Winnow.Tests.Support;

/// <summary>Drives a whole-corpus stage through its phases the way the runner does.</summary>
internal static class StageDriver
{
    public static Document Doc(long ordinal, string text, string? id = null, string? url = null)
    {
        var doc = new Document(id ?? $"doc{ordinal}", text, new DocumentSource("test", ordinal + 1, 0), ordinal, text.Length) { Url = url };
        return doc;
    }

    /// <summary>Observes, resolves, replays (in batches of <paramref name="batchSize"/>) and completes.</summary>
    public static void Run(CorpusStage stage, IReadOnlyList<Document> docs, string directory, int batchSize = 2, int threads = 2)
    {
        var context = new StageContext(directory, Path.Combine(directory, "work"), threads, CancellationToken.None);
        Directory.CreateDirectory(context.WorkDirectory);
        foreach (var batch in docs.Chunk(batchSize))
        {
            stage.ProcessBatch(batch, context);
        }

        stage.Resolve(context);
        foreach (var batch in docs.Chunk(batchSize + 1))
        {
            stage.ApplyBatch(batch, context);
        }

        stage.Complete(context);
    }
}
