using System.Runtime.CompilerServices;

namespace Winnow.NearDedup;

/// <summary>
/// Sorts band records by (key, document) in place: a large buffer is first cut into buckets by
/// the key's top bits (an in-place bucket pass, "American flag sort"), then each bucket, and a
/// small input whole, by introsort (median-of-three quicksort, insertion sort for short ranges,
/// heapsort past the depth limit) with the comparison inlined.
/// </summary>
/// <remarks>
/// Why buckets first: band keys are hashes, so 4,096 buckets of a 5.6M-record buffer (the default
/// 64 MB) hold ~1,400 records each, 16 KB, sorted within the core's cache; introsort over the
/// whole buffer went to memory at each of its top levels, and spilling full buffers was 8% of the
/// first pass of the default run. Why not <c>Span.Sort</c>: it is one long call per buffer, so the
/// runtime's generic sort ran in its unoptimised tier for most of it (a serial 0.2 s at 100k
/// documents). Stateless; thread-safe.
/// </remarks>
internal static class BandRecordSorter
{
    private const int InsertionLimit = 24;

    private const int ParallelMinimum = 1 << 16;

    private const int BucketBits = 12;

    /// <summary>Below this, a bucket pass costs more than it saves.</summary>
    private const int BucketMinimum = 1 << 14;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Sort(Span<BandRecord> records)
    {
        if (records.Length < BucketMinimum)
        {
            IntroSort(records, DepthLimit(records.Length));
            return;
        }

        var starts = BucketPass(records);
        SortBuckets(records, starts, 0, 1 << BucketBits);
    }

    /// <summary>
    /// The same order, with up to <see cref="ParallelOptions.MaxDegreeOfParallelism"/> threads:
    /// after the bucket pass, each thread sorts a run of buckets holding its share of the records.
    /// </summary>
    public static void Sort(Memory<BandRecord> records, ParallelOptions parallel)
    {
        var threads = parallel.MaxDegreeOfParallelism < 0 ? Environment.ProcessorCount : parallel.MaxDegreeOfParallelism;
        if (threads < 2 || records.Length < ParallelMinimum)
        {
            Sort(records.Span);
            return;
        }

        var starts = BucketPass(records.Span);
        // Thread t takes the buckets that start in its share of the records.
        var first = new int[threads + 1];
        for (int t = 1, b = 0; t < threads; t++)
        {
            var share = (int)((long)records.Length * t / threads);
            while (b < 1 << BucketBits && starts[b] < share)
            {
                b++;
            }

            first[t] = b;
        }

        first[threads] = 1 << BucketBits;
        Parallel.For(0, threads, parallel, t => SortBuckets(records.Span, starts, first[t], first[t + 1]));
    }

    /// <summary>
    /// Moves every record into its bucket (the key's top <see cref="BucketBits"/> bits), in place:
    /// each record out of place is swapped into the next free slot of its bucket until one that
    /// belongs where it was taken from comes back. Returns where each bucket starts, and the end.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int[] BucketPass(Span<BandRecord> records)
    {
        const int Buckets = 1 << BucketBits, Shift = 64 - BucketBits;
        var starts = new int[Buckets + 1];
        foreach (var record in records)
        {
            starts[(int)(record.Key >> Shift) + 1]++;
        }

        for (var b = 0; b < Buckets; b++)
        {
            starts[b + 1] += starts[b];
        }

        var next = starts.AsSpan(0, Buckets).ToArray();
        for (var b = 0; b < Buckets; b++)
        {
            var end = starts[b + 1];
            while (next[b] < end)
            {
                var record = records[next[b]];
                var target = (int)(record.Key >> Shift);
                while (target != b)
                {
                    (record, records[next[target]]) = (records[next[target]], record);
                    next[target]++;
                    target = (int)(record.Key >> Shift);
                }

                records[next[b]++] = record;
            }
        }

        return starts;
    }

    private static void SortBuckets(Span<BandRecord> records, int[] starts, int from, int to)
    {
        for (var b = from; b < to; b++)
        {
            var bucket = records[starts[b]..starts[b + 1]];
            IntroSort(bucket, DepthLimit(bucket.Length));
        }
    }

