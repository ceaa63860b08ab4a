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

    /// <summary>
    /// Starts a run of the stage as one process does, observes, resolves, applies (in other batches:
    /// <paramref name="batchSize"/> + 1) and finishes; returns the run, disposed, for its counts.
    /// </summary>
    public static CorpusStageRun Run(CorpusStage stage, IReadOnlyList<Document> docs, string directory, int batchSize = 2, int threads = 2)
    {
        var context = new StageContext(directory, Path.Combine(directory, "work"), threads, CancellationToken.None);
        Directory.CreateDirectory(context.WorkDirectory);
        using var run = stage.Start(context);
        foreach (var batch in docs.Chunk(batchSize))
        {
            run.Observe(batch);
        }

        run.Resolve();
        foreach (var batch in docs.Chunk(batchSize + 1))
        {
            run.Apply(batch);
        }

        run.Finish(null, []);
        return run;
    }
}
