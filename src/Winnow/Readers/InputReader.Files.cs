using Winnow.Documents;

namespace Winnow.Readers;

internal sealed partial class InputReader
{
    /// <summary>Reads a .txt/.md/.html file (gzipped or not) as one record.</summary>
    private IEnumerable<RecordBatch> ReadWholeFile(InputFile file)
    {
        byte[]? bytes = null;
        Rejection? rejection = null;
        try
        {
            bytes = ReadAllBounded(file, _options.MaxDocumentBytes);
            if (bytes is null)
            {
                rejection = TooLarge(file);
            }
            else if (bytes.Length == 0)
            {
                rejection = new Rejection(new DocumentSource(file.Name, 0), RejectionReasons.EmptyFile, "empty file", 0);
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            rejection = new Rejection(new DocumentSource(file.Name, 0), ReasonFor(e), Describe(e), Math.Max(0, file.Length));
        }

        var full = TakeIfFull(bytes?.Length ?? 0);
        if (full is not null)
        {
            yield return full;
        }

        if (rejection is not null)
        {
            _batch.Records.Add(new RawRecord(file, 0, 0, 0, _ordinal++, rejection));
        }
        else
        {
            AddRecord(file, 0, bytes);
        }
    }

    private Rejection TooLarge(InputFile file) => new(
        new DocumentSource(file.Name, 0),
        RejectionReasons.TooLarge,
        $"file of {file.Length:N0} bytes is over the limit of {_options.MaxDocumentBytes:N0} (raise --max-doc-bytes to read it)",
        Math.Max(0, file.Length));

    /// <summary>The file's (decompressed) bytes, or null when they exceed <paramref name="max"/>.</summary>
    private static byte[]? ReadAllBounded(InputFile file, int max)
    {
        using var stream = InputStreams.Open(file, null);
        if (stream is FileStream && file.Length > max)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
