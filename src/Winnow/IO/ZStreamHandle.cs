using System.Runtime.InteropServices;

namespace Winnow.IO;

/// <summary>
/// Owns one native block holding a <see cref="ZStream"/> followed by the input buffer, so that
/// neither moves while zlib reads from it.
/// </summary>
internal sealed unsafe class ZStreamHandle : SafeHandle
{
    private bool _initialized;

    public ZStreamHandle(int inputBufferSize)
        : base(0, ownsHandle: true)
    {
        InputBufferSize = inputBufferSize;
        // Only the ZStream must start zeroed: the input buffer is always filled before zlib reads
        // it, and clearing all of it (256 KiB for a large file) cost more than inflating a small page.
        SetHandle((nint)NativeMemory.Alloc((nuint)(sizeof(ZStream) + inputBufferSize)));
        NativeMemory.Clear((void*)handle, (nuint)sizeof(ZStream));
        int rc = ZlibNative.InflateInit2(Stream, ZlibNative.GzipWindowBits);
        if (rc != ZlibNative.Ok)
        {
            throw new InvalidOperationException($"zlib inflateInit2_ failed with code {rc}.");
        }

        _initialized = true;
    }

    public override bool IsInvalid => handle == 0;

    public int InputBufferSize { get; }

    public ZStream* Stream => (ZStream*)handle;

    public byte* InputBuffer => (byte*)handle + sizeof(ZStream);

    protected override bool ReleaseHandle()
    {
        if (_initialized)
        {
            _ = ZlibNative.InflateEnd(Stream);
            _initialized = false;
        }

        NativeMemory.Free((void*)handle);
        return true;
    }
}
