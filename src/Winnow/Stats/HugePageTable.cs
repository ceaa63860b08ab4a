using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Winnow.IO;

namespace Winnow.Stats;

/// <summary>
/// A zeroed table of unmanaged entries in memory of its own, backed by 2 MB pages where Linux
/// allows them (<see cref="HugePages"/>): a table looked up at random over megabytes otherwise
/// needs a page-table walk for most lookups once other work has filled the TLB.
/// </summary>
/// <remarks>
/// Never freed: its memory lives as long as the process, so no lookup can outlive it (a span or a
/// reference into it does not keep the table reachable). For tables kept for the process's life
/// anyway, such as the token counter's, one per counting thread. Not thread-safe.
/// </remarks>
internal sealed unsafe class HugePageTable<T> where T : unmanaged
{
    private readonly T* _first;
    private readonly int _length;

    public HugePageTable(int length)
    {
        _length = length;
        var bytes = (nuint)length * (nuint)sizeof(T);
        _first = (T*)HugePages.Allocate(bytes);
        NativeMemory.Clear(_first, bytes);
    }

    public ref T First => ref Unsafe.AsRef<T>(_first);

    public Span<T> Span => new(_first, _length);
}
