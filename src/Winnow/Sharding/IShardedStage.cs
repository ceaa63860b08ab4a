using Winnow.Documents;
using Winnow.Pipeline;

namespace Winnow.Sharding;

/// <summary>
/// A corpus stage that can run over input shards in separate tasks, as DataTrove's dedup steps do:
/// observe each shard (in parallel tasks), resolve over every shard's observations (one task),
/// apply the decisions to each shard (in parallel tasks), finish (one task, stage outputs).
/// </summary>
/// <remarks>
/// Inside shard tasks document ordinals are local to the shard; the resolve task adds each
/// shard's <see cref="ShardSpan.OrdinalBase"/>, so decisions are those of a single-process run.
/// Files live in the folders the runner gives; a task that dies leaves them incomplete and the
/// runner redoes the task from scratch.
/// </remarks>
internal interface IShardedStage
{
    /// <summary>Map task: starts observing one shard; observations go under <paramref name="directory"/>.</summary>
    void BeginShard(string directory, StageContext context);

    /// <summary>Map task: observes a batch of the shard's surviving documents, in order, without deciding.</summary>
    void Observe(IReadOnlyList<Document> batch, StageContext context);

    /// <summary>Map task: ends the shard; its observation files are complete.</summary>
    void EndShard();

    /// <summary>Resolve task: loads one shard's observations; called in shard order, before <see cref="CorpusStage.Resolve"/>.</summary>
    void LoadObservations(string directory, ShardSpan shard, StageContext context);

    /// <summary>Resolve task: after <see cref="CorpusStage.Resolve"/>, writes what each shard needs to apply it.</summary>
    void SaveDecisions(string directory, IReadOnlyList<ShardSpan> shards);

    /// <summary>
    /// Apply task: loads the decisions for one shard, before <see cref="Apply"/>; what the finish
    /// step will need of the shard goes under <paramref name="applied"/>.
    /// </summary>
    void LoadDecisions(string directory, ShardSpan shard, string applied);

    /// <summary>Apply task: removes or annotates a batch of the shard's documents, in order.</summary>
    void Apply(IReadOnlyList<Document> batch, StageContext context);

    /// <summary>Apply task: keeps what the finish step needs of this shard (reports, texts).</summary>
    void SaveApplied();

    /// <summary>
    /// Finish task: writes the stage's outputs under <see cref="StageContext.OutputDirectory"/> from
    /// the decisions and every shard's applied folder (in shard order).
    /// </summary>
    void Finish(string decisions, IReadOnlyList<(string Directory, ShardSpan Shard)> applied, StageContext context);
}
