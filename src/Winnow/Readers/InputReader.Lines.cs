using System.Buffers;
using Winnow.Documents;
using Winnow.IO;

namespace Winnow.Readers;

internal sealed partial class InputReader
{
    /// <summary>The lines of <paramref name="file"/>, or of <paramref name="opened"/> when it is already open (standard input).</summary>
    private IEnumerable<RecordBatch> ReadLines(InputFile file, Stream? opened = null)
    {
        Stream? stream = opened;
        Exception? openError = null;
        try
        {
            stream ??= file.IsSlice ? SliceStream.Open(file.Path, file.SliceStart, file.SliceEnd) : InputStreams.Open(file, _standardInput);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            openError = e;
        }

        if (stream is null)
        {
            AddRejection(file, 0, RejectionReasons.ReadError, Describe(openError!), 0);
            yield break;
        }

        using (stream)
        {
            foreach (var full in SplitLines(file, stream))
            {
                yield return full;
            }
        }
    }

    /// <summary>
    /// Splits a stream into lines without holding more than one record's bytes: a line longer
    /// than the size limit is counted and skipped, never buffered whole.
    /// </summary>
    private IEnumerable<RecordBatch> SplitLines(InputFile file, Stream stream)
    {
        var max = _options.MaxDocumentBytes;
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        int start = 0, end = 0;
        long line = file.FirstLine, skipping = -1, records = 0, totalBytes = 0;
        try
        {
            while (true)
            {
                var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
                if (newline >= 0)
                {
                    var lineEnd = start + newline;
                    var full = TakeIfFull(newline);
                    if (full is not null)
                    {
                        yield return full;
                    }

                    if (skipping >= 0)
                    {
                        AddTooLarge(file, line, skipping + newline);
                        skipping = -1;
                        records++;
                    }
                    else if (EmitLine(file, line, buffer.AsSpan(start, newline)))
                    {
                        records++;
                    }

                    start = lineEnd + 1;
                    line++;
                    continue;
                }

                if (skipping >= 0)
                {
                    skipping += end - start;
                    start = end = 0;
                }
                else if (end - start > max)
                {
                    skipping = end - start;
                    start = end = 0;
                }
                else
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    start = 0;
                    if (end == buffer.Length)
                    {
                        var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, max + 2));
                        buffer.AsSpan(0, end).CopyTo(bigger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = bigger;
                    }
                }

                int read;
                try
                {
                    read = stream.Read(buffer, end, buffer.Length - end);
                }
                catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
                {
                    // What was read of the broken line is part of the damage; earlier lines stand.
                    var partial = skipping >= 0 ? skipping : end - start;
                    AddRejection(file, line, ReasonFor(e), Describe(e), partial);
                    records++;
                    break;
                }

                totalBytes += read;
                Position = _bytesBefore + OnDiskPosition(stream, totalBytes);
                if (read == 0)
                {
                    var full = TakeIfFull(end - start);
                    if (full is not null)
                    {
                        yield return full;
                    }

                    if (skipping >= 0)
                    {
                        AddTooLarge(file, line, skipping);
                        records++;
                    }
                    else if (end > start && EmitLine(file, line, buffer.AsSpan(start, end - start)))
                    {
                        records++;
                    }

                    break;
                }

                end += read;
            }

            if (records == 0 && !file.IsSlice)
            {
                var what = totalBytes == 0 ? "empty file" : "no records: the file holds only blank lines";
                AddRejection(file, 0, RejectionReasons.EmptyFile, what, totalBytes);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>How far into the file on disk the reader is: compressed bytes for gzip.</summary>
    private static long OnDiskPosition(Stream stream, long decompressed) => stream switch
    {
        GzipReadStream gzip => gzip.CompressedPosition,
        StrictDecoderStream decoder => decoder.CompressedPosition,
        FileStream file => file.Position,
        _ => decompressed,
    };

    /// <summary>Adds a line as a record; false for a blank line, which is counted, not kept.</summary>
    private bool EmitLine(InputFile file, long line, ReadOnlySpan<byte> bytes)
    {
        if (!bytes.IsEmpty && bytes[^1] == (byte)'\r')
        {
            bytes = bytes[..^1];
        }

        // A byte-order mark is encoding, not data: editors on Windows put one before the first record.
        if (line == 1 && file.SliceStart == 0 && bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        if (bytes.Trim(" \t"u8).IsEmpty)
        {
            BlankLines++;
            return false;
        }

        AddRecord(file, line, bytes);
        return true;
    }

    private void AddTooLarge(InputFile file, long line, long bytes) =>
        AddRejection(file, line, RejectionReasons.TooLarge,
            $"record of {bytes:N0} bytes is over the limit of {_options.MaxDocumentBytes:N0} (raise --max-doc-bytes to read it)",
            bytes);
}
