using Winnow.IO;
using Winnow.Pipeline;

namespace Winnow.Report;

/// <summary>
/// Writes <c>report.html</c> for a run folder: one self-contained page (inline CSS and script,
/// no network) showing counts, reasons, duplicate clusters with a side-by-side view, boilerplate,
/// reuse passages and filter decisions. Reads the run in bounded memory (see <see cref="ReportOptions"/>).
/// </summary>
/// <remarks>Thread-safety: stateless; concurrent calls on different folders are safe.</remarks>
public static class ReportWriter
{
    /// <summary>The page's file name inside the run folder.</summary>
    public const string FileName = RunFiles.Report;

    /// <summary>Reads the run in <paramref name="runDirectory"/> and writes its report.</summary>
    /// <param name="runDirectory">A folder written by <c>winnow run</c>.</param>
    /// <param name="options">Size bounds; defaults when omitted.</param>
    /// <param name="outputPath">Where to write; default <c>runDirectory/report.html</c>.</param>
    /// <returns>The path written and its size.</returns>
    public static ReportResult Write(string runDirectory, ReportOptions? options = null, string? outputPath = null) =>
        Write(runDirectory, options, outputPath, JsonlBlocks.BlockBytes);

    /// <summary>As <see cref="Write(string, ReportOptions?, string?)"/>, with the size of the blocks of lines parsed in parallel (tests use small ones).</summary>
    internal static ReportResult Write(string runDirectory, ReportOptions? options, string? outputPath, int blockBytes)
    {
        if (!Directory.Exists(runDirectory))
        {
            throw new DirectoryNotFoundException($"no such run folder: {runDirectory}");
        }

        var o = options ?? new ReportOptions();
        var collector = new ReportCollector(runDirectory, o, blockBytes);
        collector.Collect();
        var title = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(runDirectory)));
        var data = ReportJson.Write(collector, o, title);
        var path = outputPath ?? Path.Combine(runDirectory, FileName);
        var temp = path + ".tmp";
        using (var stream = FileWrites.CreateNew(temp, bufferSize: 1 << 16))
        {
            ReportHtml.Write(stream, data, title);
        }

        File.Move(temp, path, overwrite: true);
        if (outputPath is null)
        {
            // Part of the run now: replacing the run removes it too.
            OutputFolder.Record(runDirectory, FileName);
        }

        return new ReportResult(path, new FileInfo(path).Length, collector.Clusters.Count, collector.Notes.Count > 0 || collector.Counts.Values.Any(c => c.Shown < c.Total));
    }
}
