using System.Buffers;
using Winnow.IO;

namespace Winnow.Report;

/// <summary>
/// Reads a JSONL file (plain or gzip) in blocks of whole lines, so that the lines of one block can
/// be parsed on another thread while the next block is read. Each block's buffer is rented from
/// <see cref="ArrayPool{T}.Shared"/>; whoever takes a block returns it.
/// </summary>
/// <remarks>Memory: one block being read, plus the blocks the caller holds. Not thread-safe.</remarks>
internal static class JsonlBlocks
{
    /// <summary>Bytes read per block; a longer line makes a larger block.</summary>
    public const int BlockBytes = 1 << 22;

    /// <summary>The blocks of <paramref name="path"/>: each ends at a line break, except perhaps the last.</summary>
    public static IEnumerable<(byte[] Buffer, int Length)> Read(string path, int blockBytes = BlockBytes)
    {
        using var stream = CompressedInput.Open(path);
        var buffer = ArrayPool<byte>.Shared.Rent(blockBytes);
        var filled = 0;
        while (true)
        {
            if (filled == buffer.Length)
            {
                // A line longer than the buffer: it grows until the line ends.
                var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan(0, filled).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = bigger;
            }

            // Up to the block size, or on to the buffer's end while no line break has come.
            var room = filled < blockBytes ? blockBytes - filled : buffer.Length - filled;
            var read = stream.Read(buffer, filled, Math.Min(room, buffer.Length - filled));
            if (read == 0)
            {
                if (filled > 0)
                {
                    yield return (buffer, filled);
                }
                else
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }

                yield break;
            }

            filled += read;
            var end = filled < blockBytes ? 0 : buffer.AsSpan(0, filled).LastIndexOf((byte)'\n') + 1;
            if (end == 0)
            {
                continue; // the block is not full, or holds no whole line yet
            }

            // The block ends after its last line break; the rest starts the next one.
            var rest = filled - end;
            var next = ArrayPool<byte>.Shared.Rent(Math.Max(blockBytes, rest + 1));
            buffer.AsSpan(end, rest).CopyTo(next);
            yield return (buffer, end);
            buffer = next;
            filled = rest;
        }
    }

    /// <summary>The lines of a block as <see cref="JsonlLines"/> gives them: a trailing '\r' cut, blank lines skipped.</summary>
    public static void ForEachLine(ReadOnlySpan<byte> block, Action<int, int> line)
    {
        var start = 0;
        while (start < block.Length)
        {
            var newline = block[start..].IndexOf((byte)'\n');
            var length = newline < 0 ? block.Length - start : newline;
            var span = block.Slice(start, length);
            if (span.Length > 0 && span[^1] == (byte)'\r')
            {
                span = span[..^1];
            }

            if (!span.Trim((byte)' ').IsEmpty)
            {
                line(start, span.Length);
            }

            start += length + 1;
        }
    }
}
