namespace Winnow.Readers;

/// <summary>Turns the paths a user gives into the ordered list of files a run reads.</summary>
/// <remarks>
/// Folders are walked recursively and sorted by ordinal name so that the input order, and with it
/// every "first seen" decision, is the same on every machine.
/// </remarks>
public static class InputSet
{
    private static readonly string[] WarcSuffixes = [".warc", ".warc.gz", ".arc", ".arc.gz"];
    private static readonly string[] JsonlSuffixes = [".jsonl", ".ndjson", ".json", ".jsonl.gz", ".ndjson.gz", ".json.gz"];
    private static readonly string[] WholeFileSuffixes = [".txt", ".md", ".markdown", ".html", ".htm", ".txt.gz", ".md.gz", ".html.gz", ".htm.gz"];

    /// <summary>Expands files, folders and "-" into input files, in a stable order.</summary>
    /// <param name="paths">Files, folders, or "-" for standard input (read as JSONL).</param>
    /// <param name="glob">Optional pattern on the relative path inside folders, e.g. "**/*.md".</param>
    /// <exception cref="ArgumentException">A path that does not exist or has an unknown type.</exception>
    public static IReadOnlyList<InputFile> Expand(IEnumerable<string> paths, string? glob = null)
    {
        var matcher = glob is null ? null : new GlobMatcher(glob);
        var files = new List<InputFile>();
        foreach (var path in paths)
        {
            if (path == InputFile.StandardInput)
            {
                files.Add(new InputFile(path, path, InputKind.Jsonl, -1));
            }
            else if (Directory.Exists(path))
            {
                AddFolder(path, matcher, files);
            }
            else if (File.Exists(path))
            {
                var kind = KindOf(path) ?? throw new ArgumentException(
                    $"{path}: unknown input type; use .jsonl, .jsonl.gz, .json.gz, .txt, .md, .html or .warc(.gz) (or a folder of them)");
                files.Add(new InputFile(path, Path.GetFileName(path), kind, new FileInfo(path).Length));
            }
            else
            {
                throw new ArgumentException($"{path}: no such file or folder");
            }
        }

        return files;
    }

    /// <summary>The kind of a file by its name, or null when Winnow does not read it.</summary>
    public static InputKind? KindOf(string fileName)
    {
        // ARC goes to the WARC reader too, which rejects it with a message rather than leave it unread in silence.
        if (WarcSuffixes.Any(s => fileName.EndsWith(s, StringComparison.OrdinalIgnoreCase)))
        {
            return InputKind.Warc;
        }

        if (JsonlSuffixes.Any(s => fileName.EndsWith(s, StringComparison.OrdinalIgnoreCase)))
        {
            return InputKind.Jsonl;
        }

        return WholeFileSuffixes.Any(s => fileName.EndsWith(s, StringComparison.OrdinalIgnoreCase))
            ? InputKind.WholeFile
            : null;
    }

    private static void AddFolder(string folder, GlobMatcher? matcher, List<InputFile> files)
    {
        var found = new List<(string Name, string Path)>();
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetRelativePath(folder, path).Replace('\\', '/');
            var matches = matcher?.IsMatch(name) ?? KindOf(name) is not null;
            if (matches)
            {
                found.Add((name, path));
            }
        }

        found.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var (name, path) in found)
        {
            // A glob may select files of any name; they are read as whole-file documents.
            var kind = KindOf(name) ?? InputKind.WholeFile;
            files.Add(new InputFile(path, name, kind, new FileInfo(path).Length));
        }
    }
}
