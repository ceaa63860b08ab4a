using System.Text.Json;
using Winnow.Documents;
using Winnow.Readers;

namespace Winnow.Stats;

/// <summary>
/// The accounting of a run: every input record ends up kept, removed or rejected, so
/// <c>In == Kept + Removed + Rejected</c> in documents and in bytes.
/// </summary>
/// <remarks>Deterministic: nothing here depends on timing or threads. Not thread-safe.</remarks>
public sealed partial class RunStats
{
    private readonly SortedDictionary<string, Tally> _removedBy = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, Tally> _rejectedBy = new(StringComparer.Ordinal);
    private readonly List<StageTally> _stages = [];
    private readonly SortedDictionary<string, long> _skipped = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> _removedTokensBy = new(StringComparer.Ordinal);

    /// <summary>Input records as the readers counted them, in documents and input bytes.</summary>
    public Tally In { get; private set; }

    /// <summary>Documents written to documents/.</summary>
    public Tally Kept { get; private set; }

    /// <summary>Documents written to removed/.</summary>
    public Tally Removed { get; private set; }

    /// <summary>Records written to rejected/.</summary>
    public Tally Rejected { get; private set; }

    /// <summary>The encoding tokens are counted in, or null when the run counts none.</summary>
    public string? Tokenizer { get; internal set; }

    /// <summary>Tokens of the kept documents' texts (when <see cref="Tokenizer"/> is set).</summary>
    public long KeptTokens { get; private set; }

    /// <summary>Tokens of the removed documents' texts, as written to removed/.</summary>
    public long RemovedTokens { get; private set; }

    /// <summary>Tokens removed, by reason.</summary>
    public IReadOnlyDictionary<string, long> RemovedTokensByReason => _removedTokensBy;

    /// <summary>Removed documents by reason.</summary>
    public IReadOnlyDictionary<string, Tally> RemovedByReason => _removedBy;

    /// <summary>Rejected records by reason.</summary>
    public IReadOnlyDictionary<string, Tally> RejectedByReason => _rejectedBy;

    /// <summary>Per-stage counts, in pipeline order.</summary>
    public IReadOnlyList<StageTally> Stages => _stages;

    /// <summary>Input files read.</summary>
    public int InputFiles { get; internal set; }

    /// <summary>Blank JSONL lines, skipped: they hold no record.</summary>
    public long BlankLines { get; internal set; }

    /// <summary>
    /// Container records that hold no document, skipped by reason (WARC requests, metadata,
    /// non-200 or non-HTML responses...). Not part of <see cref="In"/>: they never were documents.
    /// </summary>
    public IReadOnlyDictionary<string, long> SkippedRecords => _skipped;

    internal void CountSkipped(string reason, long count) => _skipped[reason] = _skipped.GetValueOrDefault(reason) + count;

    /// <summary>Files found in input folders and not read, by reason (<see cref="SkippedFileReasons"/>), with the first names.</summary>
    public IReadOnlyDictionary<string, SkippedFiles> SkippedFiles { get; private set; } = new Dictionary<string, SkippedFiles>();

    /// <summary>What the input selection has to tell the user: an empty folder, a glob that matched nothing.</summary>
    public IReadOnlyList<string> Notes { get; private set; } = [];

    /// <summary>Takes the files count, the skipped files and the notes of the run's input selection.</summary>
    internal void SetSelection(int inputFiles, IReadOnlyDictionary<string, SkippedFiles> skipped, IReadOnlyList<string> notes)
    {
        InputFiles = inputFiles;
        SkippedFiles = new SortedDictionary<string, SkippedFiles>(skipped.ToDictionary(), StringComparer.Ordinal);
        Notes = notes;
    }

    internal StageTally AddStage(string name)
    {
        var tally = new StageTally(name);
        _stages.Add(tally);
        return tally;
    }

    internal void CountIn(long bytes) => In = In.Add(bytes);

    /// <summary>True when every input record is accounted for, in documents and in bytes.</summary>
    public bool IsBalanced => In == Kept + Removed + Rejected;

    internal void CountKept(Document document)
    {
        CountKept(document.InputBytes);
        KeptTokens += document.Tokens;
    }

    internal void CountKept(long bytes) => Kept = Kept.Add(bytes);

    /// <summary>A kept record counted from its input size and token count (no document made).</summary>
    internal void CountKept(long bytes, long tokens)
    {
        CountKept(bytes);
        KeptTokens += tokens;
    }

    /// <summary>A removed record counted from its input size and token count (no document made).</summary>
    internal void CountRemoved(string reason, long bytes, long tokens)
    {
        CountRemoved(reason, bytes);
        if (Tokenizer is not null)
        {
            RemovedTokens += tokens;
            _removedTokensBy[reason] = _removedTokensBy.GetValueOrDefault(reason) + tokens;
        }
    }

