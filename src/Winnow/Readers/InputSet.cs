using Winnow.IO;

namespace Winnow.Readers;

/// <summary>Turns the paths a user gives into the ordered list of files a run reads.</summary>
/// <remarks>
/// Folders are walked recursively and sorted by ordinal name so that the input order, and with it
/// every "first seen" decision, is the same on every machine. The walk follows symbolic links but
/// enters each folder and reads each file once (by device and inode, so a link loop ends), never
/// opens a FIFO, socket or device, and turns a folder it cannot list into a read error. What it
/// does not read is counted by reason and named (<see cref="InputSelection.Skipped"/>).
/// </remarks>
public static class InputSet
{
    // A file's type is the suffix under an optional compression suffix; the compression itself is
    // recognised by the file's magic bytes when it is read (CompressedInput), whatever its name.
    private static readonly string[] CompressionSuffixes = [".gz", ".zst", ".zstd", ".lz4", ".bz2", ".xz"];
    private static readonly string[] WarcSuffixes = [".warc", ".arc", ".wet"];
    private static readonly string[] JsonlSuffixes = [".jsonl", ".ndjson", ".json"];
    private static readonly string[] WholeFileSuffixes = [".txt", ".md", ".markdown", ".html", ".htm"];

    // Formats of the field that a run cannot read: named in the summary rather than passed over.
    private static readonly string[] UnsupportedSuffixes =
        [".zst", ".zstd", ".bz2", ".xz", ".lz4", ".lzma", ".7z", ".zip", ".tar", ".tgz", ".wat", ".wat.gz", ".avro", ".orc"];

    /// <summary>Expands files, folders and "-" into input files, in a stable order.</summary>
    /// <param name="paths">Files, folders, or "-" for standard input (read as JSONL).</param>
    /// <param name="glob">Optional pattern on the relative path inside folders, e.g. "**/*.md".</param>
    /// <exception cref="ArgumentException">A path that does not exist or has an unknown type, or nothing to read at all.</exception>
    public static InputSelection Expand(IEnumerable<string> paths, string? glob = null)
    {
        var matcher = glob is null ? null : new GlobMatcher(glob);
        var files = new List<InputFile>();
        var skipped = new SortedDictionary<string, SkippedFiles>(StringComparer.Ordinal);
        var notes = new List<string>();
        foreach (var path in paths)
        {
            if (path == InputFile.StandardInput)
            {
                files.Add(new InputFile(path, path, InputKind.Jsonl, -1));
                continue;
            }

            var (kind, length, _, modified) = FileSystemNode.Stat(path);
            switch (kind)
            {
                case NodeKind.Folder:
                    var walk = new FolderWalk(path, matcher);
                    files.AddRange(walk.Files);
                    foreach (var (reason, tally) in walk.Skipped)
                    {
                        skipped[reason] = skipped.TryGetValue(reason, out var before) ? before.Add(tally) : tally;
                    }

                    if (walk.Files.Count == 0)
                    {
                        notes.Add(walk.WhyNothing(glob));
                    }

                    break;
                case NodeKind.File or NodeKind.Special:
                    // A file named on the command line is read as asked, a FIFO included; a FIFO whose
                    // name tells no type (`<(zcat …)` is /dev/fd/63) is told by its first bytes.
                    if (KindOf(path) is null && kind == NodeKind.Special)
                    {
                        files.Add(new InputFile(path, Path.GetFileName(path), InputKind.Jsonl, -1) { TypeFromContent = true, Modified = modified });
                        break;
                    }

                    var type = KindOf(path) ?? throw new ArgumentException(
                        $"{path}: unknown input type; use .jsonl, .json, .txt, .md, .html, .warc, .arc or .wet (plain, .gz, .zst or .lz4), or .parquet or .arrow (or a folder of them){UnsupportedHint(path)}");
                    files.Add(new InputFile(path, Path.GetFileName(path), type, kind == NodeKind.File ? length : -1) { Modified = modified });
                    break;
                case NodeKind.BrokenLink:
                    throw new ArgumentException($"{path}: a symbolic link to a file or folder that does not exist");
                default:
                    throw new ArgumentException(path.Contains('\uFFFD')
                        ? $"{path}: no such file or folder (its name is not valid UTF-8 as given; pass the folder that holds it instead)"
                        : $"{path}: no such file or folder");
            }
        }

        if (files.Count == 0)
        {
            throw new ArgumentException("nothing to read: " + string.Join("; ", notes));
        }

        return new InputSelection(files, skipped, notes);
    }

