using Winnow.Documents;

namespace Winnow.Pipeline;

/// <summary>
/// A step whose decisions depend on other documents (dedup, boilerplate). The runner hands it
/// batches of surviving documents in input order, one batch at a time.
/// </summary>
/// <remarks>
/// Two kinds. A streaming stage (exact dedup) decides in <see cref="ProcessBatch"/>. A
/// whole-corpus stage (<see cref="NeedsWholeCorpus"/>: near dedup, boilerplate) only observes in
/// <see cref="ProcessBatch"/>; the runner spills the survivors to disk, calls
/// <see cref="Resolve"/> once, then replays the same documents in the same order through
/// <see cref="ApplyBatch"/>, where the stage removes or annotates. Batch boundaries may differ
/// between the passes; order does not.
/// </remarks>
/// <remarks>
/// Thread-safety: batches never overlap, so the stage may keep state between them; within a
/// batch it may use <see cref="StageContext.Parallelism"/> threads, but its decisions must follow
/// input order (use <see cref="Document.Ordinal"/>), never thread timing.
/// </remarks>
public abstract class CorpusStage : Stage
{
    /// <summary>Processes a batch of surviving documents, in input order.</summary>
    public abstract void ProcessBatch(IReadOnlyList<Document> batch, StageContext context);

    /// <summary>True when the stage must see every document before deciding on any.</summary>
    public virtual bool NeedsWholeCorpus => false;

    /// <summary>Whole-corpus stages: called once after every document was observed.</summary>
    public virtual void Resolve(StageContext context)
    {
    }

    /// <summary>Whole-corpus stages: the second pass over the observed documents, in input order.</summary>
    public virtual void ApplyBatch(IReadOnlyList<Document> batch, StageContext context)
    {
    }

    /// <summary>Called once after the last batch; the place to write stage outputs.</summary>
    public virtual void Complete(StageContext context)
    {
    }
}
