using System.Buffers;
using System.Text;
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

        // A file that opens a JSON array holds its records as the array's elements, and one whose
        // first object spans lines holds records spread over lines. Only a file's start can tell: a
        // piece of a file cut for a sharded run starts at a line.
        var layout = JsonLayout.Lines;

        // Read as it lies on disk (no decompression, no transcoding, not a pipe, not a slice of a
        // sharded run), its records' places in the file are known, for a reader that needs them again.
        var asOnDisk = opened is null && !file.IsSlice && !file.ReadsLikeStandardInput && stream is FileStream { CanSeek: true };
        if (file.SliceStart == 0)
        {
            PeekHead(ref stream, out layout);
        }

        asOnDisk &= stream is PrefixedStream { Rest: FileStream };
        using (stream)
        {
            foreach (var full in layout == JsonLayout.Lines ? SplitLines(file, stream, asOnDisk) : SplitJsonValues(file, stream, inArray: layout == JsonLayout.Array))
            {
                yield return full;
            }
        }
    }

    /// <summary>How far the start of a JSON file is read to tell its layout when its first value is long (a compact array read on past it is taken for one).</summary>
    internal const int MaxLayoutPeekBytes = 16 << 20;

    /// <summary>
    /// Reads the first bytes of <paramref name="stream"/>, up to the first that is not whitespace
    /// (at most 64 kB), or while a first object or array is open (up to <see cref="MaxLayoutPeekBytes"/>), and replaces it with a
    /// stream that gives them again: how the file lays out its records (<see cref="LayoutOf(ReadOnlySpan{byte}, bool)"/>), from
    /// any stream, a pipe or a decompressor included.
    /// </summary>
    private static void PeekHead(ref Stream stream, out JsonLayout layout)
    {
        // Small to start with: a folder may hold a million small files.
        var head = new byte[4096];
        var length = 0;
        layout = JsonLayout.Lines;
        var wholeFile = false;
        try
        {
            int read;
            while (true)
            {
                if (length == head.Length)
                {
                    if (head.Length >= (OpensValue(head) ? MaxLayoutPeekBytes : 1 << 16))
                    {
                        break;
                    }

                    Array.Resize(ref head, head.Length * 2);
                }

                if ((read = stream.Read(head, length, head.Length - length)) == 0)
                {
                    wholeFile = true;
                    break;
                }

                length += read;

                // An object or an array is read on to where its first value tells the layout: a JSON
                // Lines file whose first line is a long bad record ("[{…}]" of 100 KB, more lines
                // after it) is no array, which only that line's end can tell. Asked when the head is
                // full, so a pipe's small reads do not each scan it again.
                if (HasContent(head.AsSpan(0, length)) || (length == head.Length && OpensValue(head) && Decided(head)))
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            // Left for the line reader, which says what the damage is and where.
            stream = new PrefixedStream(head, length, new FailedStream(stream, e));
            return;
        }

        stream = new PrefixedStream(head, length, stream);
        if (length >= 2 && (head[0], head[1]) is (0xFF, 0xFE) or (0xFE, 0xFF))
        {
            // A UTF-16 byte-order mark (Windows PowerShell's Out-File writes UTF-16): read as the
            // UTF-8 it stands for, its mark becoming UTF-8's, which the readers drop.
            var encoding = head[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            stream = Encoding.CreateTranscodingStream(stream, encoding, new UTF8Encoding(false));
            PeekHead(ref stream, out layout);
            return;
        }

        layout = LayoutOf(head.AsSpan(0, length), wholeFile);

        static bool Decided(ReadOnlySpan<byte> bytes)
        {
            LayoutOf(bytes, wholeFile: false, out var decided);
            return decided;
        }

        // Past a byte-order mark (or what may yet become one), a byte that is not whitespace and
        // opens no object or array (those are read on, OpensValue).
        static bool HasContent(ReadOnlySpan<byte> bytes) => FirstByte(bytes) is >= 0 and not ((byte)'{' or (byte)'[');

        static bool OpensValue(ReadOnlySpan<byte> bytes) => FirstByte(bytes) is (byte)'{' or (byte)'[';

        // The first byte past a byte-order mark and whitespace; -1 when there is none yet.
        static int FirstByte(ReadOnlySpan<byte> bytes)
        {
            if (bytes.StartsWith("\uFEFF"u8))
            {
                bytes = bytes[3..];
            }
            else if (bytes.Length < 3 && "\uFEFF"u8.StartsWith(bytes))
            {
                return -1;
            }

            var first = bytes.IndexOfAnyExcept(" \t\r\n"u8);
            return first < 0 ? -1 : bytes[first];
        }
    }

    /// <summary>A stream whose reading failed: gives the failure again to the next reader, and disposes the stream.</summary>
    private sealed class FailedStream(Stream failed, Exception failure) : ForwardReadStream
    {
        protected override long ReadPosition => 0;

        public override int Read(Span<byte> buffer) => throw failure;

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                failed.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>
    /// Splits a stream into lines without holding more than one record's bytes: a line longer
    /// than the size limit is counted and skipped, never buffered whole. <paramref name="asOnDisk"/>:
    /// the stream gives the file's bytes from its start, so each record's offset in it is noted.
    /// </summary>
    private IEnumerable<RecordBatch> SplitLines(InputFile file, Stream stream, bool asOnDisk = false)
    {
        var max = _options.MaxDocumentBytes;
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        int start = 0, end = 0;
        long bufferAt = 0; // the stream's offset of buffer[0]
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
                        // Without its CR, as a line kept whole is counted.
                        AddTooLarge(file, line, skipping + newline - (newline > 0 && buffer[lineEnd - 1] == (byte)'\r' ? 1 : 0));
                        skipping = -1;
                        records++;
                    }
                    else if (EmitLine(file, line, buffer.AsSpan(start, newline), asOnDisk ? bufferAt + start : -1))
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
                    bufferAt += end;
                    start = end = 0;
                }
                else if (end - start > max)
                {
                    skipping = end - start;
                    bufferAt += end;
                    start = end = 0;
                }
                else
                {
                    end = KeepFrom(ref buffer, start, end, max);
                    bufferAt += start;
                    start = 0;
                }

                var read = ReadMore(stream, buffer, end, out var failure);
                if (failure is not null)
                {
                    // What was read of the broken line is part of the damage; earlier lines stand.
                    var partial = skipping >= 0 ? skipping : end - start;
                    AddRejection(file, line, ReasonFor(failure), Describe(failure), partial);
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
                    else if (end > start && EmitLine(file, line, buffer.AsSpan(start, end - start), asOnDisk ? bufferAt + start : -1))
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

    /// <summary>Reads more after <paramref name="end"/>; a failure is handed back, for the caller to reject with its place.</summary>
    private static int ReadMore(Stream stream, byte[] buffer, int end, out Exception? failure)
    {
        failure = null;
        try
        {
            return stream.Read(buffer, end, buffer.Length - end);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            failure = e;
            return 0;
        }
    }

    /// <summary>
    /// Moves the record begun at <paramref name="start"/> to the buffer's start, and doubles a full
    /// buffer (up to the record limit); returns where the bytes kept end.
    /// </summary>
    private static int KeepFrom(ref byte[] buffer, int start, int end, int max)
    {
        Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
        end -= start;
        if (end == buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, max + 2));
            buffer.AsSpan(0, end).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = bigger;
        }

        return end;
    }

    /// <summary>How far into the file on disk the reader is: compressed bytes for gzip.</summary>
    private static long OnDiskPosition(Stream stream, long decompressed) => stream switch
    {
        PrefixedStream prefixed => OnDiskPosition(prefixed.Rest, decompressed),
        GzipReadStream gzip => gzip.CompressedPosition,
        StrictDecoderStream decoder => decoder.CompressedPosition,
        FileStream { CanSeek: true } file => file.Position,
        _ => decompressed,
    };

    /// <summary>Adds a line as a record; false for a blank line, which is counted, not kept.</summary>
    private bool EmitLine(InputFile file, long line, ReadOnlySpan<byte> bytes, long fileOffset)
    {
        if (!bytes.IsEmpty && bytes[^1] == (byte)'\r')
        {
            bytes = bytes[..^1];
        }

        // A byte-order mark is encoding, not data: editors on Windows put one before the first record.
        if (line == 1 && file.SliceStart == 0 && bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
            fileOffset = fileOffset < 0 ? -1 : fileOffset + 3;
        }

        if (bytes.Trim(" \t"u8).IsEmpty)
        {
            BlankLines++;
            return false;
        }

        // Lines longer than the buffer are skipped while read; a shorter one may still be over a low limit.
        if (bytes.Length > _options.MaxDocumentBytes)
        {
            AddTooLarge(file, line, bytes.Length);
            return true;
        }

        AddRecord(file, line, bytes, fileOffset);
        return true;
    }

    private void AddTooLarge(InputFile file, long line, long bytes) =>
        AddRejection(file, line, RejectionReasons.TooLarge,
            $"record of {bytes:N0} bytes is over the limit of {_options.MaxDocumentBytes:N0} (raise --max-doc-bytes to read it)",
            bytes);
}
