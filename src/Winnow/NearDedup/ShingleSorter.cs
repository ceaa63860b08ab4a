using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Winnow.NearDedup;

/// <summary>
/// Sorts shingle hashes ascending in expected linear time: the hashes are uniform, so scattering
/// them into about n buckets by their top bits leaves each bucket with ~1 element, and one
/// insertion-sort pass finishes the job. Three times cheaper than introsort at document sizes,
/// where sorting was the largest single cost of exact verification.
/// </summary>
/// <remarks>Thread-safe: each thread sorts in buffers of its own.</remarks>
internal static class ShingleSorter
{
    // Buffers for sets up to this size stay with their thread for the next sort (16 MB at most);
    // a larger set's are dropped with it.
    private const int KeptBufferLength = 1 << 20;

    [ThreadStatic]
    private static int[]? _counts;

    [ThreadStatic]
    private static ulong[]? _scratch;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Sort(Span<ulong> values)
    {
        var n = values.Length;
        if (n < 32)
        {
            values.Sort();
            return;
        }

        var bits = BitOperations.Log2((uint)n - 1) + 1;
        var shift = 64 - bits;
        var buckets = 1 << bits;
        var countArray = _counts is { } c && c.Length >= buckets ? c : new int[Math.Max(buckets, 1024)];
        var scratchArray = _scratch is { } s && s.Length >= n ? s : new ulong[Math.Max(n, 1024)];
        if (n <= KeptBufferLength)
        {
            _counts = countArray;
            _scratch = scratchArray;
        }

        ref var counts = ref MemoryMarshal.GetArrayDataReference(countArray);
        ref var scratch = ref MemoryMarshal.GetArrayDataReference(scratchArray);
        ref var value = ref MemoryMarshal.GetReference(values);
        countArray.AsSpan(0, buckets).Clear();
        for (var i = 0; i < n; i++)
        {
            Unsafe.Add(ref counts, (int)(Unsafe.Add(ref value, i) >> shift))++;
        }

        // Each bucket's count becomes where it starts. The running sum stays in a register: summing
        // in place (counts[b] += counts[b - 1]) waits on the store of the bucket before, which was
        // two fifths of the sort's time.
        var start = 0;
        var largest = 0;
        for (var b = 0; b < buckets; b++)
        {
            var count = Unsafe.Add(ref counts, b);
            largest = Math.Max(largest, count);
            Unsafe.Add(ref counts, b) = start;
            start += count;
        }

        if (largest > 64)
        {
            // Repeated shingles (a text repeating itself) crowd one bucket: insertion sort would be quadratic.
            values.Sort();
            return;
        }

        for (var i = 0; i < n; i++)
        {
            var v = Unsafe.Add(ref value, i);
            Unsafe.Add(ref scratch, Unsafe.Add(ref counts, (int)(v >> shift))++) = v;
        }

        // Only elements of one bucket can be out of order now; they go back into place.
        for (var i = 0; i < n; i++)
        {
            var v = Unsafe.Add(ref scratch, i);
            var j = i - 1;
            while (j >= 0 && Unsafe.Add(ref value, j) > v)
            {
                Unsafe.Add(ref value, j + 1) = Unsafe.Add(ref value, j);
                j--;
            }

            Unsafe.Add(ref value, j + 1) = v;
        }
    }
}
