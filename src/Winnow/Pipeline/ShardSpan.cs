namespace Winnow.Pipeline;

/// <summary>
/// One input shard as the whole-corpus steps see it: its position in the plan and the range of
/// global input ordinals its documents hold. Inside a shard's own tasks, ordinals are local
/// (0-based); <see cref="OrdinalBase"/> turns them into the ordinals a single-process run gives.
/// </summary>
internal readonly record struct ShardSpan(int Index, long OrdinalBase, long Ordinals);
