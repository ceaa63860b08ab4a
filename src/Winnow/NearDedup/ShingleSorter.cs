using System.Buffers;
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
/// <remarks>Thread-safe: stateless (pooled scratch per call).</remarks>
internal static class ShingleSorter
{
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
        var countArray = ArrayPool<int>.Shared.Rent(buckets);
        var scratchArray = ArrayPool<ulong>.Shared.Rent(n);
        try
        {
            SortWith(values, countArray, scratchArray, shift, buckets);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(countArray);
            ArrayPool<ulong>.Shared.Return(scratchArray);
        }
    }

    /// <summary>The sort itself, in <paramref name="countArray"/> (at least <paramref name="buckets"/>) and <paramref name="scratchArray"/> (at least as long as the values).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SortWith(Span<ulong> values, int[] countArray, ulong[] scratchArray, int shift, int buckets)
    {
        var n = values.Length;
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
