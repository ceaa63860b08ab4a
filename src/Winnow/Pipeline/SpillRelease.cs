using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Winnow.Pipeline;

/// <summary>
/// Gives a pass's spill back to the file system as the next pass replays it: the bytes already
/// replayed are punched out of the file (their disk blocks and cached pages freed, the file's size
/// kept), so the spill never holds the disk twice over with the output being written from it, and
/// the freed pages are there for that output. Linux only (<c>fallocate</c> with
/// <c>FALLOC_FL_PUNCH_HOLE</c>); elsewhere, or where the file system cannot, nothing is released
/// and the spill is deleted whole after the pass, as before.
/// </summary>
/// <remarks>Only for files the run wrote and replays once; not thread-safe: one thread releases.</remarks>
internal sealed class SpillRelease : IDisposable
{
    private const int KeepSize = 0x01;  // FALLOC_FL_KEEP_SIZE
    private const int PunchHole = 0x02; // FALLOC_FL_PUNCH_HOLE
    private const long Page = 4096;
    private SafeFileHandle? _file;
    private long _released;

    public SpillRelease(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            _file = File.OpenHandle(path, FileMode.Open, FileAccess.Write);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _file = null;
        }
    }

    /// <summary>Releases the file's first <paramref name="replayed"/> bytes (whole pages of them), all read and done with.</summary>
    public void Upto(long replayed)
    {
        var end = replayed / Page * Page;
        var file = _file;
        if (file is null || end <= _released)
        {
            return;
        }

        try
        {
            if (fallocate(file, PunchHole | KeepSize, _released, end - _released) != 0)
            {
                Dispose(); // not supported here: the spill is deleted whole after the pass
                return;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            Dispose();
            return;
        }
        catch (ObjectDisposedException)
        {
            return; // the pass is ending (a reading thread may release after its reader has stopped)
        }

        _released = end;
    }

    public void Dispose()
    {
        _file?.Dispose();
        _file = null;
    }

    [DllImport("libc", EntryPoint = "fallocate", SetLastError = true)]
    private static extern int fallocate(SafeFileHandle file, int mode, long offset, long length);
}
