namespace Winnow.Reuse;

/// <summary>The spilled fact "document <see cref="Ordinal"/> (on host <see cref="Host"/>) has fingerprint <see cref="Hash"/>".</summary>
internal readonly record struct FingerprintRecord(ulong Hash, long Ordinal, uint Host) : IComparable<FingerprintRecord>
{
    public int CompareTo(FingerprintRecord other)
    {
        var c = Hash.CompareTo(other.Hash);
        return c != 0 ? c : Ordinal.CompareTo(other.Ordinal);
    }
}
