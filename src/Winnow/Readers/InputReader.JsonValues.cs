using System.Buffers;
using Winnow.Documents;
using Winnow.IO;

namespace Winnow.Readers;

internal sealed partial class InputReader
{
    // Outside a string an element's end is one of these; inside one, only a quote or an escape matters.
    private static readonly SearchValues<byte> Structural = SearchValues.Create("\"{}[],"u8);
    private static readonly SearchValues<byte> StringEnd = SearchValues.Create("\"\\"u8);

    /// <summary>
    /// How a file of JSON records lays them out, told from its first bytes (after a byte-order mark
    /// and whitespace): one array (<c>[{"text": …}, …]</c>, what pandas' <c>to_json(orient="records")</c>
    /// and many dataset releases write), objects spread over lines (an indented object a file, as
    /// news crawlers write one article each; or several in a row), or JSON Lines. A head that ends
    /// before it can tell is taken for a long JSONL line.
    /// </summary>
    internal static JsonLayout LayoutOf(ReadOnlySpan<byte> head, bool wholeFile = false) => LayoutOf(head, wholeFile, out _);

    /// <summary>As <see cref="LayoutOf(ReadOnlySpan{byte}, bool)"/>; <paramref name="decided"/> is false when the first value goes on past the head, so that more of the file would tell.</summary>
    internal static JsonLayout LayoutOf(ReadOnlySpan<byte> head, bool wholeFile, out bool decided)
    {
        decided = true;
        if (head.StartsWith("\uFEFF"u8))
        {
            head = head[3..];
        }

        // Strict, so that JSON Lines whose first line is a bad record ("[link](…)", "[{…}]", "{")
        // stay lines, one record each: an array of records opens an object (or closes at once),
        // and a JSON writer that indents puts nothing after an object's opening brace on its line.
        var first = head.IndexOfAnyExcept(" \t\r\n"u8);
        if (first < 0)
        {
            return JsonLayout.Lines;
        }

        var rest = head[(first + 1)..];
        var opening = head[first];
        if (opening == (byte)'[')
        {
            var next = rest.IndexOfAnyExcept(" \t\r\n"u8);
            if (next < 0 || rest[next] is not ((byte)'{' or (byte)']'))
            {
                return JsonLayout.Lines;
            }
        }
        else
        {
            var lineEnd = rest.IndexOf((byte)'\n');
            if (opening != (byte)'{' || lineEnd < 0 || !rest[..lineEnd].Trim(" \t\r"u8).IsEmpty)
            {
                return JsonLayout.Lines;
            }
        }

        // Where the first value closes, and whether a line ends inside it: an array spread over
        // lines is no JSONL record; one on a single line is the whole file only if nothing follows.
        var depth = 0;
        var lineInside = false;
        var strings = default(JsonStrings);
        for (var k = first; k < head.Length; k++)
        {
            var b = head[k];
            if (strings.Take(b))
            {
                continue;
            }

            if (b is (byte)'{' or (byte)'[')
            {
                depth++;
            }
            else if (b is (byte)'}' or (byte)']' && --depth == 0)
            {
                if (b != opening + 2)
                {
                    depth = 1; // a stray closer ('}' among an array's elements): the value goes on
                    continue;
                }

                var layout = opening == (byte)'[' ? JsonLayout.Array : JsonLayout.Values;
                return lineInside || head[(k + 1)..].IndexOfAnyExcept(" \t\r\n"u8) < 0 ? layout : JsonLayout.Lines;
            }
            else if (b == (byte)'\n')
            {
                lineInside = true;
                if (opening == (byte)'[')
                {
                    return JsonLayout.Array;
                }
            }
        }

        // The first value goes on past what was read: long, so a file of records, unless the whole
        // file was read and the value never closes (a bad record of JSON Lines).
        decided = wholeFile;
        return wholeFile ? JsonLayout.Lines : opening == (byte)'[' ? JsonLayout.Array : JsonLayout.Values;
    }

