using System.Runtime.InteropServices;

namespace Winnow.NearDedup;

/// <summary>
/// The exact similarity of each pair the joiner measured, for the cluster assembly: a member is
/// measured against its cluster's kept document, and in most clusters (two documents, or a copy
/// attached to the document that contains it) that is a pair already measured. Looking it up
/// instead of measuring again saves computing both shingle sets from the texts once more. Values
/// are those the verifier gave, so the clusters are the same.
/// </summary>
/// <remarks>
/// 16 bytes per pair (sorted in place), at most <see cref="MaxPairs"/> pairs, 128 MiB (later ones
/// are measured again). Not thread-safe while filled.
/// </remarks>
internal sealed class MeasuredPairs
{
    public const int MaxPairs = 1 << 23;
    private readonly List<ulong> _keys = [];
    private readonly List<double> _similarities = [];
    private bool _sealed;

    public void Add(uint a, uint b, double similarity)
    {
        if (!_sealed && _keys.Count < MaxPairs)
        {
            _keys.Add(Key(a, b));
            _similarities.Add(similarity);
        }
    }

    /// <summary>Ends filling: sorts the pairs for lookups.</summary>
    public void Seal()
    {
        CollectionsMarshal.AsSpan(_keys).Sort(CollectionsMarshal.AsSpan(_similarities));
        _sealed = true;
    }

    /// <summary>The similarity of a pair the joiner measured, in either order; thread-safe once sealed.</summary>
    public bool TryGet(uint a, uint b, out double similarity)
    {
        var at = _sealed ? CollectionsMarshal.AsSpan(_keys).BinarySearch(Key(a, b)) : -1;
        similarity = at >= 0 ? _similarities[at] : 0;
        return at >= 0;
    }

    private static ulong Key(uint a, uint b) => a < b ? ((ulong)a << 32) | b : ((ulong)b << 32) | a;
}
