using Microsoft.Win32.SafeHandles;
using Mono.Unix;
using Mono.Unix.Native;

namespace Winnow.IO;

/// <summary>What kind of thing a path is, after following symbolic links.</summary>
internal enum NodeKind
{
    /// <summary>A regular file.</summary>
    File,

    /// <summary>A folder.</summary>
    Folder,

    /// <summary>A FIFO, socket, character or block device: reading one may block or never end.</summary>
    Special,

    /// <summary>A symbolic link whose target does not exist.</summary>
    BrokenLink,

    /// <summary>Nothing, or something that could not be examined.</summary>
    Missing,
}

/// <summary>What <see cref="FileSystemNode.Stat"/> finds.</summary>
/// <param name="Kind">The kind of node, symbolic links followed.</param>
/// <param name="Length">Its size in bytes (files).</param>
/// <param name="Id">Device and inode: the same for two names of one node (0 on Windows).</param>
/// <param name="Modified">Last modification, in seconds and nanoseconds since 1970 (UTC).</param>
internal readonly record struct NodeInfo(NodeKind Kind, long Length, (ulong Device, ulong Inode) Id, (long Seconds, long Nanoseconds) Modified);

/// <summary>
/// The file-system facts a folder walk needs and .NET does not give on Unix: the kind of a node
/// (.NET reports FIFOs, sockets and devices as ordinary files, and opening a FIFO blocks), its
/// identity (device and inode, to see a folder twice through a link loop) and names that are not
/// UTF-8, which .NET decodes lossily and then cannot open. Mono.Unix marshals such names with an
/// escape that round-trips their bytes.
/// </summary>
/// <remarks>Thread-safe: stateless.</remarks>
internal static class FileSystemNode
{
    // Mono.Unix's file-name marshaler writes a byte that is not UTF-8 as U+0000 and a char of that byte's value.
    private const char NameEscape = '\0';

    /// <summary>The kind of <paramref name="path"/> (symbolic links followed), its size, identity and time.</summary>
    public static NodeInfo Stat(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            var info = new FileInfo(path);
            var modified = (info.LastWriteTimeUtc - DateTime.UnixEpoch).Ticks;
            var time = (modified / TimeSpan.TicksPerSecond, modified % TimeSpan.TicksPerSecond * 100);
            return Directory.Exists(path) ? new(NodeKind.Folder, 0, default, time)
                : info.Exists ? new(NodeKind.File, info.Length, default, time)
                : new(NodeKind.Missing, 0, default, default);
        }

        if (Syscall.stat(path, out var stat) != 0)
        {
            return new(Syscall.lstat(path, out _) == 0 ? NodeKind.BrokenLink : NodeKind.Missing, 0, default, default);
        }

        var kind = (stat.st_mode & FilePermissions.S_IFMT) switch
        {
            FilePermissions.S_IFREG => NodeKind.File,
            FilePermissions.S_IFDIR => NodeKind.Folder,
            _ => NodeKind.Special,
        };
        return new(kind, stat.st_size, (stat.st_dev, stat.st_ino), (stat.st_mtime, stat.st_mtime_nsec));
    }

    /// <summary>The absolute path with symbolic links resolved as far as the path exists (the rest appended).</summary>
    public static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        if (OperatingSystem.IsWindows())
        {
            return full;
        }

        // Resolve the longest existing prefix; a path that does not exist yet (an output folder) keeps its tail.
        var head = full;
        var tail = "";
        while (true)
        {
            if (Resolve(head) is { } real)
            {
                return tail.Length == 0 ? real : Path.Combine(real, tail);
            }

            var parent = Path.GetDirectoryName(head);
            if (parent is null)
            {
                return full;
            }

            tail = tail.Length == 0 ? Path.GetFileName(head) : Path.Combine(Path.GetFileName(head), tail);
            head = parent;
        }
    }

    // POSIX realpath(3): links resolved, the result malloc'd by libc. Names that are not UTF-8 are
    // left to the caller's comparison (they come from the folder walk, not from a user's path).
    private static string? Resolve(string path)
    {
        if (IsEscaped(path))
        {
            return null;
        }

        var resolved = realpath(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            return System.Runtime.InteropServices.Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            free(resolved);
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "realpath", SetLastError = true)]
    private static extern IntPtr realpath([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string path, IntPtr resolved);

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "free")]
    private static extern void free(IntPtr pointer);

    /// <summary>The entries of a folder, full paths, names that are not UTF-8 escaped so that they round-trip.</summary>
    /// <exception cref="IOException">The folder cannot be listed (permissions, I/O error).</exception>
    public static IEnumerable<string> List(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            return Directory.EnumerateFileSystemEntries(folder).ToList();
        }

        try
        {
            // The names alone (readdir): GetFileSystemEntries would also lstat every entry to make an
            // object of it, and the walk stats each path itself (a folder of 181 pages: 1.2 → 0.5 ms).
            var directory = new UnixDirectoryInfo(folder);
            return directory.GetEntries().Select(e => UnixPath.Combine(directory.FullName, e.d_name)).ToList();
        }
        catch (Exception e) when (e is UnauthorizedAccessException or InvalidOperationException or ArgumentException or IOException)
        {
            throw new IOException($"cannot list the folder: {e.Message}", e);
        }
    }

    /// <summary>True when a name from <see cref="List"/> holds bytes that are not UTF-8.</summary>
    public static bool IsEscaped(string path) => path.Contains(NameEscape);

    /// <summary>A name for messages and ids: bytes that are not UTF-8 as \xHH.</summary>
    public static string Display(string path)
    {
        if (!IsEscaped(path))
        {
            return path;
        }

        var b = new System.Text.StringBuilder(path.Length + 8);
        for (var i = 0; i < path.Length; i++)
        {
            if (path[i] == NameEscape && i + 1 < path.Length)
            {
                b.Append("\\x").Append(((int)path[++i]).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                b.Append(path[i]);
            }
        }

        return b.ToString();
    }

    /// <summary>Opens a file for reading, names that are not UTF-8 included.</summary>
    public static FileStream OpenRead(string path, int bufferSize, FileOptions options = FileOptions.None) =>
        !IsEscaped(path) || OperatingSystem.IsWindows()
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize, options)
            : new FileStream(OpenEscaped(path), FileAccess.Read, bufferSize);

    /// <summary>
    /// Opens a file for reading at offsets (<see cref="RandomAccess"/>), names that are not UTF-8
    /// included: a handle alone, for readers that keep no position.
    /// </summary>
    public static SafeFileHandle OpenReadHandle(string path, FileOptions options = FileOptions.None) =>
        !IsEscaped(path) || OperatingSystem.IsWindows()
            ? File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, options)
            : OpenEscaped(path);

    // A name escaped by List: the bytes it stands for, opened by the system call itself.
    private static SafeFileHandle OpenEscaped(string path)
    {
        var fd = Syscall.open(path, OpenFlags.O_RDONLY | OpenFlags.O_CLOEXEC);
        if (fd < 0)
        {
            throw new IOException($"{Display(path)}: {UnixMarshal.GetErrorDescription(Stdlib.GetLastError())}");
        }

        return new SafeFileHandle(fd, ownsHandle: true);
    }
}
