namespace Winnow.Report;

/// <summary>What <see cref="ReportWriter.Write(string, ReportOptions?, string?)"/> wrote.</summary>
/// <param name="Path">The page's path.</param>
/// <param name="Bytes">The page's size in bytes.</param>
/// <param name="Clusters">Duplicate clusters listed in the page.</param>
/// <param name="Sampled">True when some list was cut at a size bound.</param>
public sealed record ReportResult(string Path, long Bytes, int Clusters, bool Sampled);
