using System.Runtime.InteropServices;

namespace Winnow.IO;

/// <summary>
/// The system zlib, bound by hand through function pointers so the assembly's single
/// DllImport resolver stays free for other uses and a missing zlib is a flag, not a crash.
/// </summary>
internal static unsafe class ZlibNative
{
    public const int Ok = 0;
    public const int StreamEnd = 1;
    public const int BufError = -5;
    public const int NoFlush = 0;

    /// <summary>15-bit window plus 16: accept only gzip framing, and verify its CRC-32 and ISIZE.</summary>
    public const int GzipWindowBits = 15 + 16;

    private static readonly string[] LibraryNames = ["libz.so.1", "libz.so", "z", "libz.dylib", "zlib1"];

    static ZlibNative()
    {
        foreach (string name in LibraryNames)
        {
            if (!NativeLibrary.TryLoad(name, typeof(ZlibNative).Assembly, null, out nint lib))
            {
                continue;
            }

            if (NativeLibrary.TryGetExport(lib, "zlibVersion", out nint version)
                && NativeLibrary.TryGetExport(lib, "inflateInit2_", out nint init)
                && NativeLibrary.TryGetExport(lib, "inflate", out nint inflate)
                && NativeLibrary.TryGetExport(lib, "inflateReset", out nint reset)
                && NativeLibrary.TryGetExport(lib, "inflateEnd", out nint end))
            {
                Version = ((delegate* unmanaged[Cdecl]<byte*>)version)();
                InflateInit2 = (delegate* unmanaged[Cdecl]<ZStream*, int, byte*, int, int>)init;
                Inflate = (delegate* unmanaged[Cdecl]<ZStream*, int, int>)inflate;
                InflateReset = (delegate* unmanaged[Cdecl]<ZStream*, int>)reset;
                InflateEnd = (delegate* unmanaged[Cdecl]<ZStream*, int>)end;

                // Only the 1.x ABI has the z_stream layout declared in ZStream.
                IsAvailable = Version != null && Version[0] == (byte)'1';
                if (IsAvailable)
                {
                    return;
                }
            }

            NativeLibrary.Free(lib);
        }
    }

    /// <summary>Whether a usable zlib was found.</summary>
    public static bool IsAvailable { get; }

    /// <summary>zlib's version string (NUL-terminated ASCII), as <c>inflateInit2_</c> wants it back.</summary>
    public static byte* Version { get; }

    public static delegate* unmanaged[Cdecl]<ZStream*, int, byte*, int, int> InflateInit2 { get; }

    public static delegate* unmanaged[Cdecl]<ZStream*, int, int> Inflate { get; }

    public static delegate* unmanaged[Cdecl]<ZStream*, int> InflateReset { get; }

    public static delegate* unmanaged[Cdecl]<ZStream*, int> InflateEnd { get; }

    /// <summary>The version as text, for diagnostics.</summary>
    public static string? VersionText => IsAvailable ? Marshal.PtrToStringAnsi((nint)Version) : null;
}
