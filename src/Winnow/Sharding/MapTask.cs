using Winnow.Documents;
using Winnow.Pipeline;
using Winnow.Readers;
using Winnow.Stats;
using Winnow.Writers;

namespace Winnow.Sharding;

/// <summary>
/// One unit of a map step: one input shard through one stretch of the pipeline. It reads the
/// shard (first step) or the shard's spill from the previous map step, applies the previous
/// corpus stage's decisions, runs the document stages, and observes the next corpus stage; the
/// survivors are spilled for the next map step (or, in the last one, are the shard's kept
/// documents). Removed documents are written with their ordinal and the pass of a single-process
/// run that removes them, so the finish step can write removed/ in that run's order.
/// </summary>
/// <remarks>Not thread-safe; a unit uses <c>threads</c> threads inside.</remarks>
internal sealed class MapTask(RunPlan plan, PlanStep step, int shard, WinnowPipeline pipeline, RunOptions options, RunFolders folders, int threads, CancellationToken cancellationToken)
{
    public const string KeptFolder = "kept";
    public const string SpillFolder = "spill";
    public const string RemovedFolder = "removed";
    public const string RemovedIndex = "removed.idx";
    public const string RejectedFolder = "rejected";
    public const string StatsFile = "stats.bin";
    public const string OrdinalsFile = "ordinals";
    public const string ObserveFolder = "observe";
    public const string AppliedFolder = "applied";

    private readonly ParallelOptions _parallel = new() { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = cancellationToken };

