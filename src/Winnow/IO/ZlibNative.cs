using System.Runtime.InteropServices;

namespace Winnow.IO;

/// <summary>
/// Inflate from the zlib the .NET runtime ships (zlib-ng, in the library behind GZipStream, linked
/// into the native command), bound by its entry points so that each member's trailer and boundary
/// stay ours to see. On HTML it inflates about twice as fast as the system's zlib 1.2.13 and on
/// plain text about 1.6× (<c>Winnow.Bench gzip</c>, docs/hashing.md).
/// </summary>
/// <remarks>
/// The entry points are the runtime's own, not a published API: a runtime without them (a renamed
/// export) leaves <see cref="IsAvailable"/> false, and <see cref="GzipReadStream"/> falls back to
/// GZipStream; a test fails on this machine if that happens.
/// </remarks>
internal static unsafe partial class ZlibNative
{
    public const int Ok = 0;
    public const int StreamEnd = 1;
    public const int BufError = -5;
    public const int NoFlush = 0;

    /// <summary>15-bit window plus 16: accept only gzip framing, and verify its CRC-32 and ISIZE.</summary>
    public const int GzipWindowBits = 15 + 16;

    private const string Library = "libSystem.IO.Compression.Native";

    /// <summary>Whether the runtime's inflate could be called.</summary>
    public static bool IsAvailable { get; } = Probe();

    [LibraryImport(Library, EntryPoint = "CompressionNative_InflateInit2_")]
    public static partial int InflateInit2(ZStream* stream, int windowBits);

    [LibraryImport(Library, EntryPoint = "CompressionNative_Inflate")]
    public static partial int Inflate(ZStream* stream, int flush);

    /// <summary>Makes the stream ready for the next member, keeping its allocations.</summary>
    [LibraryImport(Library, EntryPoint = "CompressionNative_InflateReset2_")]
    public static partial int InflateReset2(ZStream* stream, int windowBits);

    [LibraryImport(Library, EntryPoint = "CompressionNative_InflateEnd")]
    public static partial int InflateEnd(ZStream* stream);

    private static bool Probe()
    {
        try
        {
            ZStream z = default;
            if (InflateInit2(&z, GzipWindowBits) != Ok)
            {
                return false;
            }

            _ = InflateEnd(&z);
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }
}
