using System.Runtime.InteropServices;
using Winnow.Documents;
using Winnow.Hashing;

namespace Winnow.Report;

/// <summary>
/// Groups removed documents that name a <c>kept_id</c> (exact duplicates, and near duplicates when
/// there is no clusters.jsonl) by the document kept in their place. Pass one counts group sizes
/// by a 64-bit hash of the kept id; pass two collects the members of the largest groups.
/// </summary>
/// <remarks>Memory: 16 bytes per distinct kept id, plus the selected groups. Not thread-safe.</remarks>
internal sealed class DuplicateGroups
{
    private readonly Dictionary<ulong, (int Count, string Reason)> _sizes = [];
    private readonly Dictionary<ulong, ClusterEntry> _selected = [];
    private readonly int _maxMembers;

    public DuplicateGroups(int maxMembers) => _maxMembers = maxMembers;

    public int Count => _sizes.Count;

    public static ulong Key(string keptId) => XxHash64.Hash(MemoryMarshal.AsBytes(keptId.AsSpan()), 0x5EED);

    public void Count1(string keptId, string reason)
    {
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_sizes, Key(keptId), out var exists);
        entry = (entry.Count + 1, exists ? entry.Reason : reason);
    }

    /// <summary>Cluster sizes (members including the kept one) by kind.</summary>
    public IEnumerable<(string Kind, long Size)> Sizes() => _sizes.Values.Select(v => (KindOf(v.Reason), (long)v.Count + 1));

    /// <summary>Picks the <paramref name="k"/> largest groups (ties: first seen).</summary>
    public void Select(int k)
    {
        var top = new TopK<KeyValuePair<ulong, (int Count, string Reason)>>(k, (x, y) => y.Value.Count.CompareTo(x.Value.Count));
        foreach (var pair in _sizes)
        {
            top.Add(pair);
        }

        foreach (var (key, value) in top.Result())
        {
            _selected[key] = new ClusterEntry("", KindOf(value.Reason), "", value.Count + 1, []);
        }
    }

    /// <summary>Pass two: records a removed member of a selected group.</summary>
    public bool TryAddMember(string keptId, string memberId, out ClusterEntry? group)
    {
        if (!_selected.TryGetValue(Key(keptId), out group))
        {
            return false;
        }

        if (group.Members.Count == 0)
        {
            group = group with { Id = group.Kind + ":" + keptId, Kept = keptId };
            group.Members.Add(new ClusterMemberEntry(keptId, 1, true));
            _selected[Key(keptId)] = group;
        }

        if (group.Members.Count < _maxMembers)
        {
            group.Members.Add(new ClusterMemberEntry(memberId, group.Kind == "exact" ? 1 : double.NaN, false));
        }

        return true;
    }

    public IEnumerable<ClusterEntry> Selected() => _selected.Values.Where(g => g.Members.Count > 0);

    private static string KindOf(string reason) => reason == RemovalReasons.ExactDuplicate ? "exact" : reason.Replace("_duplicate", "", StringComparison.Ordinal);
}
