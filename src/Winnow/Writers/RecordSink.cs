namespace Winnow.Writers;

/// <summary>
/// Where a run's records go, in input order: each record arrives as a line of our own JSONL
/// (docs/formats.md), and the sink writes it as its format and layout ask. One JSONL form in the
/// runner keeps every path (threads, passes, input shards) writing the same bytes; the sink does the rest.
/// </summary>
/// <remarks>Not thread-safe: one sink per output stream, fed in order.</remarks>
internal abstract class RecordSink : IDisposable
{
    /// <summary>The data files written so far, as names relative to the sink's folder.</summary>
    public abstract IReadOnlyList<string> Parts { get; }

    /// <summary>Records written.</summary>
    public abstract long Documents { get; }

    /// <summary>Files the sink writes beside its own (Dolma's attribute files), by output name, relative to the run folder.</summary>
    public virtual IReadOnlyDictionary<string, IReadOnlyList<string>> Beside => new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Appends one record; <paramref name="record"/> must end with a newline.</summary>
    public virtual void Write(ReadOnlySpan<byte> record) => Write(record, [record.Length]);

    /// <summary>Appends consecutive records held in one buffer (<paramref name="ends"/>: the end offset of each, newline included).</summary>
    public abstract void Write(ReadOnlySpan<byte> records, ReadOnlySpan<int> ends);

    /// <summary>Closes and renames the open files.</summary>
    public abstract void Complete();

    /// <inheritdoc/>
    public abstract void Dispose();
}
