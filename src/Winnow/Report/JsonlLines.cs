using System.Buffers;
using Winnow.IO;

namespace Winnow.Report;

/// <summary>
/// Reads a JSONL file (plain or gzip) line by line as UTF-8 bytes, without a string per line.
/// The span passed to the callback is valid only during the call.
/// </summary>
/// <remarks>Memory: one pooled buffer as large as the longest line. Not thread-safe.</remarks>
internal static class JsonlLines
{
    public delegate void LineAction(ReadOnlySpan<byte> line);

    public static void ForEach(string path, LineAction action)
    {
        using var stream = CompressedInput.Open(path);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            var filled = 0;
            while (true)
            {
                if (filled == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                var read = stream.Read(buffer, filled, buffer.Length - filled);
                if (read == 0)
                {
                    Emit(buffer.AsSpan(0, filled), action);
                    return;
                }

                filled += read;
                var start = 0;
                int newline;
                while ((newline = buffer.AsSpan(start, filled - start).IndexOf((byte)'\n')) >= 0)
                {
                    Emit(buffer.AsSpan(start, newline), action);
                    start += newline + 1;
                }

                buffer.AsSpan(start, filled - start).CopyTo(buffer);
                filled -= start;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void Emit(ReadOnlySpan<byte> line, LineAction action)
    {
        if (line.Length > 0 && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        if (!line.Trim((byte)' ').IsEmpty)
        {
            action(line);
        }
    }
}
