using Winnow.IO;
using Winnow.Readers;

namespace Winnow.Sharding;

/// <summary>Cuts the input into shards and the pipeline into steps: the two axes of a run plan.</summary>
/// <remarks>Thread-safe: stateless.</remarks>
internal static class ShardPlanner
{
    /// <summary>
    /// Input shards of about <paramref name="targetBytes"/>: small files are grouped in input order;
    /// a plain JSONL file larger than the target is cut at line starts (its line numbers are counted
    /// here so that every piece reports the lines a single-process run would). Compressed files, and
    /// files whose records are not lines (a JSON array, indented objects), are never cut. The shards depend on the files and the target only.
    /// </summary>
    public static List<IReadOnlyList<InputFile>> Shards(IReadOnlyList<InputFile> files, long targetBytes)
    {
        var shards = new List<IReadOnlyList<InputFile>>();
        var group = new List<InputFile>();
        long groupBytes = 0;
        void Close()
        {
            if (group.Count > 0)
            {
                shards.Add(group);
                group = [];
                groupBytes = 0;
            }
        }

        foreach (var file in files)
        {
            if (file.Path == InputFile.StandardInput)
            {
                throw new ArgumentException("a sharded run cannot read standard input; give files or folders");
            }

            if (file.Kind == InputKind.Jsonl && file.Length > targetBytes && !CompressedInput.IsCompressed(file.Path))
            {
                Close();
                shards.AddRange(Split(file, targetBytes).Select(piece => (IReadOnlyList<InputFile>)[piece]));
                continue;
            }

            group.Add(file);
            groupBytes += Math.Max(0, file.Length);
            if (groupBytes >= targetBytes)
            {
                Close();
            }
        }

        Close();
        return shards;
    }

    private static List<InputFile> Split(InputFile file, long targetBytes)
    {
        var pieces = new List<InputFile>();
        var buffer = new byte[4 << 20];
        using var stream = FileSystemNode.OpenRead(file.Path, 1);
        long position = 0, lines = 0, start = 0, firstLine = 1, cut = targetBytes;
        var content = false;
        int read;
        while ((read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false)) > 0)
        {
            var block = buffer.AsSpan(0, read);
            if (position == 0 && InputReader.LayoutOf(block) != JsonLayout.Lines)
            {
                return [file]; // a JSON array, or records over lines: only its reader can find them
            }

            content = content || block.IndexOfAnyExcept(" \t\r\n"u8) >= 0;
            if (position + read < cut)
            {
                lines += block.Count((byte)'\n');
            }
            else
            {
                var at = 0;
                int next;
                while ((next = block[at..].IndexOf((byte)'\n')) >= 0)
                {
                    at += next + 1;
                    lines++;
                    var boundary = position + at;
                    if (boundary >= cut && boundary < file.Length)
                    {
                        pieces.Add(file with { SliceStart = start, SliceEnd = boundary, FirstLine = firstLine });
                        start = boundary;
                        firstLine = lines + 1;
                        cut = boundary + targetBytes;
                    }
                }
            }

            position += read;
        }

        // A file of blank lines alone is rejected as holding no record, which only a reader of the
        // whole file can tell: such a file stays one piece.
        if (!content)
        {
            return [file];
        }

        pieces.Add(file with { SliceStart = start, SliceEnd = position, FirstLine = firstLine });
        return pieces;
    }
}
