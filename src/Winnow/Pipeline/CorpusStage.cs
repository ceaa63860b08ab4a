using Winnow.Documents;

namespace Winnow.Pipeline;

/// <summary>
/// A step whose decisions depend on other documents (dedup, boilerplate). The runner hands it
/// batches of surviving documents in input order, one batch at a time.
/// </summary>
/// <remarks>
/// Thread-safety: batches never overlap, so the stage may keep state between them; within a
/// batch it may use <see cref="StageContext.Parallelism"/> threads, but its decisions must follow
/// input order (use <see cref="Document.Ordinal"/>), never thread timing.
/// </remarks>
public abstract class CorpusStage : Stage
{
    /// <summary>Processes a batch of surviving documents, in input order.</summary>
    public abstract void ProcessBatch(IReadOnlyList<Document> batch, StageContext context);

    /// <summary>Called once after the last batch; the place to write stage outputs.</summary>
    public virtual void Complete(StageContext context)
    {
    }
}
