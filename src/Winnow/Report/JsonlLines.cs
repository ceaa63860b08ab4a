using System.Buffers;

namespace Winnow.Report;

/// <summary>
/// Reads a JSONL file (plain or gzip) line by line as UTF-8 bytes, without a string per line.
/// The span passed to the callback is valid only during the call.
/// </summary>
/// <remarks>Memory: one block of <see cref="JsonlBlocks"/> (larger for a longer line). Not thread-safe.</remarks>
internal static class JsonlLines
{
    public delegate void LineAction(ReadOnlySpan<byte> line);

    public static void ForEach(string path, LineAction action)
    {
        foreach (var (buffer, length) in JsonlBlocks.Read(path))
        {
            try
            {
                JsonlBlocks.ForEachLine(buffer.AsSpan(0, length), (start, count) => action(buffer.AsSpan(start, count)));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
