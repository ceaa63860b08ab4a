using System.Runtime.InteropServices;

namespace Winnow.NearDedup;

/// <summary>One band of one document: the band's key (its index is mixed in) and the document's index; 12 bytes on disk.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal readonly record struct BandRecord(ulong Key, uint Document) : IComparable<BandRecord>
{
    public const int Size = 12;

    public int CompareTo(BandRecord other)
    {
        var byKey = Key.CompareTo(other.Key);
        return byKey != 0 ? byKey : Document.CompareTo(other.Document);
    }
}
