namespace Winnow.Pipeline;

/// <summary>
/// A step whose decisions depend on other documents (dedup, boilerplate, reuse). The stage itself is
/// configuration only: each run of a pipeline starts its own <see cref="CorpusStageRun"/>, which
/// holds what the run learns, so one built pipeline can run any number of times, at once too.
/// </summary>
/// <remarks>
/// Every corpus stage has the lifecycle of a sharded step (DataTrove's dedup: signatures → buckets
/// → clusters → filter): it observes the documents of each input shard, resolves once over all of
/// them, then applies its decisions shard by shard, and writes its outputs at the finish. A
/// single-process run is that plan with one shard, executed in this process, where the run object
/// keeps its observations and decisions in memory instead of files. Thread-safe: a stage holds no
/// run state.
/// </remarks>
public abstract class CorpusStage : Stage
{
    private protected CorpusStage()
    {
    }

    /// <summary>
    /// True when the stage must see every document before deciding on any (near dedup, boilerplate,
    /// reuse). False for a stage that decides each document from the ones before it (exact dedup):
    /// in one process it applies as it observes, with no pass over a spill.
    /// </summary>
    public virtual bool NeedsWholeCorpus => true;

    /// <summary>Starts the stage's part in one run: the object that observes, resolves and applies.</summary>
    internal abstract CorpusStageRun Start(StageContext context);
}