    public void Run()
    {
        var stages = pipeline.Stages;
        var passes = LogicalPasses(stages);
        var last = step.Observes < 0;
        var dir = folders.Begin(step, shard);

        // The first map step records what it reads (hashed before reading, which also warms the
        // page cache for the read), so that a resumed run can tell if the input changed under it.
        var inputHash = step.Applies < 0 ? ShardInputCheck.Hash(plan.Shards[shard]) : "";
        var context = new StageContext(dir, Path.Combine(dir, "work"), _parallel.MaxDegreeOfParallelism, cancellationToken);
        Directory.CreateDirectory(context.WorkDirectory);
        var stats = new RunStats();
        var tallies = stages.Select(s => stats.AddStage(s.Name)).ToArray();
        var applies = step.Applies >= 0 ? (IShardedStage)stages[step.Applies] : null;
        var observes = step.Observes >= 0 ? (IShardedStage)stages[step.Observes] : null;
        if (applies is not null)
        {
            var resolve = plan.ResolveAppliedBy(step);
            var applied = Directory.CreateDirectory(Path.Combine(dir, AppliedFolder)).FullName;
            applies.LoadDecisions(Path.Combine(folders.Unit(resolve, 0), ResolveTask.DecisionsFolder), ShardSpans.Of(plan, folders)[shard], applied);
        }

        if (observes is not null)
        {
            observes.BeginShard(Directory.CreateDirectory(Path.Combine(dir, ObserveFolder)).FullName, context);
        }

        var noLimit = new ShardOptions { MaxDocuments = long.MaxValue, MaxBytes = long.MaxValue };
        using (var survivors = new ShardedJsonlWriter(Path.Combine(dir, last ? KeptFolder : SpillFolder), noLimit))
        using (var removed = new ShardedJsonlWriter(Path.Combine(dir, RemovedFolder), noLimit))
        using (var rejected = new ShardedJsonlWriter(Path.Combine(dir, RejectedFolder), noLimit))
        using (var index = new BinaryWriter(File.Create(Path.Combine(dir, RemovedIndex))))
        {
            var chunks = new List<SerializedChunk>();
            InputReader reader;
            IRecordParser parser;
            if (step.Applies < 0)
            {
                reader = new InputReader(plan.Shards[shard], options.Reader);
                parser = new RecordParser(options.Reader);
            }
            else
            {
                var previous = folders.Unit(plan.MapBefore(step), shard);
                var spill = Path.Combine(previous, SpillFolder, ShardedJsonlWriter.FirstShard);
                var files = File.Exists(spill) ? new[] { new InputFile(spill, "spill", InputKind.Jsonl, new FileInfo(spill).Length) } : [];
                reader = new InputReader(files, SpillParser.ReaderOptions);
                parser = new SpillParser();
            }

            foreach (var batch in reader.ReadBatches(cancellationToken))
            {
                using (batch)
                {
                    Process(batch, parser, stages, passes, tallies, context, stats, applies, observes, last, chunks, survivors, removed, rejected, index);
                }
            }

            if (step.Applies < 0)
            {
                stats.BlankLines = reader.BlankLines;
                foreach (var (reason, count) in reader.WarcSkipped)
                {
                    stats.CountSkipped(reason, count);
                }

                File.WriteAllText(Path.Combine(dir, OrdinalsFile), reader.Ordinals.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            survivors.Complete();
            removed.Complete();
            rejected.Complete();
        }

        observes?.EndShard();
        applies?.SaveApplied();
        using (var w = new BinaryWriter(File.Create(Path.Combine(dir, StatsFile))))
        {
            stats.WritePart(w);
        }

        Directory.Delete(context.WorkDirectory, recursive: true);
        folders.Commit(step, shard, inputHash);

        // The previous step's spill of this shard is read only by this unit, now done: free its disk.
        if (step.Applies >= 0)
        {
            var spill = Path.Combine(folders.Unit(plan.MapBefore(step), shard), SpillFolder);
            if (Directory.Exists(spill))
            {
                Directory.Delete(spill, recursive: true);
            }
        }
    }

    /// <summary>For each stage, the pass of a single-process run (<see cref="PassPlan"/>) in which it removes documents.</summary>
    internal static int[] LogicalPasses(IReadOnlyList<Stage> stages)
    {
        var result = new int[stages.Count];
        foreach (var pass in PassPlan.For(stages))
        {
            for (var s = pass.FirstStage; s < pass.EndStage; s++)
            {
                result[s] = ReferenceEquals(stages[s], pass.Barrier) ? pass.Index + 1 : pass.Index;
            }
        }

        return result;
    }

    private void Process(
        RecordBatch batch, IRecordParser parser, IReadOnlyList<Stage> stages, int[] passes, StageTally[] tallies, StageContext context, RunStats stats,
        IShardedStage? applies, IShardedStage? observes, bool last, List<SerializedChunk> chunks,
        ShardedJsonlWriter survivors, ShardedJsonlWriter removed, ShardedJsonlWriter rejected, BinaryWriter index)
    {
        var records = batch.Records;
        var parsed = ParsedBatch.Parse(batch, parser, _parallel, step.Applies < 0 ? stats : null, rejection =>
        {
            if (options.OnError == ErrorPolicy.Fail)
            {
                throw new InputRejectedException(rejection);
            }
        });
        var (documents, rejections, alive) = (parsed.Documents, parsed.Rejections, parsed.Alive);
        var removedIn = new Dictionary<Document, int>(ReferenceEqualityComparer.Instance);
        if (applies is not null)
        {
            applies.Apply(alive, context);
            Drop(alive, tallies[step.Applies], passes[step.Applies], removedIn);
        }

        for (var s = step.FirstStage; s < step.EndStage && alive.Count > 0; s++)
        {
            tallies[s].In += new Tally(alive.Count, alive.Sum(d => d.InputBytes));
            if (stages[s] is DocumentStage documentStage)
            {
                ParallelChunks.For(alive.Count, _parallel, (_, from, to) =>
                {
                    for (var i = from; i < to; i++)
                    {
                        documentStage.Process(alive[i]);
                    }
                });
            }

            Drop(alive, tallies[s], passes[s], removedIn);
        }

        if (observes is not null && alive.Count > 0)
        {
            tallies[step.Observes].In += new Tally(alive.Count, alive.Sum(d => d.InputBytes));
            observes.Observe(alive, context);
        }

        Write(batch, documents, rejections, last, chunks, survivors, removed, rejected);
        for (var i = 0; i < records.Count; i++)
        {
            if (documents[i] is not { } document)
            {
                stats.CountRejected(rejections[i]!);
            }
            else if (document.IsRemoved)
            {
                stats.CountRemoved(document);
                index.Write(document.Ordinal);
                index.Write(removedIn[document]);
            }
            else if (last)
            {
                stats.CountKept(document);
            }
        }
    }

    private static void Drop(List<Document> alive, StageTally tally, int pass, Dictionary<Document, int> removedIn)
    {
        foreach (var document in alive)
        {
            if (document.IsRemoved)
            {
                tally.Removed = tally.Removed.Add(document.InputBytes);
                removedIn[document] = pass;
            }
        }

        alive.RemoveAll(d => d.IsRemoved);
    }

    private void Write(
        RecordBatch batch, Document?[] documents, Rejection?[] rejections, bool last, List<SerializedChunk> chunks,
        ShardedJsonlWriter survivors, ShardedJsonlWriter removed, ShardedJsonlWriter rejected)
    {
        var n = SerializedChunk.Fill(chunks, batch, documents, rejections, _parallel, (chunk, document) => chunk.Add(document, spillSurvivors: !last));
        for (var c = 0; c < n; c++)
        {
            chunks[c].WriteTo(survivors, removed, rejected);
        }
    }
}
