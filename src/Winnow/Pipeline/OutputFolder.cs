using System.Text.Json;
using Winnow.IO;

namespace Winnow.Pipeline;

/// <summary>
/// A run's claim on its output folder. Claiming refuses a folder that holds something other than a
/// run, or that holds one of the run's inputs; it locks the folder, so a second run on it is
/// refused while the first works ("in use"); and it replaces an earlier run only when asked, then
/// removing only what that run wrote, as listed in its manifest (<see cref="RunFiles.Manifest"/>):
/// a user's own files in the folder survive.
/// </summary>
/// <remarks>
/// The lock is an advisory file lock (flock on Unix) on <see cref="RunFiles.Lock"/>, released when
/// the process ends, however it ends. A sharded run's coordinator holds it exclusively; its Slurm
/// tasks hold it shared, so tasks run side by side but no other run starts. Not thread-safe.
/// </remarks>
public sealed class OutputFolder : IDisposable
{
    private readonly FileStream _lock;
    private Manifest? _manifest;

    private OutputFolder(string path, FileStream lockStream, Manifest? manifest)
    {
        Path = path;
        _lock = lockStream;
        _manifest = manifest;
    }

    /// <summary>The folder, as a full path.</summary>
    public string Path { get; }

    /// <summary>True when the folder holds a run (a manifest), complete or not.</summary>
    public bool HoldsRun => _manifest is not null;

    /// <summary>Claims <paramref name="directory"/> for a run reading <paramref name="inputs"/>.</summary>
    /// <param name="directory">The output folder; created when absent.</param>
    /// <param name="inputs">The run's inputs: none may lie inside the folder.</param>
    /// <param name="shared">Take the lock shared (a task of a run already claimed), not exclusive.</param>
    /// <exception cref="ArgumentException">The folder holds something other than a run, or an input.</exception>
    /// <exception cref="OutputFolderInUseException">Another run holds the folder.</exception>
    public static OutputFolder Claim(string directory, IEnumerable<string> inputs, bool shared = false)
    {
        var full = System.IO.Path.GetFullPath(directory);
        var manifestPath = System.IO.Path.Combine(full, RunFiles.Manifest);
        if (HoldsSomethingElse(full))
        {
            throw new ArgumentException($"{directory}: the folder is not empty and holds no Winnow run; choose a new or empty folder");
        }

        foreach (var input in inputs)
        {
            if (input != "-" && IsInside(input, full))
            {
                throw new ArgumentException($"{input}: this input lies inside the output folder {directory}; choose another --out");
            }
        }

        Directory.CreateDirectory(full);
        var lockPath = System.IO.Path.Combine(full, RunFiles.Lock);
        FileStream lockStream;
        try
        {
            if (shared)
            {
                using (new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite))
                {
                    // Created if absent: a shared lock is taken on a file opened for reading only.
                }

                lockStream = new FileStream(lockPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            }
            else
            {
                lockStream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException && File.Exists(lockPath))
        {
            throw new OutputFolderInUseException(
                $"{directory}: in use by another winnow run; wait for it to end (winnow status {directory}), or choose another --out");
        }

        // Checked again under the lock: what another process put there in the meantime counts too.
        if (HoldsSomethingElse(full))
        {
            lockStream.Dispose();
            throw new ArgumentException($"{directory}: the folder is not empty and holds no Winnow run; choose a new or empty folder");
        }

        return new OutputFolder(full, lockStream, File.Exists(manifestPath) ? Manifest.Read(manifestPath) : null);
    }

    /// <summary>
    /// True when the folder holds entries but no run: no manifest, and something besides the names
    /// a run writes while it claims and begins (its lock, the manifest under its temporary name).
    /// </summary>
    private static bool HoldsSomethingElse(string folder) =>
        Directory.Exists(folder) && !File.Exists(System.IO.Path.Combine(folder, RunFiles.Manifest))
        && Directory.EnumerateFileSystemEntries(folder).Any(e => System.IO.Path.GetFileName(e) is not (RunFiles.Lock or RunFiles.Manifest + ".tmp"));

    /// <summary>Removes what the earlier run in the folder wrote, and nothing else.</summary>
    public void RemoveEarlierRun()
    {
        if (_manifest is null)
        {
            return;
        }

        if (_manifest.Complete)
        {
            foreach (var file in _manifest.Files)
            {
                File.Delete(System.IO.Path.Combine(Path, file));
            }

            // A sharded run's plan and markers are the run's own, whole (and not listed: they say how
            // the run was made, not what it made, so a sharded run's manifest equals a single process's).
            var sharding = System.IO.Path.Combine(Path, RunFiles.Sharding);
            if (Directory.Exists(sharding))
            {
                Directory.Delete(sharding, recursive: true);
            }

            foreach (var name in RunFiles.All)
            {
                RemoveEmptyFolders(System.IO.Path.Combine(Path, name));
            }
        }
        else
        {
            // A run that ended early listed nothing yet: its files carry the names runs write.
            foreach (var name in RunFiles.All)
            {
                var path = System.IO.Path.Combine(Path, name);
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }
                else
                {
                    File.Delete(path);
                }
            }
        }

        File.Delete(System.IO.Path.Combine(Path, RunFiles.Manifest));
        _manifest = null;
    }

