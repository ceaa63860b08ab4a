using System.Runtime.InteropServices;
using Winnow.Hashing;
using Winnow.NearDedup;

namespace Winnow.Tests.NearDedup;

public sealed class BandKeysTests
{
    [Fact]
    public void EachKeyIsTheXxHash64OfItsRowsSeededWithItsBand()
    {
        // The documented key (docs/neardup.md): XXH64 of the band's rows as little-endian bytes,
        // seeded with the run's seed plus the band's index, for layouts of odd and even rows.
        var random = new Random(5);
        foreach (var (bands, rows) in new[] { (21, 6), (9, 13), (8, 1), (17, 3), (25, 7), (12, 8), (20, 5) })
        {
            var lsh = new LshParameters(bands, rows);
            var signature = new uint[bands * rows];
            var keys = new BandRecord[bands];
            for (var trial = 0; trial < 20; trial++)
            {
                for (var i = 0; i < signature.Length; i++)
                {
                    signature[i] = (uint)random.NextInt64(0, 1L << 32);
                }

                const ulong seed = 0x1234_5678_9ABC;
                BandKeys.Compute(signature, lsh, seed, 42, keys);
                for (var b = 0; b < bands; b++)
                {
                    var expected = XxHash64.Hash(MemoryMarshal.AsBytes(signature.AsSpan(b * rows, rows)), seed + (ulong)b);
                    Assert.True(expected == keys[b].Key, $"{bands} x {rows}: band {b}");
                    Assert.Equal(42u, keys[b].Document);
                }
            }
        }
    }
}
