namespace Winnow.NearDedup;

/// <summary>A document in a near-duplicate cluster.</summary>
/// <param name="Index">Position among the documents the stage saw (internal numbering).</param>
/// <param name="Ordinal">The document's input position (<see cref="Documents.Document.Ordinal"/>).</param>
/// <param name="Id">The document's id.</param>
/// <param name="Similarity">Jaccard similarity to the kept member (estimated, or exact with <see cref="VerifyMode.Exact"/>); 1 for the kept member.</param>
/// <param name="IsKept">True for the member that stays.</param>
public readonly record struct ClusterMember(uint Index, long Ordinal, string Id, double Similarity, bool IsKept);