    /// <summary>The kind of a file by its name, or null when Winnow does not read it.</summary>
    public static InputKind? KindOf(string fileName)
    {
        if (fileName.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
        {
            return InputKind.Parquet;
        }

        if (fileName.EndsWith(".arrow", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".arrows", StringComparison.OrdinalIgnoreCase)
            || fileName.EndsWith(".feather", StringComparison.OrdinalIgnoreCase))
        {
            return InputKind.Arrow;
        }

        var name = fileName.AsSpan();
        foreach (var suffix in CompressionSuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^suffix.Length];
                break;
            }
        }

        // ARC and WET files go to the WARC reader, which tells the three apart by their first bytes.
        foreach (var (suffixes, kind) in new[] { (WarcSuffixes, InputKind.Warc), (JsonlSuffixes, InputKind.Jsonl), (WholeFileSuffixes, InputKind.WholeFile) })
        {
            foreach (var suffix in suffixes)
            {
                if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    return kind;
                }
            }
        }

        return null;
    }

    /// <summary>True for a format of the field that Winnow does not read yet.</summary>
    internal static bool IsUnsupported(string fileName) =>
        UnsupportedSuffixes.Any(s => fileName.EndsWith(s, StringComparison.OrdinalIgnoreCase));

    private static string UnsupportedHint(string path) =>
        IsUnsupported(path) ? " — this compressed or archive format is not read: unpack it first (e.g. unzip, tar -x, lzma -d)" : "";

    /// <summary>The walk of one input folder.</summary>
    private sealed class FolderWalk
    {
        private readonly string _root;
        private readonly GlobMatcher? _matcher;
        private readonly HashSet<(ulong, ulong)> _folders = [];
        private readonly SortedDictionary<string, SkippedFiles> _skipped = new(StringComparer.Ordinal);
        private readonly List<(string Name, string Path, NodeInfo Node)> _found = [];
        private readonly List<InputFile> _unreadable = [];
        private long _entries;

        public FolderWalk(string root, GlobMatcher? matcher)
        {
            _root = root;
            _matcher = matcher;
            _folders.Add(FileSystemNode.Stat(root).Id);
            Walk(root, "");

            // Ordinal order of the relative names; a file reached twice is read under its first name.
            var seen = new HashSet<(ulong, ulong)>();
            var files = new List<InputFile>(_unreadable);
            foreach (var (name, path, node) in _found.OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                if (node.Id != default && !seen.Add(node.Id))
                {
                    Skip(SkippedFileReasons.SameFile, name);
                    continue;
                }

                // A glob may select files of any name; they are read as whole-file documents.
                files.Add(new InputFile(path, name, KindOf(name) ?? InputKind.WholeFile, node.Length) { Modified = node.Modified });
            }

            files.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            Files = files;
        }

        public IReadOnlyList<InputFile> Files { get; }

        public IReadOnlyDictionary<string, SkippedFiles> Skipped => _skipped;

        public string WhyNothing(string? glob)
        {
            if (_entries == 0)
            {
                return $"{_root}: the folder is empty";
            }

            var what = string.Join(", ", _skipped.Select(s => $"{s.Value.Count:N0} {s.Key.Replace('_', ' ')} (e.g. {s.Value.Examples[0]})"));
            return glob is null
                ? $"{_root}: no file of a type Winnow reads (.jsonl, .json, .txt, .md, .html, .warc, .arc, .wet, plain or compressed, .parquet, .arrow){(what.Length > 0 ? ": " + what : "")}"
                : $"{_root}: --glob '{glob}' matches no file ({_entries:N0} entries in the folder){(what.Length > 0 ? "; " + what : "")}";
        }

        // A dataset saved by Hugging Face datasets' save_to_disk: data-*.arrow files with
        // dataset_info.json and state.json beside them, and, for several splits, dataset_dict.json
        // in the folder above theirs. Those JSON files describe the dataset; read as JSON records
        // they would each be a rejection for a missing text field.
        private static bool IsDatasetMetadata(string path, List<string> siblings)
        {
            var name = Path.GetFileName(path);
            if (name is "dataset_info.json" or "state.json")
            {
                return siblings.Any(IsArrow);
            }

            return name == "dataset_dict.json" && siblings.Any(s => FileSystemNode.Stat(s).Kind == NodeKind.Folder && ListOrEmpty(s).Any(IsArrow));

            static bool IsArrow(string p) => p.EndsWith(".arrow", StringComparison.OrdinalIgnoreCase);
            static IEnumerable<string> ListOrEmpty(string folder)
            {
                try
                {
                    return FileSystemNode.List(folder).ToList();
                }
                catch (IOException)
                {
                    return [];
                }
            }
        }

        /// <param name="folder">The folder's path.</param>
        /// <param name="prefix">Its name relative to the input folder, '/' ended (empty for the input folder).</param>
        private void Walk(string folder, string prefix)
        {
            IEnumerable<string> entries;
            try
            {
                entries = FileSystemNode.List(folder);
            }
            catch (IOException e)
            {
                // The folder's files are unknown: one rejection stands for them, so the loss is on record.
                var name = prefix.Length == 0 ? "./" : FileSystemNode.Display(prefix);
                _unreadable.Add(new InputFile(folder, name, InputKind.Unreadable, 0) { Problem = e.Message });
                return;
            }

            var ordered = entries.Order(StringComparer.Ordinal).ToList();
            foreach (var path in ordered)
            {
                _entries++;
                // Names are built, not computed from paths: .NET's path functions refuse the escape
                // that names which are not UTF-8 carry (see FileSystemNode).
                var raw = prefix + Path.GetFileName(path);
                var name = FileSystemNode.Display(raw);
                var node = FileSystemNode.Stat(path);
                var kind = node.Kind;
                if (kind == NodeKind.Folder)
                {
                    if (_folders.Add(node.Id))
                    {
                        Walk(path, raw + "/");
                    }
                    else
                    {
                        Skip(SkippedFileReasons.FolderLink, name + "/");
                    }

                    continue;
                }

                if (_matcher is null && IsDatasetMetadata(path, ordered))
                {
                    Skip(SkippedFileReasons.DatasetMetadata, name);
                    continue;
                }

                var selected = _matcher?.IsMatch(name) ?? KindOf(name) is not null;
                if (!selected)
                {
                    if (_matcher is null)
                    {
                        Skip(kind == NodeKind.Special ? SkippedFileReasons.SpecialFile
                            : IsUnsupported(name) ? SkippedFileReasons.UnsupportedType : SkippedFileReasons.OtherType, name);
                    }

                    continue;
                }

                switch (kind)
                {
                    case NodeKind.File:
                        _found.Add((name, path, node));
                        break;
                    case NodeKind.Special:
                        Skip(SkippedFileReasons.SpecialFile, name);
                        break;
                    default:
                        _unreadable.Add(new InputFile(path, name, InputKind.Unreadable, 0)
                        {
                            Problem = kind == NodeKind.BrokenLink ? "a symbolic link to a file that does not exist" : "the file vanished while the folder was read",
                        });
                        break;
                }
            }
        }


        private void Skip(string reason, string name) =>
            _skipped[reason] = (_skipped.TryGetValue(reason, out var tally) ? tally : new SkippedFiles(0, [])).Add(name);
    }
}