    internal void CountRemoved(Document document)
    {
        CountRemoved(document.Removal!.Reason, document.InputBytes);
        if (Tokenizer is not null)
        {
            RemovedTokens += document.Tokens;
            _removedTokensBy[document.Removal.Reason] = _removedTokensBy.GetValueOrDefault(document.Removal.Reason) + document.Tokens;
        }
    }

    internal void CountRemoved(string reason, long bytes)
    {
        Removed = Removed.Add(bytes);
        _removedBy[reason] = _removedBy.GetValueOrDefault(reason).Add(bytes);
    }

    /// <summary>
    /// Counts a written batch out: each record rejected, removed (and handed to
    /// <paramref name="removed"/> when given), or kept when <paramref name="countKept"/> (survivors
    /// going to a spill are counted in the pass that writes them).
    /// </summary>
    internal void CountOut(Document?[] documents, Rejection?[] rejections, bool countKept, Action<Document>? removed = null)
    {
        for (var i = 0; i < documents.Length; i++)
        {
            if (documents[i] is not { } document)
            {
                CountRejected(rejections[i]!);
            }
            else if (document.IsRemoved)
            {
                CountRemoved(document);
                removed?.Invoke(document);
            }
            else if (countKept)
            {
                CountKept(document);
            }
        }
    }

    internal void CountRejected(Rejection rejection)
    {
        Rejected = Rejected.Add(rejection.Bytes);
        _rejectedBy[rejection.Reason] = _rejectedBy.GetValueOrDefault(rejection.Reason).Add(rejection.Bytes);
    }

    /// <summary>Writes stats.json (format in docs/formats.md).</summary>
    public void WriteJson(Stream stream, IReadOnlyDictionary<string, IReadOnlyList<string>> outputs)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("winnow_version", WinnowInfo.Version);
        w.WriteNumber("input_files", InputFiles);
        w.WriteNumber("blank_lines", BlankLines);
        w.WriteStartObject("skipped_records");
        foreach (var (reason, count) in _skipped)
        {
            w.WriteNumber(reason, count);
        }

        w.WriteEndObject();
        Readers.SkippedFiles.WriteJson(w, SkippedFiles);
        if (Notes.Count > 0)
        {
            w.WriteStartArray("notes");
            foreach (var note in Notes)
            {
                w.WriteStringValue(note);
            }

            w.WriteEndArray();
        }

        WriteTallies(w, "documents", t => t.Documents);
        WriteTallies(w, "bytes", t => t.Bytes);
        if (Tokenizer is not null)
        {
            w.WriteStartObject("tokens");
            w.WriteString("tokenizer", Tokenizer);
            w.WriteNumber("in", KeptTokens + RemovedTokens);
            w.WriteNumber("kept", KeptTokens);
            w.WriteNumber("removed", RemovedTokens);
            w.WriteStartObject("removed_by_reason");
            foreach (var (reason, tokens) in _removedTokensBy)
            {
                w.WriteNumber(reason, tokens);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        WriteReasons(w, "removed_by_reason", _removedBy);
        WriteReasons(w, "rejected_by_reason", _rejectedBy);
        w.WriteStartArray("stages");
        foreach (var stage in _stages)
        {
            w.WriteStartObject();
            w.WriteString("name", stage.Name);
            w.WriteNumber("documents_in", stage.In.Documents);
            w.WriteNumber("documents_removed", stage.Removed.Documents);
            w.WriteNumber("bytes_removed", stage.Removed.Bytes);
            if (stage.Details is { } details)
            {
                w.WritePropertyName("details");
                details.WriteTo(w);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("outputs");
        foreach (var (name, files) in outputs)
        {
            w.WriteStartArray(name);
            foreach (var file in files)
            {
                w.WriteStringValue(file);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private void WriteTallies(Utf8JsonWriter w, string name, Func<Tally, long> pick)
    {
        w.WriteStartObject(name);
        w.WriteNumber("in", pick(In));
        w.WriteNumber("kept", pick(Kept));
        w.WriteNumber("removed", pick(Removed));
        w.WriteNumber("rejected", pick(Rejected));
        w.WriteEndObject();
    }

    private static void WriteReasons(Utf8JsonWriter w, string name, SortedDictionary<string, Tally> reasons)
    {
        w.WriteStartObject(name);
        foreach (var (reason, tally) in reasons)
        {
            w.WriteStartObject(reason);
            w.WriteNumber("documents", tally.Documents);
            w.WriteNumber("bytes", tally.Bytes);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }
}
