using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using Winnow.Documents;
using Winnow.Readers;
using Winnow.Writers;

namespace Winnow.Pipeline;

/// <summary>
/// One thread's share of a batch, serialized: kept, removed and rejected records each in one
/// buffer with their lengths, so that writing in order is a series of copies.
/// </summary>
internal sealed class SerializedChunk
{
    private readonly Part _kept = new();
    private readonly Part _removed = new();
    private readonly Part _rejected = new();

    /// <summary>
    /// Serializes a batch into <paramref name="set"/> in parallel, one chunk per slice of records:
    /// rejections as such, documents through <paramref name="addDocument"/>, each slice first through
    /// <paramref name="prepare"/> (its from and to) when given. Returns the chunks used.
    /// </summary>
    public static int Fill(
        List<SerializedChunk> set,
        RecordBatch batch,
        Document?[] documents,
        Rejection?[] rejections,
        ParallelOptions parallel,
        Action<int, int>? prepare,
        Action<SerializedChunk, Document> addDocument)
    {
        var count = documents.Length;
        var chunks = Provide(set, count, parallel);

        ParallelChunks.For(count, parallel, (c, from, to) =>
        {
            prepare?.Invoke(from, to);
            var chunk = set[c];
            chunk.Clear();
            for (var i = from; i < to; i++)
            {
                if (documents[i] is { } document)
                {
                    addDocument(chunk, document);
                }
                else
                {
                    chunk.Add(rejections[i]!, batch.Bytes(batch.Records[i]));
                }
            }
        });
        return chunks;
    }

    /// <summary>Grows <paramref name="set"/> to the chunks <see cref="ParallelChunks"/> cuts <paramref name="count"/> records into; returns that count.</summary>
    public static int Provide(List<SerializedChunk> set, int count, ParallelOptions parallel)
    {
        var chunks = ParallelChunks.ChunkCount(count, parallel);
        while (set.Count < chunks)
        {
            set.Add(new SerializedChunk());
        }

        return chunks;
    }

    public void Clear()
    {
        _kept.Clear();
        _removed.Clear();
        _rejected.Clear();
    }

    public void Add(Document document, bool spillSurvivors)
    {
        if (document.IsRemoved)
        {
            DocumentJson.Write(_removed.Start(), document);
            _removed.End();
        }
        else if (!spillSurvivors && !document.UnchangedRecord.IsEmpty)
        {
            // Read back from a spill and unchanged since: its record is the one written there.
            _kept.AddRecord(document.UnchangedRecord.Span);
        }
        else
        {
            var writer = _kept.Start();
            if (spillSurvivors)
            {
                DocumentJson.WriteSpill(writer, document);
            }
            else
            {
                DocumentJson.Write(writer, document);
            }

            _kept.End();
        }
    }

    /// <summary>
    /// A record copied from its input, which is the record <see cref="DocumentJson.Write(Utf8JsonWriter, Document)"/>
    /// would write but for the members it adds (<see cref="DocumentJson.WriteAddedMembers"/>, in
    /// <paramref name="added"/>): the source set in at <paramref name="at"/> (where the input's
    /// metadata starts, or its closing brace), the removal, if any, before the closing brace.
    /// </summary>
    public void AddSpliced(ReadOnlySpan<byte> record, int at, ReadOnlySpan<byte> added, int removedAt)
    {
        var source = added[1..removedAt];
        var removal = added[removedAt..^1];
        (removal.IsEmpty ? _kept : _removed).AddSpliced(record, at, source, removal);
    }

    /// <summary>A survivor's spill record without its text: enough for a later pass to decide and count it.</summary>
    public void AddSkeleton(Document document)
    {
        DocumentJson.WriteSkeleton(_kept.Start(), document);
        _kept.End();
    }

    public void Add(Rejection rejection, ReadOnlySpan<byte> record)
    {
        DocumentJson.Write(_rejected.Start(), rejection, record);
        _rejected.End();
    }

    public void WriteTo(RecordSink kept, RecordSink removed, RecordSink rejected)
    {
        _kept.WriteTo(kept);
        _removed.WriteTo(removed);
        _rejected.WriteTo(rejected);
    }

    private sealed class Part
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(1 << 16);
        private readonly List<int> _ends = [];
        private readonly Utf8JsonWriter _writer;

        public Part() => _writer = new Utf8JsonWriter(_buffer, DocumentJson.WriterOptions);

        public void Clear()
        {
            _buffer.ResetWrittenCount();
            _ends.Clear();
        }

        public Utf8JsonWriter Start()
        {
            _writer.Reset(_buffer);
            return _writer;
        }

        public void End()
        {
            _writer.Flush();
            _buffer.Write("\n"u8);
            _ends.Add(_buffer.WrittenCount);
        }

        /// <summary>Adds a record as "{" and its members from <paramref name="members"/> (through the closing brace).</summary>
        public void AddRecord(ReadOnlySpan<byte> members)
        {
            var span = _buffer.GetSpan(members.Length + 2);
            span[0] = (byte)'{';
            members.CopyTo(span[1..]);
            span[members.Length + 1] = (byte)'\n';
            _buffer.Advance(members.Length + 2);
            _ends.Add(_buffer.WrittenCount);
        }

        /// <summary>See <see cref="SerializedChunk.AddSpliced"/>: <paramref name="removal"/> starts with its comma.</summary>
        public void AddSpliced(ReadOnlySpan<byte> record, int at, ReadOnlySpan<byte> source, ReadOnlySpan<byte> removal)
        {
            var length = record.Length + 1 + source.Length + removal.Length + 1;
            var span = _buffer.GetSpan(length);
            record[..at].CopyTo(span);
            var o = at;
            span[o++] = (byte)',';
            source.CopyTo(span[o..]);
            o += source.Length;
            record[at..^1].CopyTo(span[o..]);
            o += record.Length - 1 - at;
            removal.CopyTo(span[o..]);
            o += removal.Length;
            span[o++] = (byte)'}';
            span[o++] = (byte)'\n';
            _buffer.Advance(o);
            _ends.Add(_buffer.WrittenCount);
        }

        public void WriteTo(RecordSink writer)
        {
            writer.Write(_buffer.WrittenSpan, CollectionsMarshal.AsSpan(_ends));
        }
    }
}
