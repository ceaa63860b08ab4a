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
        var inputs = InputSet.Expand(_options.Inputs, _options.Glob);
        _stats.InputFiles = inputs.Count;
        var totalBytes = inputs.Any(f => f.Length < 0) ? -1 : inputs.Sum(f => f.Length);
        var output = RunOutput.Create(_options);
        var context = new StageContext(output.Directory, output.WorkDirectory, _parallel.MaxDegreeOfParallelism, _cancellationToken);
        var tallies = _pipeline.Stages.Select(s => _stats.AddStage(s.Name)).ToArray();
        var parser = new RecordParser(_options.Reader);
        var reader = new InputReader(inputs, _options.Reader, _options.StandardInput);

        using var batches = new BlockingCollection<RecordBatch>(boundedCapacity: 3);
        var producer = Task.Run(() => Produce(reader, batches));
        try
        {
            foreach (var batch in batches.GetConsumingEnumerable(_cancellationToken))
            {
                using (batch)
                {
                    ProcessBatch(batch, parser, context, tallies, output);
                    ReportProgress(batch.InputPosition, totalBytes, force: false);
                }
            }

            producer.GetAwaiter().GetResult();
            foreach (var stage in _pipeline.Stages.OfType<CorpusStage>())
            {
                stage.Complete(context);
            }

            _stats.BlankLines = reader.BlankLines;
            output.Complete(_stats);
            ReportProgress(reader.Position, totalBytes, force: true);
            return _stats;
        }
        finally
        {
            // Stop the reader if we leave early, then drain what it already made.
            batches.CompleteAdding();
            foreach (var left in batches)
            {
                left.Dispose();
            }

            output.Dispose();
        }
    }

    private void Produce(InputReader reader, BlockingCollection<RecordBatch> batches)
    {
        try
        {
            foreach (var batch in reader.ReadBatches(_cancellationToken))
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
            _stats.Kept.Documents + _stats.Removed.Documents + _stats.Rejected.Documents,
            position, total, _stats.Kept.Documents, _stats.Removed.Documents, _stats.Rejected.Documents, now));
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
