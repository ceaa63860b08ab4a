using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Winnow.Stats;

/// <summary>
/// A zeroed table of unmanaged entries in memory of its own, on Linux backed by 2 MB pages where
/// the kernel allows them (<c>madvise(MADV_HUGEPAGE)</c>): a table looked up at random over
/// megabytes otherwise needs a page-table walk for most lookups once other work has filled the TLB.
/// </summary>
/// <remarks>
/// Never freed: its memory lives as long as the process, so no lookup can outlive it (a span or a
/// reference into it does not keep the table reachable). For tables kept for the process's life
/// anyway, such as the token counter's, one per counting thread. Not thread-safe.
/// </remarks>
internal sealed unsafe class HugePageTable<T> where T : unmanaged
{
    private const nuint HugePage = 2 << 20;
    private readonly T* _first;
    private readonly int _length;

    public HugePageTable(int length)
    {
        _length = length;
        var bytes = (nuint)length * (nuint)sizeof(T);
        var size = (bytes + HugePage - 1) & ~(HugePage - 1);
        _first = (T*)NativeMemory.AlignedAlloc(size, HugePage);
        HugePages.Advise(_first, size);

        NativeMemory.Clear(_first, bytes);
    }

    public ref T First => ref Unsafe.AsRef<T>(_first);

    public Span<T> Span => new(_first, _length);
}

/// <summary>Asks Linux to back memory with huge pages; elsewhere, or if it declines, nothing changes.</summary>
internal static unsafe partial class HugePages
{
    private const int MadvHugePage = 14;

    public static void Advise(void* address, nuint length)
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
