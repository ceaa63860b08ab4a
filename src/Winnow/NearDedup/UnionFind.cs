namespace Winnow.NearDedup;

/// <summary>
/// Disjoint sets over document indexes where the root of a set is always its smallest index, so
/// the sets and their roots depend only on which pairs were joined, never on the order.
/// </summary>
/// <remarks>4 bytes per document. Not thread-safe.</remarks>
internal sealed class UnionFind
{
    private readonly uint[] _parent;

    public UnionFind(int count)
    {
        _parent = new uint[count];
        for (var i = 0; i < count; i++)
        {
            _parent[i] = (uint)i;
        }
    }

    public int Count => _parent.Length;

    public uint Find(uint x)
    {
        while (_parent[x] != x)
        {
            // Path halving keeps trees shallow without recursion.
            var grandparent = _parent[_parent[x]];
            _parent[x] = grandparent;
            x = grandparent;
        }

        return x;
    }

    /// <summary>Joins the sets of <paramref name="a"/> and <paramref name="b"/>; false when they were already one.</summary>
    public bool Union(uint a, uint b)
    {
        var ra = Find(a);
        var rb = Find(b);
        if (ra == rb)
        {
            return false;
        }

        if (ra < rb)
        {
            _parent[rb] = ra;
        }
        else
        {
            _parent[ra] = rb;
        }

        return true;
    }
}
