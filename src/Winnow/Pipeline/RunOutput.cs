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
    public const string DocumentsFolder = "documents";
    public const string RemovedFolder = "removed";
    public const string RejectedFolder = "rejected";
    public const string StatsFile = "stats.json";
    private const string Marker = ".winnow-run";

    private readonly ShardedJsonlWriter _kept;
    private readonly ShardedJsonlWriter _removed;
    private readonly ShardedJsonlWriter _rejected;
    private readonly List<SerializedChunk> _chunks = [];

    private RunOutput(string directory, ShardOptions shards)
    {
        Directory = directory;
        WorkDirectory = Path.Combine(directory, ".work");
        System.IO.Directory.CreateDirectory(WorkDirectory);
        _kept = new ShardedJsonlWriter(Path.Combine(directory, DocumentsFolder), shards);
        _removed = new ShardedJsonlWriter(Path.Combine(directory, RemovedFolder), shards);
        _rejected = new ShardedJsonlWriter(Path.Combine(directory, RejectedFolder), shards);
    }

    public string Directory { get; }

    public string WorkDirectory { get; }

    public static RunOutput Create(RunOptions options)
    {
        var directory = Path.GetFullPath(options.OutputDirectory);
        if (System.IO.Directory.Exists(directory) && System.IO.Directory.EnumerateFileSystemEntries(directory).Any())
        {
            if (!File.Exists(Path.Combine(directory, Marker)))
            {
                throw new ArgumentException($"{options.OutputDirectory}: the folder is not empty and holds no Winnow run; choose a new or empty folder");
            }

            if (!options.Overwrite)
            {
                throw new ArgumentException($"{options.OutputDirectory}: the folder already holds a run; pass --overwrite to replace it");
            }

            System.IO.Directory.Delete(directory, recursive: true);
        }

        System.IO.Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, Marker), "");
        return new RunOutput(directory, options.Shards);
    }

    /// <summary>A spill for the survivors of pass <paramref name="pass"/>.</summary>
    public SpillWriter CreateSpill(int pass) => new(Path.Combine(WorkDirectory, $"pass-{pass}"));

    /// <summary>
    /// Serializes a batch in parallel, then writes it in input order and counts it. With a spill,
    /// survivors go there (and are counted in a later pass) instead of to documents/.
    /// </summary>
    public void Write(RecordBatch batch, Document?[] documents, Rejection?[] rejections, RunStats stats, ParallelOptions parallel, SpillWriter? spill)
    {
        var count = documents.Length;
        var chunks = ParallelChunks.ChunkCount(count, parallel);
        while (_chunks.Count < chunks)
        {
            _chunks.Add(new SerializedChunk());
        }

        ParallelChunks.For(count, parallel, (c, from, to) =>
        {
            var chunk = _chunks[c];
            chunk.Clear();
            for (var i = from; i < to; i++)
            {
                if (documents[i] is { } document)
                {
                    chunk.Add(document, spill is not null);
                }
                else
                {
                    chunk.Add(rejections[i]!, batch.Bytes(batch.Records[i]));
                }
            }
        });

        for (var c = 0; c < Math.Max(1, chunks) && count > 0; c++)
        {
            _chunks[c].WriteTo(spill?.Writer ?? _kept, _removed, _rejected);
        }

        for (var i = 0; i < count; i++)
        {
            if (documents[i] is not { } document)
            {
                stats.CountRejected(rejections[i]!);
            }
            else if (document.IsRemoved)
            {
                stats.CountRemoved(document);
            }
            else if (spill is null)
            {
                stats.CountKept(document);
            }
        }
    }

    public void Complete(RunStats stats)
    {
        _kept.Complete();
        _removed.Complete();
        _rejected.Complete();
        var outputs = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            [DocumentsFolder] = _kept.Shards.Select(s => $"{DocumentsFolder}/{s}").ToList(),
            [RemovedFolder] = _removed.Shards.Select(s => $"{RemovedFolder}/{s}").ToList(),
            [RejectedFolder] = _rejected.Shards.Select(s => $"{RejectedFolder}/{s}").ToList(),
        };
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
    }

    public void Dispose()
    {
        _kept.Dispose();
        _removed.Dispose();
        _rejected.Dispose();
    }
}
