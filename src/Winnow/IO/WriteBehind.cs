using System.Runtime.InteropServices;

namespace Winnow.IO;

/// <summary>
/// For a large file written once from start to end and not read back by the run (an output part):
/// each 32 MiB the file grows by is sent to disk as soon as it is written, and the 32 MiB before it,
/// once on disk, is dropped from the page cache. The file's pages are then reused for its next
/// bytes instead of new ones taken for every byte, and a run's output does not push the user's own
/// files (or the run's input, which it reads a second time) out of memory. Linux only; elsewhere,
/// or where the calls fail, the file is written as any other.
/// </summary>
/// <remarks>
/// The classic streaming-write pattern (<c>sync_file_range</c>, then <c>posix_fadvise(DONTNEED)</c>
/// one window behind). Measured on the bench VM, whose host takes back memory the guest frees, so
/// that every new page costs a fault in the host as well: 2.8 GB in 256 KiB writes took 1.7–2.4 s
/// of system time plainly and 1.0–1.15 s this way, and less wall time (docs/benchmarks.md). The
/// bytes written are the same; only what stays cached differs. At most two windows of a file are
/// cached, plus what the stream buffers.
/// </remarks>
internal sealed partial class WriteBehind
{
    private const long Window = 32L << 20;
    private const uint WaitBefore = 1, StartWrite = 2, WaitAfter = 4; // SYNC_FILE_RANGE_*
    private const int DontNeed = 4; // POSIX_FADV_DONTNEED
    private readonly FileStream _file;
    private long _started; // windows sent to disk
    private bool _off = !OperatingSystem.IsLinux();

    public WriteBehind(FileStream file)
    {
        _file = file;
    }

    /// <summary>Sends every window the file has filled since the last call to disk, and drops the window before each from the cache.</summary>
    public void Advance()
    {
        var filled = _file.Position / Window;
        if (_off || filled <= _started)
        {
            return;
        }

        _file.Flush(); // the stream's buffer into the file, so the window is whole in the kernel
        var fd = (int)_file.SafeFileHandle.DangerousGetHandle();
        try
        {
            for (; _started < filled; _started++)
            {
                if (SyncFileRange(fd, _started * Window, Window, StartWrite) != 0)
                {
                    _off = true; // a file system that does not take it: written as any other file
                    return;
                }

                if (_started > 0)
                {
                    var behind = (_started - 1) * Window;
                    _ = SyncFileRange(fd, behind, Window, WaitBefore | StartWrite | WaitAfter);
                    _ = PosixFadvise(fd, behind, Window, DontNeed);
                }
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _off = true;
        }
    }

    [LibraryImport("libc", EntryPoint = "sync_file_range")]
    private static partial int SyncFileRange(int fd, long offset, long length, uint flags);

    [LibraryImport("libc", EntryPoint = "posix_fadvise")]
    private static partial int PosixFadvise(int fd, long offset, long length, int advice);
}
