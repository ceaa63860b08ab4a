namespace Winnow.Documents;

/// <summary>Why a stage removed a document.</summary>
/// <param name="Stage">The stage that decided, e.g. "exact_dedup".</param>
/// <param name="Reason">A stable snake_case reason, counted in stats, e.g. "exact_duplicate".</param>
/// <param name="KeptId">For duplicates: the id of the document that was kept in its place.</param>
/// <param name="Detail">Optional measured values or a human-readable note.</param>
public sealed record Removal(string Stage, string Reason, string? KeptId = null, string? Detail = null);
