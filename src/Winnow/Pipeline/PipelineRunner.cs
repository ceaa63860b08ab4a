using System.Diagnostics;
using Winnow.Documents;
using Winnow.Readers;
using Winnow.Stats;

namespace Winnow.Pipeline;

/// <summary>
/// Runs a pipeline in this process: the plan of one shard (<see cref="StepPlanner"/>), its map
/// steps through the same <see cref="StageLoop"/> as a sharded run's units. A reader thread cuts
/// the input into batches; each batch is parsed and passed through the stages in parallel, then
/// written in input order.
/// </summary>
/// <remarks>
/// Output is the same whatever the thread count because parallel work only ever fills slots by
/// record index, and every order-dependent step (corpus stages, writing) runs in input order.
/// A stage that needs the whole corpus ends a map step: survivors are spilled to disk, the stage
/// resolves, and the next step replays the spill. Each run starts its own stage runs
/// (<see cref="CorpusStage.Start"/>), so a pipeline can run again, or run twice at once.
/// </remarks>
internal sealed partial class PipelineRunner
{
    private readonly WinnowPipeline _pipeline;
    private readonly RunOptions _options;
    private readonly CancellationToken _cancellationToken;
    private readonly RunStats _stats = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ParallelOptions _parallel;
    private TimeSpan _lastProgress;
    private string _phase = "";

