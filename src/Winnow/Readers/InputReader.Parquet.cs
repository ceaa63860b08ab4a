using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Parquet;
using Parquet.Schema;
using Winnow.Documents;
using Winnow.IO;
using Winnow.Writers;

namespace Winnow.Readers;

internal sealed partial class InputReader
{
    /// <summary>The largest row group read (uncompressed, as the file states it): a row group is decoded whole.</summary>
    internal const long MaxRowGroupBytes = 2L << 30;

    private static readonly ParquetOptions ParquetReadOptions = UntypedAsClrTypes();

    /// <summary>Rows come as strings and byte arrays rather than memory slices (Parquet.Net's switches for this are process-wide).</summary>
    private static ParquetOptions UntypedAsClrTypes()
    {
        ParquetOptions.PreferUntypedString = true;
        ParquetOptions.PreferUntypedByteArray = true;
        return new ParquetOptions();
    }

    /// <summary>
    /// Reads a Parquet file one row group at a time, each row as the JSON object of its columns
    /// (<see cref="RowJson"/>), so the JSONL parser makes it a document: memory holds one row
    /// group. A file whose footer cannot be read is one rejection; a row group that cannot be
    /// decoded is one rejection naming it, and reading goes on with the next.
    /// </summary>
    private IEnumerable<RecordBatch> ReadParquet(InputFile file)
    {
        FileStream? stream = null;
        ParquetReader? reader = null;
        IReadOnlyList<Field>? fields = null;
        string? problem = null;
        var reason = RejectionReasons.CorruptParquet;
        try
        {
            stream = FileSystemNode.OpenRead(file.Path, 1 << 16, FileOptions.RandomAccess);
            if (!stream.CanSeek)
            {
                // A named pipe: the footer, which says where everything is, comes last.
                stream.Dispose();
                AddRejection(file, 0, RejectionReasons.UnsupportedFormat,
                    "a Parquet file cannot be read from a pipe (its footer, read first, is at the end); save it to a file and give that", 0);
                yield break;
            }

            problem = ParquetFooterGuard.Check(stream);
            if (problem is null)
            {
                reader = ParquetReader.CreateAsync(stream, ParquetReadOptions, leaveStreamOpen: true).GetAwaiter().GetResult();

                // The library builds the schema from the footer on first use: a column type it
                // does not know (float16, a type code from a later format version) or a malformed
                // map or list throws here, and must be this file's rejection, not the run's end.
                fields = reader.Schema.Fields;
            }
        }
        catch (NotSupportedException e)
        {
            reason = RejectionReasons.UnsupportedFormat;
            problem = $"a column the Parquet reader cannot read ({e.Message}); convert or drop that column";
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            problem = e.Message;
        }

        if (reader is null || fields is null)
        {
            if (reader is not null)
            {
                reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            stream?.Dispose();
            RejectUnopened(file, reason, "Parquet", problem);
            yield break;
        }

        var scratch = new ArrayBufferWriter<byte>(1 << 16);
        using var json = new Utf8JsonWriter(scratch, DocumentJson.WriterOptions);
        var flat = ParquetColumns.CanRead(fields);
        var groups = reader.RowGroupCount;
        var rows = 0L;
        try
        {
            for (var g = 0; g < groups; g++)
            {
                var group = reader.Metadata!.RowGroups[g];
                var compressed = group.TotalCompressedSize ?? 0;
                IList<Dictionary<string, object>>? data = null;
                problem = null;
                if (group.NumRows < 0 || group.NumRows > int.MaxValue || group.TotalByteSize > MaxRowGroupBytes)
                {
                    problem = $"{group.NumRows:N0} rows, {group.TotalByteSize:N0} bytes: over the limit of {MaxRowGroupBytes:N0} bytes a row group";
                }
                else
                {
                    try
                    {
                        data = ParquetColumns.ReadRows(reader, stream!, g, fields, flat, ParquetReadOptions);
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        problem = OneLine(e.Message);
                    }
                }

                if (data is null)
                {
                    var full = TakeIfFull(0);
                    if (full is not null)
                    {
                        yield return full;
                    }

                    var first = rows + 1;
                    AddRejection(file, first, RejectionReasons.CorruptParquet,
                        string.Create(CultureInfo.InvariantCulture, $"row group {g} of {groups} (rows {first:N0}-{rows + group.NumRows:N0}) cannot be read: {problem}"),
                        Math.Max(0, compressed));
                    rows += Math.Max(0, group.NumRows);
                    continue;
                }

                foreach (var row in data)
                {
                    rows++;
                    scratch.ResetWrittenCount();
                    json.Reset(scratch);
                    RowJson.WriteRow(json, fields, row!, _options);
                    json.Flush();
                    var full = TakeIfFull(scratch.WrittenCount);
                    if (full is not null)
                    {
                        yield return full;
                    }

                    if (scratch.WrittenCount > _options.MaxDocumentBytes)
                    {
                        AddTooLarge(file, rows, scratch.WrittenCount);
                    }
                    else
                    {
                        AddRecord(file, rows, scratch.WrittenSpan);
                    }
                }

                Position = _bytesBefore + Math.Min(Math.Max(0, file.Length), (group.FileOffset ?? 0) + compressed);
            }

            if (rows == 0)
            {
                AddRejection(file, 0, RejectionReasons.EmptyFile, "no rows: the Parquet file holds none", Math.Max(0, file.Length));
            }
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
            stream!.Dispose();
        }
    }

    private static string OneLine(string? message) => (message ?? "").ReplaceLineEndings(" ");

    /// <summary>A table file (Parquet, Arrow) that cannot be opened: empty, or not of its <paramref name="format"/>.</summary>
    private void RejectUnopened(InputFile file, string corruptReason, string format, string? problem)
    {
        var empty = file.Length == 0;
        AddRejection(file, 0, empty ? RejectionReasons.EmptyFile : corruptReason,
            empty ? "empty file" : $"not a readable {format} file: {OneLine(problem)}", Math.Max(0, file.Length));
    }
}
