namespace Winnow.Readers;

/// <summary>
/// What a run reads, and what it found but does not read: the ordered input files, the files of
/// input folders left out (by reason, with names), and notes for the user (an empty folder, a glob
/// that matches nothing).
/// </summary>
public sealed record InputSelection(IReadOnlyList<InputFile> Files, IReadOnlyDictionary<string, SkippedFiles> Skipped, IReadOnlyList<string> Notes)
{
    /// <summary>Total size of the files, or -1 when one is unknown (standard input).</summary>
    public long TotalBytes => Files.Any(f => f.Length < 0) ? -1 : Files.Sum(f => f.Length);
}
