using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using Apache.Arrow.Compression;
using Apache.Arrow.Ipc;
using Winnow.Documents;
using Winnow.IO;
using Winnow.Writers;
using ArrowRecordBatch = Apache.Arrow.RecordBatch;

namespace Winnow.Readers;

internal sealed partial class InputReader
{
    /// <summary>The largest buffer of a record batch read (a batch is decoded whole).</summary>
    internal const int MaxArrowBufferBytes = 1 << 30;

    /// <summary>The most rows a record batch may say it has (text batches hold thousands; a buffer is at most 1 GiB).</summary>
    internal const int MaxArrowBatchRows = 1 << 26;

    /// <summary>Rows in a row that may fail before the rest of their batch is one rejection.</summary>
    internal const int MaxFailedArrowRows = 100;

    /// <summary>The file format's opening: "ARROW1" and two bytes of padding, then the stream format.</summary>
    private static ReadOnlySpan<byte> ArrowFileMagic => "ARROW1"u8;

    /// <summary>Codecs for record batches whose buffers are LZ4- or zstd-compressed (pyarrow's <c>compression=</c>).</summary>
    private static readonly CompressionCodecFactory ArrowCodecs = new();

    /// <summary>
    /// Reads an Arrow IPC file one record batch at a time, each row as the JSON object of its columns
    /// (<see cref="RowJson"/>), so the JSONL parser makes it a document: memory holds one batch.
    /// Both IPC formats are read front to back: the file format is the stream format between a
    /// magic number and a footer, so a pipe works too. A schema that cannot be read is one
    /// rejection for the file; a batch that cannot be read is one rejection that says where, and
    /// ends the file (the stream format has no index to go on from).
    /// </summary>
    private IEnumerable<RecordBatch> ReadArrow(InputFile file)
    {
        Stream? stream = null;
        ArrowStreamReader? reader = null;
        Apache.Arrow.Schema? schema = null;
        string? problem = null;
        try
        {
            stream = FileSystemNode.OpenRead(file.Path, 1 << 16, FileOptions.SequentialScan);
            var (front, frontLength, refused) = ReadSchemaMessage(stream);
            if (refused is not null)
            {
                problem = refused;
            }
            else
            {
                reader = new ArrowStreamReader(new PrefixedStream(front, frontLength, stream, leaveOpen: true), BoundedArrowAllocator.Instance, ArrowCodecs, leaveOpen: true);
                schema = reader.Schema; // read now, so that a file that is not Arrow is one rejection here
                problem = schema is null ? "no schema where the file starts" : null;
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            problem = e.Message;
        }

        if (reader is null || schema is null)
        {
            Close(reader);
            stream?.Dispose();
            RejectUnopened(file, RejectionReasons.CorruptArrow, "Arrow IPC", problem);
            yield break;
        }

        var scratch = new ArrayBufferWriter<byte>(1 << 16);
        using var json = new Utf8JsonWriter(scratch, DocumentJson.WriterOptions);
        var fields = schema.FieldsList;
        var names = new HashSet<string>(StringComparer.Ordinal);
        var written = Enumerable.Range(0, fields.Count).Where(c => names.Add(fields[c].Name)).ToArray(); // a repeated name keeps its first column
        var columns = new Dictionary<string, object>(StringComparer.Ordinal);
        var rows = 0L;
        var batches = 0;
        try
        {
            while (true)
            {
                ArrowRecordBatch? batch = null;
                problem = null;
                try
                {
                    batch = reader.ReadNextRecordBatch();
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    problem = OneLine(e.Message);
                }

                if (problem is not null)
                {
                    var full = TakeIfFull(0);
                    if (full is not null)
                    {
                        yield return full;
                    }

                    AddRejection(file, rows + 1, RejectionReasons.CorruptArrow,
                        string.Create(CultureInfo.InvariantCulture, $"record batch {batches + 1} (after row {rows:N0}) cannot be read: {problem}; the rest of the file is skipped"),
                        Math.Max(0, file.Length - (stream!.CanSeek ? stream.Position : 0)));
                    break;
                }

                if (batch is null)
                {
                    break;
                }

                using (batch)
                {
                    batches++;
                    var failed = 0;
                    if (batch.Length > MaxArrowBatchRows)
                    {
                        // A damaged length: a batch of a few bytes said two billion rows, each then
                        // one rejection (an exception each), for hours.
                        var full = TakeIfFull(0);
                        if (full is not null)
                        {
                            yield return full;
                        }

                        AddRejection(file, rows + 1, RejectionReasons.CorruptArrow,
                            string.Create(CultureInfo.InvariantCulture, $"record batch {batches} (after row {rows:N0}) says {batch.Length:N0} rows, over the limit of {MaxArrowBatchRows:N0}; the batch is skipped"), 0);
                        rows += batch.Length;
                        continue;
                    }

                    for (var i = 0; i < batch.Length; i++)
                    {
                        rows++;
                        scratch.ResetWrittenCount();
                        json.Reset(scratch);
                        problem = WriteArrowRow(json, fields, written, batch, i, columns);
                        var full = TakeIfFull(scratch.WrittenCount);
                        if (full is not null)
                        {
                            yield return full;
                        }

                        failed = problem is null ? 0 : failed + 1;
                        if (failed == MaxFailedArrowRows && i + 1 < batch.Length)
                        {
                            // So many damaged rows: the batch's buffers are damaged, not a value; the
                            // rest of the batch is one rejection rather than one for each row.
                            AddRejection(file, rows, RejectionReasons.CorruptArrow,
                                string.Create(CultureInfo.InvariantCulture, $"rows {rows:N0}-{rows + batch.Length - i - 1:N0} of record batch {batches} cannot be read ({failed} rows in a row failed; the last: {problem}); the rest of the batch is skipped"), 0);
                            rows += batch.Length - i - 1;
                            break;
                        }

                        if (problem is not null)
                        {
                            AddRejection(file, rows, RejectionReasons.CorruptArrow, $"row {rows:N0} cannot be read: {problem}", 0);
                        }
                        else if (scratch.WrittenCount > _options.MaxDocumentBytes)
                        {
                            AddTooLarge(file, rows, scratch.WrittenCount);
                        }
                        else
                        {
                            AddRecord(file, rows, scratch.WrittenSpan);
                        }
                    }
                }

                Position = _bytesBefore + Math.Min(Math.Max(0, file.Length), stream!.CanSeek ? stream.Position : 0);
            }

            if (rows == 0 && batches == 0 && problem is null)
            {
                AddRejection(file, 0, RejectionReasons.EmptyFile, "no rows: the Arrow file holds no record batch", Math.Max(0, file.Length));
            }
        }
        finally
        {
            Close(reader);
            stream!.Dispose();
        }
    }

    // The reader of a damaged file may throw again when disposed (it reads what it did not yet);
    // the file itself is closed apart, and its rejection is already written.
    private static void Close(ArrowStreamReader? reader)
    {
        try
        {
            reader?.Dispose();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
        }
    }

    /// <summary>
    /// Reads the stream's first message (the schema; after the file format's magic number, which is
    /// dropped) and checks it with <see cref="ArrowSchemaGuard"/>; returns the bytes read, to be
    /// read again before the rest, or why the file is refused. A file too short for the check is
    /// left to the library, which reports it.
    /// </summary>
    private static (byte[] Front, int Length, string? Refused) ReadSchemaMessage(Stream stream)
    {
        var front = new byte[16];
        var got = stream.ReadAtLeast(front, 8, throwOnEndOfStream: false);
        var start = front.AsSpan(0, got).StartsWith(ArrowFileMagic) ? 8 : 0;
        got += stream.ReadAtLeast(front.AsSpan(got), Math.Max(0, start + 8 - got), throwOnEndOfStream: false);
        if (got < start + 8)
        {
            return (front[start..], Math.Max(0, got - start), null);
        }

        // A message is [0xFFFFFFFF] length metadata body; before format 0.15 the marker was absent.
        var first = BinaryPrimitives.ReadInt32LittleEndian(front.AsSpan(start));
        var prefix = first == -1 ? 8 : 4;
        var length = first == -1 ? BinaryPrimitives.ReadInt32LittleEndian(front.AsSpan(start + 4)) : first;
        if (length is < 0 or > ArrowSchemaGuard.MaxMessageBytes)
        {
            return ([], 0, string.Create(CultureInfo.InvariantCulture, $"a schema message of {length:N0} bytes (at most {ArrowSchemaGuard.MaxMessageBytes:N0})"));
        }

        var whole = start + prefix + length;
        if (front.Length < whole)
        {
            Array.Resize(ref front, whole);
        }

        got += stream.ReadAtLeast(front.AsSpan(got), Math.Max(0, whole - got), throwOnEndOfStream: false);
        var refused = got >= whole && length > 0 ? ArrowSchemaGuard.Check(front.AsSpan(start + prefix, length)) : null;
        return (front[start..got], got - start, refused);
    }

    /// <summary>
    /// Refuses a buffer over <see cref="MaxArrowBufferBytes"/>: a record batch states its buffers'
    /// sizes before they are read, and a damaged or hostile file must not make us set aside gigabytes.
    /// </summary>
    private sealed class BoundedArrowAllocator : Apache.Arrow.Memory.NativeMemoryAllocator
    {
        public static readonly BoundedArrowAllocator Instance = new();

        protected override IMemoryOwner<byte> AllocateInternal(int length, out int bytesAllocated) =>
            length <= MaxArrowBufferBytes
                ? base.AllocateInternal(length, out bytesAllocated)
                : throw new InvalidDataException($"a buffer of {length:N0} bytes, over the limit of {MaxArrowBufferBytes:N0}; write the file in smaller record batches");
    }

    // One row as a JSON object; the reason it cannot be read (a damaged dictionary index or offset), or null.
    // String columns, nearly all the bytes of a text dataset, go from the batch's UTF-8 to the JSON
    // without a string between; the row's columns are gathered only when an HTML field needs its charset's.
    private string? WriteArrowRow(Utf8JsonWriter json, IReadOnlyList<Apache.Arrow.Field> fields, int[] written, ArrowRecordBatch batch, int row, Dictionary<string, object> columns)
    {
        try
        {
            columns.Clear();
            if (_options.HtmlField is not null && _options.CharsetField is not null)
            {
                foreach (var c in written)
                {
                    if (ArrowCells.Of(batch.Column(c), row) is { } value)
                    {
                        columns.TryAdd(fields[c].Name, value);
                    }
                }
            }

            json.WriteStartObject();
            foreach (var c in written)
            {
                var name = fields[c].Name;
                var column = batch.Column(c);
                if (column is Apache.Arrow.StringArray or Apache.Arrow.LargeStringArray && name != "metadata")
                {
                    json.WritePropertyName(name);
                    if (column.IsNull(row))
                    {
                        json.WriteNullValue();
                        continue;
                    }

                    var utf8 = column is Apache.Arrow.StringArray s ? s.GetBytes(row) : ((Apache.Arrow.LargeStringArray)column).GetBytes(row);
                    if (System.Text.Unicode.Utf8.IsValid(utf8))
                    {
                        json.WriteStringValue(utf8);
                    }
                    else
                    {
                        json.WriteStringValue(System.Text.Encoding.UTF8.GetString(utf8)); // invalid bytes as U+FFFD, as the library reads them
                    }

                    continue;
                }

                RowJson.WriteColumn(json, name, null, ArrowCells.Of(column, row), columns, _options);
            }

            json.WriteEndObject();
            json.Flush();
            return null;
        }
        catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or InvalidDataException or OverflowException or InvalidCastException)
        {
            json.Reset();
            return OneLine(e.Message);
        }
    }
}
