using System.Collections.Concurrent;
using Winnow.Documents;
using Winnow.Readers;
using Winnow.Stats;
using Winnow.Writers;

namespace Winnow.Pipeline;

/// <summary>
/// The output folder of a run: documents/, removed/, rejected/ and stats.json (written last, so
/// its presence means the run completed). Layout in docs/formats.md.
/// </summary>
internal sealed class RunOutput : IDisposable
{
    public const string DocumentsFolder = RunFiles.Documents;
    public const string RemovedFolder = RunFiles.Removed;
    public const string RejectedFolder = RunFiles.Rejected;
    public const string StatsFile = RunFiles.Stats;

    private readonly RecordSink _kept;
    private readonly RecordSink _removed;
    private readonly JsonlPartWriter _rejected;
    private readonly bool _writeDocuments;
    // Sets of chunk buffers not in use: one is written to disk on a writer task while the next
    // batches are serialized into others, so the sequential copy to disk overlaps parallel work.
    private readonly ConcurrentBag<List<SerializedChunk>> _chunkSets = [];
    private Task _pendingWrite = Task.CompletedTask;

    private readonly OutputFolder? _claim;
    private bool _completed;

    private RunOutput(string directory, OutputOptions output, bool writeDocuments, OutputFolder? claim = null)
    {
        _claim = claim;
        _writeDocuments = writeDocuments;
        Directory = directory;
        WorkDirectory = Path.Combine(directory, ".work");
        System.IO.Directory.CreateDirectory(WorkDirectory);

        // A run without documents (--clusters-only) writes none: its sinks, never written to, sit
        // in the work folder, which goes at the end, rather than leave empty documents/ and removed/.
        var sinks = writeDocuments ? directory : WorkDirectory;
        _kept = RecordSinks.Create(Path.Combine(sinks, DocumentsFolder), output, removed: false);
        _removed = RecordSinks.Create(Path.Combine(sinks, RemovedFolder), output, removed: true);
        _rejected = new JsonlPartWriter(Path.Combine(directory, RejectedFolder), output.ForRejected(), writeBehind: true);
    }

    public string Directory { get; }

    /// <summary>documents/, for a sharded run's finish step to fill with whole records.</summary>
    public RecordSink Kept => _kept;

    /// <summary>removed/, likewise.</summary>
    public RecordSink Removed => _removed;

    /// <summary>rejected/, likewise.</summary>
    public JsonlPartWriter Rejected => _rejected;

    public string WorkDirectory { get; }

