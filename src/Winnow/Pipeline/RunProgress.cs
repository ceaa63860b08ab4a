namespace Winnow.Pipeline;

/// <summary>A snapshot of a running pipeline, for progress displays.</summary>
/// <param name="Documents">Input records handled so far.</param>
/// <param name="InputBytesRead">On-disk input bytes read so far.</param>
/// <param name="InputBytesTotal">On-disk size of all inputs, or -1 when unknown (standard input).</param>
/// <param name="Kept">Documents kept so far.</param>
/// <param name="Removed">Documents removed so far.</param>
/// <param name="Rejected">Records rejected so far.</param>
/// <param name="Elapsed">Time since the run started.</param>
public readonly record struct RunProgress(
    long Documents,
    long InputBytesRead,
    long InputBytesTotal,
    long Kept,
    long Removed,
    long Rejected,
    TimeSpan Elapsed)
{
    /// <summary>
    /// What the run is doing when it has more than one pass, e.g. "pass 2/3" or
    /// "near_dedup: resolving"; empty otherwise. Byte counts then refer to the pass's own input.
    /// </summary>
    public string Phase { get; init; } = "";
}
