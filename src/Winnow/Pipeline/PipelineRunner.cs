using System.Collections.Concurrent;
using System.Diagnostics;
using Winnow.Documents;
using Winnow.Readers;
using Winnow.Stats;

namespace Winnow.Pipeline;

/// <summary>
/// Runs a pipeline on one machine: a reader thread cuts input into batches; each batch is parsed
/// and passed through the stages in parallel, then written in input order.
/// </summary>
/// <remarks>
/// Output is the same whatever the thread count because parallel work only ever fills slots by
/// record index, and every order-dependent step (corpus stages, writing) runs in input order.
/// A whole-corpus stage ends a pass: survivors are spilled to disk, the stage resolves, and the
/// next pass replays the spill (see <see cref="PassPlan"/>).
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
        using var output = RunOutput.Create(_options);
        var context = new StageContext(output.Directory, output.WorkDirectory, _parallel.MaxDegreeOfParallelism, _cancellationToken);
        var tallies = _pipeline.Stages.Select(s => _stats.AddStage(s.Name)).ToArray();
        var reader = new InputReader(inputs, _options.Reader, _options.StandardInput);
        var passes = PassPlan.For(_pipeline.Stages);
        if (!_options.WriteDocuments && passes.Any(p => p.Index > 0 && p.FirstStage < p.EndStage))
        {
            // Without documents the spill keeps no text, so nothing may read documents after a barrier.
            throw new ArgumentException("without documents output no stage may follow a whole-corpus stage");
        }

        if (SignaturesOnly() is { } signaturesOnly)
        {
            RunSignaturesOnly(signaturesOnly.Exact, signaturesOnly.Near, reader, totalBytes, context, tallies, output);
        }
        else
        {
            RunPasses(passes, reader, totalBytes, context, tallies, output);
        }

        foreach (var stage in _pipeline.Stages.OfType<CorpusStage>())
        {
            stage.Complete(context);
        }

        _stats.BlankLines = reader.BlankLines;
        foreach (var (reason, count) in reader.WarcSkipped)
        {
            _stats.CountSkipped(reason, count);
        }

        output.Complete(_stats);
        _phase = "";
        ReportProgress(reader.Position, totalBytes, force: true);
        return _stats;
    }

    /// <summary>Runs the passes of <see cref="PassPlan"/>: the first reads the input, each later one replays the survivors' spill.</summary>
    private void RunPasses(
        IReadOnlyList<PassPlan> passes, InputReader reader, long totalBytes, StageContext context, StageTally[] tallies, RunOutput output)
    {
        InputFile? spilled = null;
        foreach (var pass in passes)
        {
            _phase = passes.Count == 1 ? "" : $"pass {pass.Index + 1}/{passes.Count}";
            using var spill = pass.Barrier is null ? null : output.CreateSpill(pass.Index);
            if (spilled is null)
            {
                var parser = new RecordParser(_options.Reader);
                Consume(reader.ReadBatches(_cancellationToken), batch =>
                {
                    ProcessBatch(batch, parser, pass, context, tallies, output, spill);
                    ReportProgress(batch.InputPosition, totalBytes, force: false);
                });
            }
            else if (spilled.Length > 0)
            {
                var replay = new InputReader([spilled], SpillParser.ReaderOptions);
                var parser = new SpillParser();
                Consume(replay.ReadBatches(_cancellationToken), batch =>
                {
                    ProcessBatch(batch, parser, pass, context, tallies, output, spill);
                    ReportProgress(batch.InputPosition, spilled.Length, force: false);
                });
            }

            if (spilled is not null)
            {
                File.Delete(spilled.Path);
            }

            if (pass.Barrier is not null)
            {
                output.Flush();
                spilled = spill!.CompleteSpill();
                _phase = $"{pass.Barrier.Name}: resolving";
                ReportProgress(spilled.Length, spilled.Length, force: true);
                pass.Barrier.Resolve(context);
            }
        }
    }

    /// <summary>Reads batches on another thread while this one processes them, in order.</summary>
    private void Consume(IEnumerable<RecordBatch> source, Action<RecordBatch> handle)
    {
        using var batches = new BlockingCollection<RecordBatch>(boundedCapacity: 3);
        var producer = Task.Run(() => Produce(source, batches));
        try
        {
            foreach (var batch in batches.GetConsumingEnumerable(_cancellationToken))
            {
                using (batch)
                {
                    handle(batch);
                }
            }

            producer.GetAwaiter().GetResult();
        }
        finally
        {
            // Stop the reader if we leave early, then drain what it already made.
            batches.CompleteAdding();
            foreach (var left in batches)
            {
                left.Dispose();
            }
        }
    }

    private void Produce(IEnumerable<RecordBatch> source, BlockingCollection<RecordBatch> batches)
    {
        try
        {
            foreach (var batch in source)
            {
                if (!batches.TryAdd(batch, Timeout.Infinite, _cancellationToken))
                {
                    batch.Dispose();
                    return;
                }
            }
        }
        catch (InvalidOperationException) when (batches.IsAddingCompleted)
        {
            // The consumer stopped first; nothing more to do.
        }
        finally
        {
            if (!batches.IsAddingCompleted)
            {
                batches.CompleteAdding();
            }
        }
    }

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
