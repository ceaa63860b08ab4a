using Winnow.Writers;

namespace Winnow.Report;

/// <summary>The part-* files of one run subfolder in name order, and the run's optional stage outputs.</summary>
internal static class PartFiles
{
    public static IReadOnlyList<string> Of(string runDirectory, string folder)
    {
        var dir = Path.Combine(runDirectory, folder);
        if (!Directory.Exists(dir))
        {
            return [];
        }

        var files = Directory.GetFiles(dir, "part-*")
            .Where(OutputRecords.IsDataFile)
            .ToList();
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>A stage output such as clusters.jsonl, plain or gzipped, or null when absent.</summary>
    public static string? Optional(string runDirectory, string fileName)
    {
        var path = Path.Combine(runDirectory, fileName);
        if (File.Exists(path))
        {
            return path;
        }

        return File.Exists(path + ".gz") ? path + ".gz" : null;
    }
}
