namespace Winnow.NearDedup;

/// <summary>
/// The exact similarity of each pair the joiner measured, for the cluster assembly: a member is
/// measured against its cluster's kept document, and in most clusters (two documents, or a copy
/// attached to the document that contains it) that is a pair already measured. Looking it up
/// instead of measuring again saves computing both shingle sets from the texts once more. Values
/// are those the verifier gave, so the clusters are the same.
/// </summary>
/// <remarks>12 bytes per pair, at most <see cref="MaxPairs"/> pairs (later ones are measured again). Not thread-safe while filled.</remarks>
internal sealed class MeasuredPairs
{
    public const int MaxPairs = 1 << 24;
    private readonly List<ulong> _keys = [];
    private readonly List<double> _similarities = [];
    private ulong[] _sortedKeys = [];
    private double[] _sortedSimilarities = [];

    public void Add(uint a, uint b, double similarity)
    {
        if (_keys.Count < MaxPairs)
        {
            _keys.Add(Key(a, b));
            _similarities.Add(similarity);
        }
    }

    /// <summary>Ends filling: sorts the pairs for lookups.</summary>
    public void Seal()
    {
        _sortedKeys = [.. _keys];
        _sortedSimilarities = [.. _similarities];
        Array.Sort(_sortedKeys, _sortedSimilarities);
        _keys.Clear();
        _similarities.Clear();
    }

    /// <summary>The similarity of a pair the joiner measured, in either order; thread-safe once sealed.</summary>
    public bool TryGet(uint a, uint b, out double similarity)
    {
        var at = Array.BinarySearch(_sortedKeys, Key(a, b));
        similarity = at >= 0 ? _sortedSimilarities[at] : 0;
        return at >= 0;
    }

    private static ulong Key(uint a, uint b) => a < b ? ((ulong)a << 32) | b : ((ulong)b << 32) | a;
}
