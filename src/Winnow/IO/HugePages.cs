using System.Runtime.InteropServices;

namespace Winnow.IO;

/// <summary>
/// Memory of its own on 2 MB boundaries, which Linux is asked to back with 2 MB pages
/// (<c>madvise(MADV_HUGEPAGE)</c>); elsewhere, or if it declines, the memory works the same in small pages.
/// </summary>
/// <remarks>
/// Two things huge pages save: a page-table walk for most lookups in a table read at random over
/// megabytes, and on first touch a fault for every 4 KB (docs/benchmarks.md: 50 MB touched, 33 ms
/// in 4 KB pages against 6.7 ms in huge pages on the 2-core VM, where each fault can cost the host
/// one too).
/// </remarks>
internal static unsafe partial class HugePages
{
    private const nuint Size = 2 << 20;
    private const int MadvHugePage = 14;

    /// <summary>At least <paramref name="bytes"/> bytes, uncleared; free with <see cref="NativeMemory.AlignedFree"/>.</summary>
    public static void* Allocate(nuint bytes)
    {
        var size = (bytes + Size - 1) & ~(Size - 1);
        var memory = NativeMemory.AlignedAlloc(size, Size);
        Advise(memory, size);
        return memory;
    }

    private static void Advise(void* address, nuint length)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            _ = Madvise(address, length, MadvHugePage); // a hint: with small pages the memory works the same
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // A C library without madvise under that name: small pages.
        }
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(void* address, nuint length, int advice);
}
