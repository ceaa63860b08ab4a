namespace Winnow.Stats;

/// <summary>A count of documents and of their input bytes.</summary>
public readonly record struct Tally(long Documents, long Bytes)
{
    /// <summary>Adds one document of <paramref name="bytes"/> input bytes.</summary>
    public Tally Add(long bytes) => new(Documents + 1, Bytes + bytes);

    /// <summary>The sum of two tallies.</summary>
    public static Tally operator +(Tally a, Tally b) => new(a.Documents + b.Documents, a.Bytes + b.Bytes);
}
