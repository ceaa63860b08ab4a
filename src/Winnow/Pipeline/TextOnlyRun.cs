using Winnow.Documents;
using Winnow.Readers;

namespace Winnow.Pipeline;

/// <summary>
/// A capability a corpus stage run may declare (<see cref="CorpusStageRun.TextOnly"/>): it needs
/// of a document only its id and text, and removes documents without changing them. A run that
/// writes no documents and whose stages all declare it (exact and near dedup: <c>winnow dedup
/// --clusters-only</c>) makes no documents at all: each record's id and text are read straight
/// from its bytes and handed here, record by record.
/// </summary>
/// <remarks>
/// The calls: <see cref="Prepare"/> for every record, in parallel; <see cref="Decide"/> for each in
/// input order, by stage in pipeline order (a record one stage removes is not shown to the next);
/// <see cref="Take"/> with the batch, which may run while the next batch is prepared; at the end,
/// for a stage that needs the whole corpus, <see cref="CorpusStageRun.Resolve"/> and
/// <see cref="RemovedIndexes"/>. The output is byte for byte that of the stage loop (tested).
/// </remarks>
internal abstract class TextOnlyRun
{
    /// <summary>The reason recorded for the records the stage removes.</summary>
    public abstract string Reason { get; }

    /// <summary>Per-batch room for the stage's work on each record, reused from batch to batch.</summary>
    public abstract TextSlots CreateSlots(int capacity);

    /// <summary>A thread's scratch for <see cref="Prepare"/>, or null.</summary>
    public virtual object? CreateWorkspace() => null;

    /// <summary>
    /// In parallel: prepares record <paramref name="slot"/> from its text (known to be NFC when
    /// <paramref name="knownNfc"/>); <paramref name="place"/>, when known, is where the text can be
    /// read again in its input file.
    /// </summary>
    public abstract void Prepare(TextSlots slots, object? workspace, int slot, ReadOnlySpan<char> text, bool knownNfc, in TextPlace place);

    /// <summary>In input order: decides what the records before allow; the removal when the stage removes the record now, else null.</summary>
    public virtual Removal? Decide(TextSlots slots, int slot, string id) => null;

    /// <summary>The batch's records, those removed marked; the stage keeps what it resolves from.</summary>
    public virtual void Take(TextSlots slots, TextRecords records)
    {
    }

    /// <summary>After resolving: the indexes, in the order records were taken (removed ones skipped), of those it removes, ascending.</summary>
    public virtual IEnumerable<uint> RemovedIndexes => Removals.Select(r => r.Index);

    /// <summary>After resolving: <see cref="RemovedIndexes"/> with each record's removal, as the stage loop would record it.</summary>
    public virtual IEnumerable<(uint Index, Removal Removal)> Removals => [];
}

/// <summary>A stage's per-record work for one batch (hashes, signatures).</summary>
internal abstract class TextSlots
{
    /// <summary>Readies the slots for a batch of <paramref name="count"/> records.</summary>
    public abstract void Reset(int count);
}

/// <summary>What the runner knows of a batch's records on the text-only path: by record index.</summary>
internal sealed class TextRecords(int capacity)
{
    public int Capacity { get; } = capacity;

    public int Count { get; private set; }

    public Rejection?[] Rejections { get; } = new Rejection?[capacity];

    public string?[] Ids { get; } = new string?[capacity];

    public int[] TextLengths { get; } = new int[capacity];

    public long[] InputBytes { get; } = new long[capacity];

    public long[] Ordinals { get; } = new long[capacity];

    /// <summary>In a run that writes documents: the text's token count (0 without a tokenizer).</summary>
    public int[] Tokens { get; } = new int[capacity];

    /// <summary>In a run that writes documents: where the record takes the members a written document adds, or -1 (see <c>RecordParser.SpliceOffset</c>).</summary>
    public int[] SpliceAt { get; } = new int[capacity];

    /// <summary>Records a stage removed while deciding: the stages after it never see them.</summary>
    public bool[] Removed { get; } = new bool[capacity];

    /// <summary>Clears what is not always overwritten, for <paramref name="count"/> records.</summary>
    public void Reset(int count)
    {
        Count = count;
        Array.Clear(Rejections, 0, count);
        Array.Clear(Ids, 0, count);
        Array.Clear(Removed, 0, count);
    }
}