    /// <summary>
    /// Sorts by (key, document) with a stable radix sort on the key when the documents are already
    /// ascending (the order records are added in); <paramref name="scratch"/> must be as long as
    /// <paramref name="records"/>. Returns false, leaving the records as they were, otherwise.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryRadixSort(Span<BandRecord> records, Span<BandRecord> scratch)
    {
        for (var i = 1; i < records.Length; i++)
        {
            if (records[i].Document < records[i - 1].Document)
            {
                return false;
            }
        }

        // Radix passes of 11 bits over the key's upper 33 bits, least significant first, all
        // histograms in one read. Keys of 900k random records share their upper 33 bits by chance
        // about 50 times, so the few runs that do are then finished by a comparison sort.
        const int Bits = 11, Passes = 3, Buckets = 1 << Bits, Low = 64 - (Bits * Passes);
        var counts = new int[Passes * Buckets];
        foreach (var record in records)
        {
            var key = record.Key >> Low;
            for (var p = 0; p < Passes; p++)
            {
                counts[(p * Buckets) + (int)((key >> (p * Bits)) & (Buckets - 1))]++;
            }
        }

        var from = records;
        var to = scratch[..records.Length];
        for (var p = 0; p < Passes; p++)
        {
            var offsets = counts.AsSpan(p * Buckets, Buckets);
            var sum = 0;
            for (var b = 0; b < Buckets; b++)
            {
                (offsets[b], sum) = (sum, sum + offsets[b]);
            }

            var shift = Low + (p * Bits);
            foreach (var record in from)
            {
                to[offsets[(int)((record.Key >> shift) & (Buckets - 1))]++] = record;
            }

            var swap = from;
            from = to;
            to = swap;
        }

        // An odd number of passes: the result is in the scratch space.
        from.CopyTo(records);
        FinishRuns(records, Low);
        return true;
    }

    // Runs of equal upper key bits are in document order; those that also hold different keys
    // (rare: chance agreement of the upper bits) are sorted whole.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FinishRuns(Span<BandRecord> records, int low)
    {
        var start = 0;
        for (var i = 1; i <= records.Length; i++)
        {
            if (i < records.Length && records[i].Key >> low == records[start].Key >> low)
            {
                continue;
            }

            var run = records[start..i];
            for (var k = 1; k < run.Length; k++)
            {
                if (Less(run[k], run[k - 1]))
                {
                    IntroSort(run, DepthLimit(run.Length));
                    break;
                }
            }

            start = i;
        }
    }

    private static int DepthLimit(int length) => (2 * (int)Math.Log2(Math.Max(length, 1))) + 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Less(in BandRecord a, in BandRecord b) => a.Key < b.Key || (a.Key == b.Key && a.Document < b.Document);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SwapIfLess(Span<BandRecord> span, int a, int b)
    {
        if (Less(span[a], span[b]))
        {
            (span[a], span[b]) = (span[b], span[a]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void IntroSort(Span<BandRecord> span, int depth)
    {
        while (span.Length > InsertionLimit)
        {
            if (depth-- == 0)
            {
                HeapSort(span);
                return;
            }

            var left = Partition(span);

            // Recurse into the smaller side, loop on the larger: stack depth stays logarithmic.
            if (left < span.Length - left)
            {
                IntroSort(span[..left], depth);
                span = span[(left + 1)..];
            }
            else
            {
                IntroSort(span[(left + 1)..], depth);
                span = span[..left];
            }
        }

        for (var i = 1; i < span.Length; i++)
        {
            var item = span[i];
            var j = i - 1;
            while (j >= 0 && Less(item, span[j]))
            {
                span[j + 1] = span[j];
                j--;
            }

            span[j + 1] = item;
        }
    }

    /// <summary>Median-of-three quicksort partition (at least 3 records): returns the pivot's final index.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Partition(Span<BandRecord> span)
    {
        // Median of first, middle and last as the pivot, parked at the end.
        var hi = span.Length - 1;
        var mid = hi / 2;
        SwapIfLess(span, mid, 0);
        SwapIfLess(span, hi, 0);
        SwapIfLess(span, hi, mid);
        (span[mid], span[hi - 1]) = (span[hi - 1], span[mid]);
        var pivot = span[hi - 1];
        int left = 0, right = hi - 1;
        while (true)
        {
            while (Less(span[++left], pivot))
            {
            }

            while (Less(pivot, span[--right]))
            {
            }

            if (left >= right)
            {
                break;
            }

            (span[left], span[right]) = (span[right], span[left]);
        }

        (span[left], span[hi - 1]) = (span[hi - 1], span[left]);
        return left;
    }

    private static void HeapSort(Span<BandRecord> span)
    {
        for (var i = (span.Length / 2) - 1; i >= 0; i--)
        {
            SiftDown(span, i, span.Length);
        }

        for (var end = span.Length - 1; end > 0; end--)
        {
            (span[0], span[end]) = (span[end], span[0]);
            SiftDown(span, 0, end);
        }
    }

    private static void SiftDown(Span<BandRecord> span, int root, int length)
    {
        while (2 * root + 1 < length)
        {
            var child = 2 * root + 1;
            if (child + 1 < length && Less(span[child], span[child + 1]))
            {
                child++;
            }

            if (!Less(span[root], span[child]))
            {
                return;
            }

            (span[root], span[child]) = (span[child], span[root]);
            root = child;
        }
    }
}
