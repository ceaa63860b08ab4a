using System.Runtime.InteropServices;

namespace Winnow.IO;

/// <summary>
/// The runtime's <c>PAL_ZStream</c>: the fields of zlib's <c>z_stream</c> a caller moves, with
/// zlib's own stream behind <see cref="InternalState"/> (allocated and owned by the library).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct ZStream
{
    public byte* NextIn;
    public byte* NextOut;
    public sbyte* Msg;
    public nint InternalState;
    public uint AvailIn;
    public uint AvailOut;
}
