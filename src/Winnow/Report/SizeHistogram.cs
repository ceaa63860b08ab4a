namespace Winnow.Report;

/// <summary>Counts duplicate clusters by kind and size bucket (2, 3, 4, 5, 6–10, 11–20, 21–50, 51–100, 101–1000, over 1000).</summary>
/// <remarks>Not thread-safe.</remarks>
internal sealed class SizeHistogram
{
    public static readonly string[] Buckets = ["2", "3", "4", "5", "6–10", "11–20", "21–50", "51–100", "101–1000", ">1000"];

    private static readonly long[] Upper = [2, 3, 4, 5, 10, 20, 50, 100, 1000, long.MaxValue];

    public SortedDictionary<string, long[]> ByKind { get; } = new(StringComparer.Ordinal);

    public long Total { get; private set; }

    public long Largest { get; private set; }

    public void Add(string kind, long size)
    {
        if (!ByKind.TryGetValue(kind, out var counts))
        {
            counts = new long[Buckets.Length];
            ByKind[kind] = counts;
        }

        var b = 0;
        while (size > Upper[b])
        {
            b++;
        }

        counts[b]++;
        Total++;
        Largest = Math.Max(Largest, size);
    }
}
