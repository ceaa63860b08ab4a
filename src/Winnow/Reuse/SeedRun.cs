namespace Winnow.Reuse;

/// <summary>A maximal run of equal words: A[I, I+Length) = B[J, J+Length).</summary>
internal readonly record struct SeedRun(int I, int J, int Length) : IComparable<SeedRun>
{
    public int IEnd => I + Length;

    public int JEnd => J + Length;

    public int CompareTo(SeedRun other)
    {
        var c = I.CompareTo(other.I);
        return c != 0 ? c : J.CompareTo(other.J);
    }
}
