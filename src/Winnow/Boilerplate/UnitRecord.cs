namespace Winnow.Boilerplate;

/// <summary>The spilled fact "document <see cref="Ordinal"/> of group <see cref="Group"/> has unit <see cref="Hash"/>".</summary>
internal readonly record struct UnitRecord(ulong Group, ulong Hash, long Ordinal) : IComparable<UnitRecord>
{
    public int CompareTo(UnitRecord other)
    {
        var c = Group.CompareTo(other.Group);
        if (c != 0)
        {
            return c;
        }

        c = Hash.CompareTo(other.Hash);
        return c != 0 ? c : Ordinal.CompareTo(other.Ordinal);
    }
}