    public PipelineRunner(WinnowPipeline pipeline, RunOptions options, CancellationToken cancellationToken)
    {
        _pipeline = pipeline;
        _options = options;
        _cancellationToken = cancellationToken;
        _stats.Tokenizer = options.WriteDocuments ? options.Tokenizer : null;
        _parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, options.Threads),
            CancellationToken = cancellationToken,
        };
    }

    public RunStats Run()
    {
        var selection = InputSet.Expand(_options.Inputs, _options.Glob);
        var inputs = selection.Files;
        _stats.SetSelection(inputs.Count, selection.Skipped, selection.Notes);
        var totalBytes = selection.TotalBytes;
        var stages = _pipeline.Stages;
        var steps = StepPlanner.Steps(stages, shards: 1, inShards: false);
        if (!_options.WriteDocuments && steps.Any(s => s.Kind == StepKind.Map && s.Applies >= 0 && s.FirstStage < s.EndStage))
        {
            // Without documents the spill keeps no text, so nothing may read documents after a barrier.
            throw new ArgumentException("without documents output no stage may follow a whole-corpus stage");
        }

        using var output = RunOutput.Create(_options);
        var context = new StageContext(output.Directory, output.WorkDirectory, _parallel.MaxDegreeOfParallelism, _cancellationToken)
        {
            SpillHoldsText = _options.WriteDocuments,
        };
        var tallies = stages.Select(s => _stats.AddStage(s.Name)).ToArray();
        var runs = stages.Select(s => (s as CorpusStage)?.Start(context)).ToArray();
        var reader = new InputReader(inputs, _options.Reader, _options.StandardInput);
        try
        {
            if (TextOnlyChain(runs, inputs) is { } chain)
            {
                // No spill: texts for the stages are read from the input where they stand.
                context.SpillHoldsText = false;
                RunTextOnly(runs[^1]!, chain, inputs, reader, totalBytes, tallies, output);
            }
            else
            {
                RunSteps(steps, runs, reader, totalBytes, context, tallies, output);
            }

            for (var s = 0; s < stages.Count; s++)
            {
                tallies[s].Details = runs[s]?.Finish(null, []);
            }

            _stats.BlankLines = reader.BlankLines;
            foreach (var (reason, count) in reader.WarcSkipped)
            {
                _stats.CountSkipped(reason, count);
            }

            output.Complete(_stats);
        }
        finally
        {
            foreach (var run in runs)
            {
                run?.Dispose();
            }
        }

        _phase = "";
        ReportProgress(reader.Position, totalBytes, force: true);
        return _stats;
    }

    /// <summary>
    /// Runs a plan of one shard: each map step reads the input (the first) or replays the spill of
    /// the step before, runs the stage loop, and writes to the output, or, when it ends in a stage
    /// that needs the whole corpus, spills its survivors; that stage then resolves.
    /// </summary>
    private void RunSteps(
        IReadOnlyList<PlanStep> steps, CorpusStageRun?[] runs, InputReader reader, long totalBytes, StageContext context, StageTally[] tallies, RunOutput output)
    {
        var maps = steps.Where(s => s.Kind == StepKind.Map).ToList();
        var passes = StepPlanner.RemovalPasses(_pipeline.Stages);
        InputFile? spilled = null;
        foreach (var step in maps)
        {
            _phase = maps.Count == 1 ? "" : $"pass {maps.IndexOf(step) + 1}/{maps.Count}";
            var inner = BatchWorkers.WithinBatch(_parallel);
            var loop = new StageLoop(_pipeline.Stages, step, runs, tallies, passes, inner);
            var turns = StageLoop.TurnCount(_pipeline.Stages.Count);
            var textFinal = step.Observes < 0 || !_pipeline.Stages.Skip(step.Observes).Any(s => s.EditsText);
            using var spill = step.Observes < 0 ? null : output.CreateSpill(step.Index);
            if (spilled is null)
            {
                var parser = new RecordParser(_options.Reader);
                ConsumeInOrder(reader.ReadBatches(_cancellationToken), turns, (batch, turn) =>
                    Process(batch, turn, parser, loop, inner, output, spill, counting: true, textFinal, totalBytes));
            }
            else if (spilled.Length > 0)
            {
                var replay = new InputReader([spilled], SpillParser.ReaderOptions);
                var parser = new SpillParser(deferRest: _options.WriteDocuments);
                using var release = new SpillRelease(spilled.Path);
                var replayed = 0L;
                // A batch read holds its records' bytes: the file's are released then, by the
                // reading thread, which waits on the others, rather than by this one.
                var batches = replay.ReadBatches(_cancellationToken).Select(batch =>
                {
                    foreach (var record in batch.Records)
                    {
                        replayed += record.Length + 1; // each record is one line
                    }

                    release.Upto(replayed);
                    return batch;
                });
                ConsumeInOrder(batches, turns, (batch, turn) =>
                    Process(batch, turn, parser, loop, inner, output, spill, counting: false, textFinal, spilled.Length));
            }

            if (spilled is not null)
            {
                File.Delete(spilled.Path);
            }

            if (step.Observes >= 0)
            {
                output.Flush();
                spill!.Complete();
                spilled = spill.Spilled!;
                _phase = $"{_pipeline.Stages[step.Observes].Name}: resolving";
                ReportProgress(spilled.Length, spilled.Length, force: true);
                runs[step.Observes]!.ObservationsSpilled(spilled.Path, spill.LineStarts);
                runs[step.Observes]!.Resolve();
            }
        }
    }

    /// <summary>
    /// One batch of a map step: parsed, through the stage loop, serialized, then written and
    /// counted at its turn. <paramref name="parallel"/>: the threads each of these steps may use.
    /// </summary>
    private void Process(
        RecordBatch batch, BatchTurn turn, IRecordParser parser, StageLoop loop, ParallelOptions parallel, RunOutput output, SpillWriter? spill, bool counting, bool textFinal, long total)
    {
        var parsed = ParsedBatch.Parse(batch, parser, parallel, counting ? _stats : null, Reject, turn);
        loop.Process(parsed.Alive, turn);
        var serialized = output.Serialize(batch, parsed.Documents, parsed.Rejections, _stats.Tokenizer, parallel, spill, textFinal);
        turn.InOrder(StageLoop.WriteTurn(_pipeline.Stages.Count), () =>
        {
            output.Commit(serialized, _stats, spill);
            ReportProgress(batch.InputPosition, total, force: false);
        });
    }

    private void ConsumeInOrder(IEnumerable<RecordBatch> source, int turnCount, Action<RecordBatch, BatchTurn> handle) =>
        BatchWorkers.Run(source, _parallel.MaxDegreeOfParallelism, turnCount, handle, _cancellationToken);

    private void Consume(IEnumerable<RecordBatch> source, Action<RecordBatch> handle) =>
        BatchWorkers.Run(source, 1, 0, (batch, _) => handle(batch), _cancellationToken);

    private void ReportProgress(long position, long total, bool force)
    {
        var now = _clock.Elapsed;
        if (_options.Progress is null || (!force && now - _lastProgress < TimeSpan.FromMilliseconds(250)))
        {
            return;
        }

        _lastProgress = now;
        _options.Progress.Report(new RunProgress(
            _stats.In.Documents, position, total, _stats.Kept.Documents, _stats.Removed.Documents, _stats.Rejected.Documents, now)
        {
            Phase = _phase,
        });
    }

    private void Reject(Rejection rejection)
    {
        if (_options.OnError == ErrorPolicy.Fail)
        {
            throw new InputRejectedException(rejection);
        }

        _options.OnRejected?.Invoke(rejection);
    }
}
