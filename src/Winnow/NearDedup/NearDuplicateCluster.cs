namespace Winnow.NearDedup;

/// <summary>A cluster of near duplicates: every member but the kept one is removed.</summary>
/// <param name="Id">The input ordinal of the cluster's first member: stable whatever the thread count.</param>
/// <param name="KeptId">The id of the member that stays (chosen by <see cref="KeepPolicy"/>).</param>
/// <param name="Members">All members, kept one included, in input order.</param>
public sealed record NearDuplicateCluster(long Id, string KeptId, IReadOnlyList<ClusterMember> Members);
