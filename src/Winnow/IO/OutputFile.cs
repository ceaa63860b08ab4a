namespace Winnow.IO;

/// <summary>
/// A file a command writes (extract's JSONL, synth's corpus, a report): refused when it exists,
/// unless the user asks to replace it, and always when it is one of the command's inputs; written
/// under a temporary name beside it and moved into place only when complete, so a failed command
/// never leaves a half file or truncates the one it was to replace.
/// </summary>
/// <remarks>Not thread-safe.</remarks>
internal sealed class OutputFile : IDisposable
{
    private readonly string _temp;
    private bool _committed;

    private OutputFile(string path, string temp, FileStream stream)
    {
        Path = path;
        _temp = temp;
        Stream = stream;
    }

    /// <summary>Where the file goes.</summary>
    public string Path { get; }

    /// <summary>The stream to write; closed by <see cref="Commit"/>.</summary>
    public FileStream Stream { get; }

    /// <summary>Checks that <paramref name="path"/> may be written and opens its temporary file.</summary>
    /// <exception cref="ArgumentException">The file exists and <paramref name="overwrite"/> is false, or it is an input.</exception>
    public static OutputFile Create(string path, bool overwrite, IEnumerable<string> inputs)
    {
        Check(path, overwrite, inputs);
        var full = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temp = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        return new OutputFile(full, temp, FileWrites.CreateNew(temp, bufferSize: 1 << 16));
    }

    /// <summary>The checks of <see cref="Create"/> alone, for a command that writes the file by other means.</summary>
    public static void Check(string path, bool overwrite, IEnumerable<string> inputs)
    {
        var target = FileSystemNode.Stat(path);
        if (target.Kind == NodeKind.Folder)
        {
            throw new ArgumentException($"{path}: is a folder; --out names a file here");
        }

        if (target.Kind != NodeKind.Missing && target.Kind != NodeKind.BrokenLink)
        {
            var real = FileSystemNode.RealPath(path);
            foreach (var input in inputs.Where(i => i != "-"))
            {
                var node = FileSystemNode.Stat(input);
                if (FileSystemNode.RealPath(input) == real || (node.Id != default && node.Id == target.Id))
                {
                    throw new ArgumentException($"{path}: this is an input of the command; write the output elsewhere");
                }
            }

            if (!overwrite)
            {
                throw new ArgumentException($"{path}: the file exists; pass --overwrite to replace it");
            }
        }
    }

    /// <summary>Closes the stream and moves the complete file into place.</summary>
    public void Commit()
    {
        Stream.Dispose();
        File.Move(_temp, Path, overwrite: true);
        _committed = true;
    }

    /// <summary>Without <see cref="Commit"/>, removes the temporary file: the target is untouched.</summary>
    public void Dispose()
    {
        Stream.Dispose();
        if (!_committed)
        {
            File.Delete(_temp);
        }
    }
}
