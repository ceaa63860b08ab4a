using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using Winnow.Documents;
using Winnow.IO;
using Winnow.Readers;
using Winnow.Stats;
using Winnow.Writers;

namespace Winnow.Pipeline;

/// <summary>
/// The text-only path of a run that writes documents (<c>winnow dedup</c> on JSONL files): the
/// first read decides as the text-only path does, counts each text's tokens and writes what the
/// stages before the last remove; the last stage resolves; then the input is read a second time
/// and each record the last stage took is written to documents/ or removed/. No spill: the
/// stage loop's path writes every survivor (the whole corpus, less its exact duplicates) to a
/// spill and reads it back, and parses and serializes each record on the way.
/// </summary>
/// <remarks>
/// A record in the form the writer itself gives (<see cref="RecordParser"/>'s splice offset:
/// members in the writer's order, no white space between tokens, nothing the writer would escape
/// otherwise) is written as its own bytes with <c>source</c> (and <c>removed</c>) set in; any other
/// is parsed and serialized as the stage loop does. The output is byte for byte the stage loop's
/// (tested), whatever the thread count. What the first read leaves for the second: 16 bytes a
/// record in a work file (<see cref="Fate"/>). Each record's size is checked on the second read:
/// a file changed in between stops the run.
/// </remarks>
internal sealed partial class PipelineRunner
{
    /// <summary>Writes one record of <paramref name="batch"/> as a document: copied with the added members set in where it can be, else parsed and serialized.</summary>
    private static void AddRecord(SerializedChunk chunk, AddedMembers added, RecordParser parser, RecordBatch batch, int i, int spliceAt, Removal? removal)
    {
        var record = batch.Records[i];
        if (spliceAt >= 0)
        {
            var removedAt = DocumentJson.WriteAddedMembers(added.Writer, added.Buffer, new DocumentSource(record.File.Name, record.Line), removal);
            chunk.AddSpliced(batch.Bytes(record), spliceAt, added.Buffer.WrittenSpan, removedAt);
            return;
        }

        var (document, _) = parser.Parse(record, batch.Memory(record));
        if (document is null)
        {
            throw Changed(record);
        }

        if (removal is not null)
        {
            document.Remove(removal);
        }

        chunk.Add(document, spillSurvivors: false);
    }

    /// <summary>Each record's fate, in input order: what the second read needs of those the last stage took.</summary>
    private static void WriteFates(BinaryWriter fates, TextRecords records)
    {
        Span<Fate> one = stackalloc Fate[1];
        for (var i = 0; i < records.Count; i++)
        {
            one[0] = records.Rejections[i] is null && !records.Removed[i]
                ? new Fate(records.SpliceAt[i], checked((int)records.InputBytes[i]), records.Tokens[i])
                : new Fate(Fate.Done, 0, 0);
            fates.Write(MemoryMarshal.AsBytes(one));
        }
    }

    /// <summary>
    /// The second read: every record the last stage took, in input order, to documents/ or (with
    /// the stage's removal) to removed/, counted as it goes.
    /// </summary>
    private void WriteFromInput(
        TextOnlyRun last, RecordParser parser, IReadOnlyList<InputFile> inputs, NodeInfo[] asSeen, string fatesPath, StageTally tally, RunOutput output, long totalBytes)
    {
        for (var f = 0; f < inputs.Count; f++)
        {
            if (FileSystemNode.Stat(inputs[f].Path) != asSeen[f])
            {
                throw new InvalidDataException(
                    $"{FileSystemNode.Display(inputs[f].Path)}: changed while winnow was running (documents are written from a second read of the input); leave input files unchanged until the run ends");
            }
        }

        _phase = "writing documents";
        ReportProgress(0, totalBytes, force: true);
        var reader = new InputReader(inputs, _options.Reader, _options.StandardInput);
        var added = new AddedMembers?[_parallel.MaxDegreeOfParallelism * 4];
        using var fates = new FileStream(fatesPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var removals = last.Removals.GetEnumerator();
        var next = removals.MoveNext() ? removals.Current : (Index: uint.MaxValue, Removal: null!);
        var taken = 0u;
        var entries = Array.Empty<Fate>();
        var removalOf = Array.Empty<Removal?>();
        Consume(reader.ReadBatches(_cancellationToken), batch =>
        {
            var records = batch.Records;
            var count = records.Count;
            if (entries.Length < count)
            {
                entries = new Fate[count];
                removalOf = new Removal?[count];
            }

            if (fates.Length - fates.Position < (long)count * Marshal.SizeOf<Fate>())
            {
                throw MoreRecords();
            }

            fates.ReadExactly(MemoryMarshal.AsBytes(entries.AsSpan(0, count)));

            // In input order: which are removed, and the counts.
            for (var i = 0; i < count; i++)
            {
                removalOf[i] = null;
                var fate = entries[i];
                if (fate.SpliceAt == Fate.Done)
                {
                    continue;
                }

                var record = records[i];
                if (record.Rejection is not null || record.Length != fate.Bytes)
                {
                    throw Changed(record);
                }

                if (taken++ == next.Index)
                {
                    removalOf[i] = next.Removal;
                    _stats.CountRemoved(next.Removal.Reason, fate.Bytes, fate.Tokens);
                    tally.Removed = tally.Removed.Add(fate.Bytes);
                    next = removals.MoveNext() ? removals.Current : (uint.MaxValue, null!);
                }
                else
                {
                    _stats.CountKept(fate.Bytes, fate.Tokens);
                }
            }

            var set = output.RentChunks();
            var chunks = SerializedChunk.Provide(set, count, _parallel);

            ParallelChunks.For(count, _parallel, (c, from, to) =>
            {
                var chunk = set[c];
                chunk.Clear();
                var members = added[c] ??= new AddedMembers();
                for (var i = from; i < to; i++)
                {
                    if (entries[i].SpliceAt != Fate.Done)
                    {
                        AddRecord(chunk, members, parser, batch, i, entries[i].SpliceAt, removalOf[i]);
                    }
                }
            });
            output.CommitChunks(set, chunks);
            ReportProgress(batch.InputPosition, totalBytes, force: false);
        });
        output.Flush();
        if (fates.Position != fates.Length || next.Index != uint.MaxValue)
        {
            throw MoreRecords();
        }
    }

    private static InvalidDataException MoreRecords() =>
        new("the input holds other records than when it was first read (documents are written from a second read of the input); leave input files unchanged until the run ends");

    private static InvalidDataException Changed(in RawRecord record) =>
        new($"{record.File.Name}:{record.Line}: the record is not what it was when first read (documents are written from a second read of the input); leave input files unchanged until the run ends");

    /// <summary>What the first read leaves for the second, per record: 16 bytes.</summary>
    /// <param name="SpliceAt">Where the record takes the added members, -1 when it is parsed and serialized instead, <see cref="Done"/> when it is not the last stage's (rejected, or removed before it).</param>
    /// <param name="Bytes">The record's size, checked on the second read.</param>
    /// <param name="Tokens">Its text's tokens.</param>
    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct Fate(int SpliceAt, int Bytes, long Tokens)
    {
        public const int Done = -2;
    }

    /// <summary>One thread's writer for the members a copied record gets (<see cref="DocumentJson.WriteAddedMembers"/>).</summary>
    private sealed class AddedMembers
    {
        public ArrayBufferWriter<byte> Buffer { get; } = new(256);

        public Utf8JsonWriter Writer { get; }

        public AddedMembers() => Writer = new Utf8JsonWriter(Buffer, DocumentJson.WriterOptions);
    }
}
