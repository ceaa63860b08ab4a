using System.Runtime.InteropServices;

namespace Winnow.Bench;

/// <summary>CPU time of the calling thread (Linux clock_gettime), so other threads' work (JIT, GC in the background) is not counted.</summary>
internal static partial class ThreadCpu
{
    private const int ClockThreadCpuTime = 3;

    /// <summary>Seconds of CPU the calling thread has used, or NaN where the clock is unavailable.</summary>
    public static double Seconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return double.NaN;
        }

        return GetTime(ClockThreadCpuTime, out var t) == 0 ? t.Seconds + (t.Nanoseconds / 1e9) : double.NaN;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int GetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
