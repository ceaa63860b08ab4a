using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Winnow.Hashing;

namespace Winnow.NearDedup;

/// <summary>The key of each band of a signature: XXH64 of the band's rows, seeded with the band index so equal rows in different bands never share a bucket.</summary>
/// <remarks>Thread-safe: stateless.</remarks>
internal static class BandKeys
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Compute(ReadOnlySpan<uint> signature, LshParameters lsh, ulong seed, uint document, Span<BandRecord> destination)
    {
        for (var b = 0; b < lsh.Bands; b++)
        {
            var rows = MemoryMarshal.AsBytes(signature.Slice(b * lsh.Rows, lsh.Rows));
            destination[b] = new BandRecord(XxHash64.Hash(rows, seed + (ulong)b), document);
        }
    }
}