    /// <summary>Claims the output folder (see <see cref="OutputFolder"/>), replacing an earlier run only with --overwrite.</summary>
    public static RunOutput Create(RunOptions options)
    {
        if (RecordSinks.Problem(options.Output) is { } problem)
        {
            throw new ArgumentException(problem);
        }

        var claim = OutputFolder.Claim(options.OutputDirectory, options.Inputs);
        try
        {
            if (claim.HoldsRun)
            {
                if (!options.Overwrite)
                {
                    throw new ArgumentException($"{options.OutputDirectory}: the folder already holds a run; pass --overwrite to replace it");
                }

                claim.RemoveEarlierRun();
            }

            claim.Begin();
            return new RunOutput(claim.Path, options.Output, options.WriteDocuments, claim);
        }
        catch
        {
            claim.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens the output of a sharded run's finish step in its existing folder (which holds the run's
    /// plan), replacing whatever an earlier, interrupted finish left.
    /// </summary>
    public static RunOutput OpenForFinish(string directory, OutputOptions output)
    {
        foreach (var folder in new[] { DocumentsFolder, RemovedFolder, RejectedFolder, RunFiles.Attributes })
        {
            var path = Path.Combine(directory, folder);
            if (System.IO.Directory.Exists(path))
            {
                System.IO.Directory.Delete(path, recursive: true);
            }
        }

        File.Delete(Path.Combine(directory, StatsFile));
        return new RunOutput(directory, output, writeDocuments: true);
    }

    /// <summary>A spill for the survivors of pass <paramref name="pass"/>.</summary>
    public SpillWriter CreateSpill(int pass) => new(Path.Combine(WorkDirectory, $"pass-{pass}"));

    /// <summary>
    /// Counts a batch's tokens and serializes it, which depends on no other batch (several may be
    /// serialized at once); <see cref="Commit"/> then writes it in input order. With a spill,
    /// survivors go there (and are counted in a later pass) instead of to documents/. Without
    /// documents output only rejections and survivors' skeletons (for the spill) are written.
    /// <paramref name="textFinal"/>: no later stage edits text, so survivors' tokens are counted
    /// now, while their text is decoded, and travel in the spill.
    /// </summary>
    public SerializedBatch Serialize(
        RecordBatch batch, Document?[] documents, Rejection?[] rejections, string? tokenizer, ParallelOptions parallel, SpillWriter? spill, bool textFinal)
    {
        var countTokens = TokenCounter.RangeCounter(tokenizer, documents, final: spill is null || (textFinal && _writeDocuments));
        var set = RentChunks();
        var chunks = SerializedChunk.Fill(set, batch, documents, rejections, parallel, countTokens, (chunk, document) =>
        {
            if (_writeDocuments)
            {
                chunk.Add(document, spill is not null);
            }
            else if (spill is not null && !document.IsRemoved)
            {
                chunk.AddSkeleton(document);
            }
        });
        return new SerializedBatch(documents, rejections, set, chunks);
    }

    /// <summary>
    /// Writes a batch <see cref="Serialize"/> made, in input order: hands it to the writer task
    /// (after the batch before it is written) and counts its documents out.
    /// </summary>
    public void Commit(SerializedBatch serialized, RunStats stats, SpillWriter? spill)
    {
        WriteInOrder(serialized.Chunks, serialized.ChunkCount, (RecordSink?)spill ?? _kept);
        stats.CountOut(serialized.Documents, serialized.Rejections, countKept: spill is null);
    }

    /// <summary>A set of chunk buffers for <see cref="CommitChunks"/>.</summary>
    public List<SerializedChunk> RentChunks() => _chunkSets.TryTake(out var free) ? free : [];

    /// <summary>
    /// Writes the first <paramref name="chunks"/> of <paramref name="set"/> (from <see cref="RentChunks"/>),
    /// filled by the caller, after everything committed before them; the caller counts them.
    /// </summary>
    public void CommitChunks(List<SerializedChunk> set, int chunks) => WriteInOrder(set, chunks, _kept);

    /// <summary>Hands chunks to the writer task after the ones before (which keeps files in input order); the set comes back when written.</summary>
    private void WriteInOrder(List<SerializedChunk> set, int chunks, RecordSink kept)
    {
        Flush();
        _pendingWrite = Task.Run(() =>
        {
            for (var c = 0; c < chunks; c++)
            {
                set[c].WriteTo(kept, _removed, _rejected);
            }

            _chunkSets.Add(set);
        });
    }

    /// <summary>Waits until every serialized batch is on its way to disk; rethrows a write error.</summary>
    public void Flush() => _pendingWrite.GetAwaiter().GetResult();

    public void Complete(RunStats stats)
    {
        Flush();
        _kept.Complete();
        _removed.Complete();
        _rejected.Complete();
        var outputs = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            [DocumentsFolder] = _kept.Parts.Select(s => $"{DocumentsFolder}/{s}").ToList(),
            [RemovedFolder] = _removed.Parts.Select(s => $"{RemovedFolder}/{s}").ToList(),
            [RejectedFolder] = _rejected.Parts.Select(s => $"{RejectedFolder}/{s}").ToList(),
        };
        foreach (var (name, files) in _kept.Beside.Concat(_removed.Beside))
        {
            // Files a layout writes beside documents (Dolma's attributes/winnow/).
            outputs[name] = files;
        }

        var temp = Path.Combine(Directory, "." + StatsFile + ".tmp");
        using (var stream = File.Create(temp))
        {
            stats.WriteJson(stream, outputs);
            stream.WriteByte((byte)'\n');
        }

        File.Move(temp, Path.Combine(Directory, StatsFile), overwrite: true);
        if (System.IO.Directory.Exists(WorkDirectory))
        {
            System.IO.Directory.Delete(WorkDirectory, recursive: true);
        }

        OutputFolder.Complete(Directory);
        _completed = true;
    }

    public void Dispose()
    {
        // After a failure the last write may still run; let it end before closing its files.
        try
        {
            _pendingWrite.Wait();
        }
        catch (AggregateException)
        {
            // Already reported by Flush, or superseded by the error that ended the run.
        }

        _kept.Dispose();
        _removed.Dispose();
        _rejected.Dispose();

        // A single-process run that stopped (an error, a signal) cannot be resumed: its scratch (the
        // spill, sorted runs, gigabytes at a million documents) goes; what it wrote stays, and the
        // folder reads as incomplete. The stages' runs closed their files in it before this.
        if (!_completed && _claim is not null)
        {
            try
            {
                System.IO.Directory.Delete(WorkDirectory, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left for the next run with --overwrite to remove.
            }
        }

        _claim?.Dispose();
    }
}

/// <summary>A batch serialized by <see cref="RunOutput.Serialize"/>, waiting for its turn to be written.</summary>
internal sealed record SerializedBatch(Document?[] Documents, Rejection?[] Rejections, List<SerializedChunk> Chunks, int ChunkCount);
