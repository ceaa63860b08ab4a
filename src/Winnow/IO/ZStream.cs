using System.Runtime.InteropServices;

namespace Winnow.IO;

/// <summary>
/// zlib's <c>z_stream</c>. <c>uLong</c> is <see cref="CULong"/> so the layout is right both on
/// LP64 Unix (8 bytes, 112-byte struct) and on Windows, where <c>long</c> stays 4 bytes.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct ZStream
{
    public byte* NextIn;
    public uint AvailIn;
    public CULong TotalIn;
    public byte* NextOut;
    public uint AvailOut;
    public CULong TotalOut;
    public sbyte* Msg;
    public nint State;
    public nint ZAlloc;
    public nint ZFree;
    public nint Opaque;
    public int DataType;
    public CULong Adler;
    public CULong Reserved;
}
