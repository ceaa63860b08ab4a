namespace Winnow.Reuse;

/// <summary>Two documents sharing a fingerprint, <see cref="A"/> before <see cref="B"/> in input order.</summary>
internal readonly record struct PairRecord(long A, long B) : IComparable<PairRecord>
{
    public int CompareTo(PairRecord other)
    {
        var c = A.CompareTo(other.A);
        return c != 0 ? c : B.CompareTo(other.B);
    }
}
