using Winnow.Documents;

namespace Winnow.Pipeline;

/// <summary>
/// A corpus stage's part in one run: what it observes, what it resolves, what it applies. The
/// runner calls it in this order:
/// <list type="number">
/// <item>Map: <see cref="Observe(IReadOnlyList{Document})"/> the surviving documents of a shard, batch by batch, in input
/// order; in a unit of a sharded run, then <see cref="SaveObservations"/>.</item>
/// <item>Resolve, once: in a sharded run, <see cref="LoadObservations"/> every shard's in shard
/// order; then <see cref="Resolve"/>; in a sharded run, <see cref="SaveDecisions"/>.</item>
/// <item>Apply: in a unit of a sharded run, <see cref="LoadDecisions"/> for its shard; then
/// <see cref="Apply"/> to the same documents in the same order (batch boundaries may differ); in a
/// unit, <see cref="SaveApplied"/>.</item>
/// <item><see cref="Finish"/>: the stage's outputs, from what it holds (one process) or from the
/// files of the resolve and apply units (sharded).</item>
/// </list>
/// A stage that does not need the whole corpus (<see cref="CorpusStage.NeedsWholeCorpus"/> false)
/// is, in one process, applied to each batch right after observing it; <see cref="Resolve"/> is
/// then not called. In one process the Save and Load methods are never called.
/// </summary>
/// <remarks>
/// Not thread-safe: the runner calls one method at a time; inside a call the run may use
/// <see cref="StageContext.Parallelism"/> threads, but its decisions follow input order
/// (<see cref="Document.Ordinal"/>), never thread timing. Inside a unit of a sharded run ordinals
/// are local to the shard; the resolve adds each shard's <see cref="ShardSpan.OrdinalBase"/>, so the
/// decisions are those of a single-process run.
/// </remarks>
internal abstract class CorpusStageRun : IDisposable
{
    protected CorpusStageRun(StageContext context) => Context = context;

    /// <summary>True in a unit of a sharded run: observations and decisions then cross processes through files.</summary>
    protected bool InShards => Context.InShards;

    /// <summary>Threads and cancellation for parallel loops inside a call.</summary>
    protected ParallelOptions Parallel => new() { MaxDegreeOfParallelism = Math.Max(1, Context.Parallelism), CancellationToken = Context.CancellationToken };

    /// <summary>The run's folders, threads and cancellation.</summary>
    protected StageContext Context { get; }

    /// <summary>Observes a batch of surviving documents, in input order.</summary>
    public abstract void Observe(IReadOnlyList<Document> batch);

    /// <summary>
    /// The part of observing a batch that does not depend on the batches before it (a hash, a
    /// signature per document), which the runner may do for several batches at once, on any
    /// thread, before <see cref="Observe(IReadOnlyList{Document}, object?)"/> takes the batches in
    /// input order. Null: nothing to prepare.
    /// </summary>
    /// <param name="batch">The documents <see cref="Observe(IReadOnlyList{Document}, object?)"/> will get.</param>
    /// <param name="parallel">The threads this call may use.</param>
    public virtual object? Prepare(IReadOnlyList<Document> batch, ParallelOptions parallel) => null;

    /// <summary>Observes a batch with what <see cref="Prepare"/> made of it.</summary>
    /// <param name="batch">The documents prepared.</param>
    /// <param name="prepared">What <see cref="Prepare"/> returned for them.</param>
    public virtual void Observe(IReadOnlyList<Document> batch, object? prepared) => Observe(batch);

    /// <summary>
    /// Where the documents this run observed now lie, one JSON line each in observation order, text
    /// included (<see cref="StageContext.SpillHoldsText"/>), each starting at its offset in
    /// <paramref name="lineStarts"/>; called before <see cref="Resolve"/>. The file lives until the
    /// next step has replayed it.
    /// </summary>
    public virtual void ObservationsSpilled(string path, IReadOnlyList<long> lineStarts)
    {
    }

    /// <summary>A map unit of a sharded run: writes the shard's observations under <paramref name="directory"/>.</summary>
    public abstract void SaveObservations(string directory);

    /// <summary>The resolve unit of a sharded run: loads one shard's observations, called in shard order.</summary>
    public abstract void LoadObservations(string directory, ShardSpan shard);

    /// <summary>Decides, once every document was observed.</summary>
    public abstract void Resolve();

    /// <summary>The resolve unit: writes what each shard needs to apply the decisions.</summary>
    public abstract void SaveDecisions(string directory, IReadOnlyList<ShardSpan> shards);

    /// <summary>An apply unit: loads the decisions for one shard; what the finish will need of the shard goes under <paramref name="applied"/>.</summary>
    public abstract void LoadDecisions(string directory, ShardSpan shard, string applied);

    /// <summary>Removes or annotates a batch of the documents observed, in the same order.</summary>
    public abstract void Apply(IReadOnlyList<Document> batch);

    /// <summary>An apply unit: completes what the finish needs of its shard (report entries, texts).</summary>
    public virtual void SaveApplied()
    {
    }

    /// <summary>
    /// Writes the stage's outputs under <see cref="StageContext.OutputDirectory"/>: in one process
    /// from what the run holds (<paramref name="decisions"/> null, <paramref name="applied"/> empty);
    /// in a sharded run from the resolve unit's decisions and every apply unit's folder, in shard order.
    /// Returns what the stage has to say in stats.json (its counts), or null.
    /// </summary>
    public abstract System.Text.Json.Nodes.JsonObject? Finish(string? decisions, IReadOnlyList<(string Directory, ShardSpan Shard)> applied);

    /// <summary>The text-only capability (<see cref="TextOnlyRun"/>), or null when the stage needs documents.</summary>
    public virtual TextOnlyRun? TextOnly => null;

    /// <summary>Frees the run's files and memory.</summary>
    public virtual void Dispose()
    {
    }
}