    /// <summary>Marks the folder as holding a run that has begun: from now on it is ours to replace.</summary>
    public void Begin()
    {
        var foreign = ListFiles(Path).ToList();
        _manifest = new Manifest(false, [], foreign);
        _manifest.Write(System.IO.Path.Combine(Path, RunFiles.Manifest));
    }

    /// <summary>
    /// Lists every file the run in <paramref name="directory"/> wrote in its manifest: called when
    /// the run's files are all written (by whichever process writes the last of them).
    /// </summary>
    public static void Complete(string directory)
    {
        var path = System.IO.Path.GetFullPath(directory);
        var manifestPath = System.IO.Path.Combine(path, RunFiles.Manifest);
        var begun = File.Exists(manifestPath) ? Manifest.Read(manifestPath) : new Manifest(false, [], []);
        var foreign = begun.Foreign.ToHashSet(StringComparer.Ordinal);
        (begun with { Complete = true, Files = [.. ListFiles(path).Where(f => !foreign.Contains(f))] }).Write(manifestPath);
    }

    /// <summary>
    /// Adds a file written into a completed run's folder afterwards (the report) to its manifest,
    /// so that replacing the run removes it too. A folder without a complete manifest is left alone.
    /// </summary>
    public static void Record(string directory, string relativePath)
    {
        var manifestPath = System.IO.Path.Combine(System.IO.Path.GetFullPath(directory), RunFiles.Manifest);
        if (File.Exists(manifestPath) && Manifest.Read(manifestPath) is { Complete: true } manifest && !manifest.Files.Contains(relativePath))
        {
            (manifest with { Files = [.. manifest.Files.Append(relativePath).Order(StringComparer.Ordinal)] }).Write(manifestPath);
        }
    }

    /// <summary>Releases the lock.</summary>
    public void Dispose() => _lock.Dispose();

    /// <summary>Files under the folder, relative, '/' separated, ordinal order; the manifest, lock and sharding folder left out.</summary>
    private static IEnumerable<string> ListFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true })
            .Select(f => System.IO.Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Where(f => f is not RunFiles.Manifest and not RunFiles.Lock && !f.StartsWith(RunFiles.Sharding + "/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static void RemoveEmptyFolders(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var sub in Directory.GetDirectories(folder))
        {
            RemoveEmptyFolders(sub);
        }

        if (!Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
        }
    }

    /// <summary>True when <paramref name="input"/> is <paramref name="folder"/> or lies inside it, links resolved.</summary>
    private static bool IsInside(string input, string folder)
    {
        var path = FileSystemNode.RealPath(input);
        var root = FileSystemNode.RealPath(folder);
        return path == root || path.StartsWith(root.EndsWith('/') ? root : root + "/", StringComparison.Ordinal);
    }

    /// <summary>The manifest: whether the run completed, the files it wrote, and the files that were in the folder before it.</summary>
    private sealed record Manifest(bool Complete, IReadOnlyList<string> Files, IReadOnlyList<string> Foreign)
    {
        public static Manifest Read(string path)
        {
            try
            {
                using var json = JsonDocument.Parse(File.ReadAllBytes(path));
                var root = json.RootElement;
                return new Manifest(
                    root.GetProperty("complete").GetBoolean(),
                    [.. root.GetProperty("files").EnumerateArray().Select(e => e.GetString()!)],
                    [.. root.GetProperty("foreign").EnumerateArray().Select(e => e.GetString()!)]);
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                // An older build's empty marker, or a damaged one: treated as a run that ended early.
                return new Manifest(false, [], []);
            }
        }

        public void Write(string path)
        {
            var temp = path + ".tmp";
            using (var stream = File.Create(temp))
            using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                w.WriteStartObject();
                w.WriteBoolean("complete", Complete);
                w.WriteStartArray("files");
                foreach (var file in Files)
                {
                    w.WriteStringValue(file);
                }

                w.WriteEndArray();
                w.WriteStartArray("foreign");
                foreach (var file in Foreign)
                {
                    w.WriteStringValue(file);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            File.Move(temp, path, overwrite: true);
        }
    }
}

/// <summary>Another run holds the output folder.</summary>
public sealed class OutputFolderInUseException(string message) : IOException(message);