    /// <summary>
    /// The elements of a file that holds one JSON array, or the values of one that holds JSON values
    /// one after another (<paramref name="inArray"/> false), each a record, numbered from 1 in place
    /// of a line (so a record without an id gets <c>FILE:N</c>). Elements are found by a scan of
    /// brackets and strings, without holding more than one element's bytes; the record parser then
    /// reads each, so a malformed one is rejected as a malformed line would be.
    /// </summary>
    private IEnumerable<RecordBatch> SplitJsonValues(InputFile file, Stream stream, bool inArray)
    {
        var max = _options.MaxDocumentBytes;
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        int start = 0, scan = 0, end = 0;
        long number = 1, skipping = -1, records = 0, totalBytes = 0, newlines = 0;
        bool opened = !inArray, closed = false, inElement = false;
        var element = default(ValueEnd);
        try
        {
            while (true)
            {
                // Scan what is buffered: each element found is added as a record.
                while (scan < end)
                {
                    if (!inElement)
                    {
                        var at = buffer.AsSpan(scan, end - scan).IndexOfAnyExcept(" \t\r\n"u8);
                        if (at < 0)
                        {
                            scan = end;
                            break;
                        }

                        scan += at;
                        var c = buffer[scan];
                        if (closed)
                        {
                            // More after the closing bracket: the file is JSON Lines whose first line
                            // happened to be an array (a bad record); the rest is read as lines.
                            var line = newlines + buffer.AsSpan(0, scan).Count((byte)'\n') + 1;
                            var rest = new PrefixedStream(buffer.AsSpan(scan, end - scan).ToArray(), end - scan, stream, leaveOpen: true);
                            foreach (var lines in SplitLines(file with { FirstLine = line }, rest))
                            {
                                yield return lines;
                            }

                            yield break;
                        }

                        if (scan == 0 && totalBytes == end && buffer.AsSpan(0, end).StartsWith("\uFEFF"u8))
                        {
                            scan = 3; // a byte-order mark
                            continue;
                        }

                        if (!opened)
                        {
                            scan++; // the '[' the caller saw (LayoutOf)
                            opened = true;
                            continue;
                        }

                        if (c == (byte)',')
                        {
                            scan++;
                            continue;
                        }

                        if (c == (byte)']' && inArray)
                        {
                            closed = true;
                            scan++;
                            continue;
                        }

                        inElement = true;
                        start = scan;
                        element = default;
                    }

                    // Inside an element: find where it ends.
                    var ended = element.End(buffer.AsSpan(0, end), ref scan, start);
                    if (ended < 0)
                    {
                        break; // the element goes on past what is buffered
                    }

                    var full = TakeIfFull(ended - start);
                    if (full is not null)
                    {
                        yield return full;
                    }

                    if (skipping >= 0)
                    {
                        AddTooLarge(file, number, skipping + ended);
                        skipping = -1;
                    }
                    else
                    {
                        AddElement(file, number, buffer.AsSpan(start, ended - start).TrimEnd(" \t\r\n"u8));
                    }

                    records++;
                    number++;
                    inElement = false;
                }

                // Keep the element begun, if any; drop what was scanned before it (counting its
                // lines, for the lines that may follow the array).
                // An element over the limit is skipped, counted, not kept.
                if (inElement && skipping < 0 && end - start <= max)
                {
                    newlines += buffer.AsSpan(0, start).Count((byte)'\n');
                    scan -= start;
                    end = KeepFrom(ref buffer, start, end, max);
                    start = 0;
                }
                else
                {
                    if (inElement)
                    {
                        skipping = Math.Max(skipping, 0) + end - start;
                    }

                    newlines += buffer.AsSpan(0, end).Count((byte)'\n');
                    start = scan = end = 0;
                }

                var read = ReadMore(stream, buffer, end, out var failure);
                if (failure is not null)
                {
                    AddRejection(file, number, ReasonFor(failure), Describe(failure), skipping >= 0 ? skipping : end - start);
                    records++;
                    yield break;
                }

                totalBytes += read;
                Position = _bytesBefore + OnDiskPosition(stream, totalBytes);
                if (read == 0)
                {
                    break;
                }

                end += read;
            }

            // The file ended: a record cut off, an array never closed, or data after it, each said.
            if (inElement)
            {
                AddRejection(file, number, RejectionReasons.MalformedJson,
                    "the file ends inside this record of its JSON array: it is cut short", skipping >= 0 ? skipping + end : end - start);
                records++;
            }
            else if (inArray && !closed)
            {
                AddRejection(file, number, RejectionReasons.MalformedJson,
                    $"the file ends before its JSON array is closed (after {records:N0} records): it may be cut short", 0);
                records++;
            }

            if (records == 0)
            {
                AddRejection(file, 0, RejectionReasons.EmptyFile, inArray ? "no records: the file holds an empty JSON array" : "empty file", totalBytes);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Adds an element as a record. One spread over lines (an indented array) is made one line, its
    /// whitespace outside strings dropped: a record that nothing changes is written out as the bytes
    /// it was read from, and an output record is one line. Inside a string a line break is not valid
    /// JSON, and is left for the record parser to reject.
    /// </summary>
    private void AddElement(InputFile file, long element, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _options.MaxDocumentBytes)
        {
            AddTooLarge(file, element, bytes.Length);
            return;
        }

        if (bytes.IndexOfAny((byte)'\n', (byte)'\r') < 0)
        {
            AddRecord(file, element, bytes);
            return;
        }

        var compact = ArrayPool<byte>.Shared.Rent(bytes.Length);
        try
        {
            var length = 0;
            var strings = default(JsonStrings);
            foreach (var b in bytes)
            {
                if (strings.Take(b) || b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                {
                    compact[length++] = b;
                }
            }

            AddRecord(file, element, compact.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(compact);
        }
    }

    /// <summary>
    /// Where a JSON value ends, found a piece of the input at a time: an object or array at its
    /// closing bracket, a bare value (a number, a string) before the comma or bracket after it.
    /// Strings are skipped to their closing quote, so brackets and commas in them do not count.
    /// </summary>
    private struct ValueEnd
    {
        private int _depth;
        private bool _inString;
        private bool _escaped;

        /// <summary>
        /// Scans <paramref name="bytes"/> from <paramref name="scan"/> (the value began at
        /// <paramref name="start"/>); returns where the value ends, or -1 when it goes on past them.
        /// </summary>
        public int End(ReadOnlySpan<byte> bytes, ref int scan, int start)
        {
            while (scan < bytes.Length)
            {
                if (_inString)
                {
                    if (_escaped)
                    {
                        _escaped = false;
                        scan++;
                        continue;
                    }

                    var quote = bytes[scan..].IndexOfAny(StringEnd);
                    if (quote < 0)
                    {
                        scan = bytes.Length;
                        return -1;
                    }

                    scan += quote;
                    _escaped = bytes[scan] == (byte)'\\';
                    _inString = _escaped;
                    scan++;
                    continue;
                }

                var next = bytes[scan..].IndexOfAny(Structural);
                if (next < 0)
                {
                    scan = bytes.Length;
                    return -1;
                }

                scan += next;
                var b = bytes[scan];
                if (b == (byte)'"')
                {
                    _inString = true;
                    scan++;
                }
                else if (b is (byte)'{' or (byte)'[')
                {
                    _depth++;
                    scan++;
                }
                else if (_depth > 0 && b == (byte)',')
                {
                    scan++;
                }
                else if (_depth > 0)
                {
                    scan++;
                    if (--_depth == 0)
                    {
                        return scan;
                    }
                }
                else
                {
                    // A comma, or the array's own closing bracket, after a bare value; a stray
                    // closing brace that begins a value is that value (so the scan moves on).
                    scan += scan == start ? 1 : 0;
                    return scan;
                }
            }

            return -1;
        }
    }

    /// <summary>Whether a JSON text, taken a byte at a time, is inside a string.</summary>
    private struct JsonStrings
    {
        private bool _inString;
        private bool _escaped;

        /// <summary>Takes the next byte; true when it belongs to a string, its quotes included.</summary>
        public bool Take(byte b)
        {
            if (!_inString)
            {
                return _inString = b == (byte)'"';
            }

            if (_escaped)
            {
                _escaped = false;
            }
            else if (b == (byte)'\\')
            {
                _escaped = true;
            }
            else if (b == (byte)'"')
            {
                _inString = false;
            }

            return true;
        }
    }
}

/// <summary>How a file of JSON records lays them out (<see cref="InputReader.LayoutOf(ReadOnlySpan{byte}, bool)"/>).</summary>
internal enum JsonLayout
{
    /// <summary>One record a line (JSON Lines).</summary>
    Lines,

    /// <summary>One JSON array of records.</summary>
    Array,

    /// <summary>Records one after another, spread over lines (indented objects).</summary>
    Values,
}
