using System.Collections.Concurrent;
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
/// <remarks>Not thread-safe; a unit uses <c>threads</c> threads inside, a batch each (<see cref="BatchWorkers"/>).</remarks>
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
        var last = step.Observes < 0;
        var dir = folders.Begin(step, shard);

        // The first map step records what it reads (hashed before reading, which also warms the
        // page cache for the read), so that a resumed run can tell if the input changed under it.
        var inputHash = step.Applies < 0 ? ShardInputCheck.Hash(plan.Shards[shard]) : "";
        var context = new StageContext(dir, Path.Combine(dir, "work"), _parallel.MaxDegreeOfParallelism, cancellationToken) { InShards = true };
        Directory.CreateDirectory(context.WorkDirectory);
        var stats = new RunStats { Tokenizer = options.Tokenizer };
        var tallies = stages.Select(s => stats.AddStage(s.Name)).ToArray();
        var runs = new CorpusStageRun?[stages.Count];
        try
        {
            if (step.Applies >= 0)
            {
                var applies = runs[step.Applies] = ((CorpusStage)stages[step.Applies]).Start(context);
                var resolve = plan.ResolveAppliedBy(step);
                var applied = Directory.CreateDirectory(Path.Combine(dir, AppliedFolder)).FullName;
                applies.LoadDecisions(Path.Combine(folders.Unit(resolve, 0), ResolveTask.DecisionsFolder), ShardSpans.Of(plan, folders)[shard], applied);
            }

            if (step.Observes >= 0)
            {
                runs[step.Observes] = ((CorpusStage)stages[step.Observes]).Start(context);
            }

            var inner = BatchWorkers.WithinBatch(_parallel);
            var loop = new StageLoop(stages, step, runs, tallies, StepPlanner.RemovalPasses(stages), inner);
            var noLimit = new OutputOptions { MaxDocuments = long.MaxValue, MaxBytes = long.MaxValue };
            using (var survivors = new JsonlPartWriter(Path.Combine(dir, last ? KeptFolder : SpillFolder), noLimit))
            using (var removed = new JsonlPartWriter(Path.Combine(dir, RemovedFolder), noLimit))
            using (var rejected = new JsonlPartWriter(Path.Combine(dir, RejectedFolder), noLimit))
            using (var index = new BinaryWriter(File.Create(Path.Combine(dir, RemovedIndex))))
            {
                var chunkSets = new ConcurrentBag<List<SerializedChunk>>();
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
                    var spill = Path.Combine(previous, SpillFolder, JsonlPartWriter.FirstPart);
                    var files = File.Exists(spill) ? new[] { new InputFile(spill, "spill", InputKind.Jsonl, new FileInfo(spill).Length) } : [];
                    reader = new InputReader(files, SpillParser.ReaderOptions);
                    parser = new SpillParser(deferRest: true);
                }

                BatchWorkers.Run(
                    reader.ReadBatches(cancellationToken),
                    _parallel.MaxDegreeOfParallelism,
                    StageLoop.TurnCount(stages.Count),
                    (batch, turn) => Process(batch, turn, parser, loop, inner, stats, last, chunkSets, survivors, removed, rejected, index),
                    cancellationToken);

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

            if (step.Observes >= 0)
            {
                runs[step.Observes]!.SaveObservations(Directory.CreateDirectory(Path.Combine(dir, ObserveFolder)).FullName);
            }

            if (step.Applies >= 0)
            {
                runs[step.Applies]!.SaveApplied();
            }
        }
        finally
        {
            foreach (var run in runs)
            {
                run?.Dispose();
            }
        }

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

    private void Process(
        RecordBatch batch, BatchTurn turn, IRecordParser parser, StageLoop loop, ParallelOptions parallel, RunStats stats, bool last,
        ConcurrentBag<List<SerializedChunk>> chunkSets, JsonlPartWriter survivors, JsonlPartWriter removed, JsonlPartWriter rejected, BinaryWriter index)
    {
        var parsed = ParsedBatch.Parse(batch, parser, parallel, step.Applies < 0 ? stats : null, rejection =>
        {
            if (options.OnError == ErrorPolicy.Fail)
            {
                throw new InputRejectedException(rejection);
            }
        }, turn);
        var (documents, rejections) = (parsed.Documents, parsed.Rejections);
        loop.Process(parsed.Alive, turn);

        var countTokens = TokenCounter.RangeCounter(stats.Tokenizer, documents, final: last);
        var chunks = chunkSets.TryTake(out var free) ? free : [];
        var n = SerializedChunk.Fill(chunks, batch, documents, rejections, parallel, countTokens, (chunk, document) => chunk.Add(document, spillSurvivors: !last));
        turn.InOrder(StageLoop.WriteTurn(pipeline.Stages.Count), () =>
        {
            for (var c = 0; c < n; c++)
            {
                chunks[c].WriteTo(survivors, removed, rejected);
            }

            // Removed documents with their ordinal and the pass of a single-process run that removes
            // them: the finish writes removed/ in that order.
            stats.CountOut(documents, rejections, countKept: last, removed: document =>
            {
                index.Write(document.Ordinal);
                index.Write(document.RemovalPass);
            });
        });
        chunkSets.Add(chunks);
    }
}
