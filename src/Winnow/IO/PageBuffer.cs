using System.Runtime.InteropServices;

namespace Winnow.IO;

/// <summary>
/// A buffer each thread keeps from one page to the next (the bytes read, the decoded characters),
/// in memory outside the collector's heap. It starts at <see cref="KeptLimit"/> items, grows for a
/// larger page and goes back to that size before the thread's next page.
/// </summary>
/// <remarks>
/// Why not an array: a buffer that lives as long as its thread was copied by the first collection
/// out of the young generation, where arrays under 4 MB start (System.GC.LOHThreshold in
/// Winnow.Cli.csproj): on the 181 benchmark pages that collection copied 6.6 MB for one thread and
/// 10 MB for two, nearly all of it these buffers, while every thread waited. On the pinned-object
/// heap they are not copied, but each allocation there counts toward a full collection, which
/// growing them set off. Here nothing is copied or collected, and nothing is cleared either: only
/// what a page wrote into the buffer is read. The memory is freed when its thread has ended and the
/// collector finalizes the buffer; while the thread lives its thread-static reference keeps the
/// buffer, and so every span over it, valid. Taking all of <see cref="KeptLimit"/> at once costs a
/// small page nothing: the kernel gives the mapping memory only where a page writes (in 2 MB steps
/// with huge pages); a buffer grown by doubling from 64 KB copied every large page into fresh memory
/// up to six times.
/// </remarks>
internal sealed unsafe class PageBuffer<T>
    where T : unmanaged
{
    /// <summary>The buffer's length, in items, unless a page needed more; 4 Mi bytes or characters holds all but rare pages.</summary>
    public const int KeptLimit = 4 << 20;

    [ThreadStatic]
    private static PageBuffer<T>? _thread;

    private T* _items;

    private PageBuffer()
    {
        _items = Allocate(KeptLimit);
        Length = KeptLimit;
    }

    ~PageBuffer() => NativeMemory.AlignedFree(_items);

    /// <summary>The number of items the buffer holds now.</summary>
    public int Length { get; private set; }

    /// <summary>The whole buffer; valid until it is grown or the thread takes it for its next page.</summary>
    public Span<T> Span => new(_items, Length);

    /// <summary>This thread's buffer for a new page, back to <see cref="KeptLimit"/> items if the last page grew it.</summary>
    public static PageBuffer<T> ForPage()
    {
        var buffer = _thread ??= new PageBuffer<T>();
        if (buffer.Length > KeptLimit)
        {
            buffer.Grow(0, KeptLimit);
        }

        return buffer;
    }

    /// <summary>Makes the buffer <paramref name="length"/> items long, keeping its first <paramref name="used"/> items; spans taken before are no longer valid.</summary>
    public void Grow(int used, int length)
    {
        var items = Allocate(length);
        new Span<T>(_items, used).CopyTo(new Span<T>(items, length));
        NativeMemory.AlignedFree(_items);
        _items = items;
        Length = length;
    }

    // On huge pages where Linux allows them: a first touch of fresh memory costs a fault per 4 KB otherwise.
    private static T* Allocate(int length) => (T*)HugePages.Allocate((nuint)length * (nuint)sizeof(T));
}
