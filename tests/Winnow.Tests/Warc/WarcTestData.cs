using Winnow.Tests.Support;

namespace Winnow.Tests.Warc;

/// <summary>
/// Finds the public test WARCs of other WARC libraries and Apache Arrow's test files (listed in warc-testdata.tsv, fetched by
/// .ci/fetch-warc-testdata.sh): the folder named by WINNOW_WARC_TESTDATA, else `.warc-testdata`
/// beside the repository or beside one of its parent folders (git worktrees). Tests that need them
/// are skipped, not failed, where they are absent.
/// </summary>
internal static class WarcTestData
{
    public const string Absent = "the public test WARCs are absent: run .ci/fetch-warc-testdata.sh (see tests/Winnow.Tests/Warc/warc-testdata.tsv)";

    private const string ArrowFolder = "arrow";
    private const string ParquetFolder = "parquet";

    private static readonly Lazy<string?> Root = new(Find);

    /// <summary>The folder, or null when absent.</summary>
    public static string? Folder => Root.Value;

    /// <summary>The names the manifest lists, e.g. "pywb/iana.warc.gz".</summary>
    public static IReadOnlyList<string> Manifest() =>
        System.IO.File.ReadLines(Path.Combine(SharedData.RepoRoot, "tests", "Winnow.Tests", "Warc", "warc-testdata.tsv"))
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line.Split('\t')[0])
            .ToList();

    /// <summary>The WARC, ARC and WET files of the manifest (the Arrow files, under arrow/, and the Parquet files, under parquet/, are not).</summary>
    public static IReadOnlyList<string> Warcs() => Manifest().Where(name => !IsTable(name)).ToList();

    /// <summary>The Parquet files of the manifest (parquet-testing's data/ and bad_data/).</summary>
    public static IReadOnlyList<string> Parquets() => Manifest().Where(name => name.StartsWith(ParquetFolder + "/", StringComparison.Ordinal)).ToList();

    /// <summary>The folders of WARC, ARC and WET files in <see cref="Folder"/>.</summary>
    public static IReadOnlyList<string> WarcFolders() =>
        Directory.GetDirectories(Folder ?? throw new InvalidOperationException(Absent)).Where(d => !IsTable(Path.GetFileName(d) + "/")).Order(StringComparer.Ordinal).ToList();

    private static bool IsTable(string name) =>
        name.StartsWith(ArrowFolder + "/", StringComparison.Ordinal) || name.StartsWith(ParquetFolder + "/", StringComparison.Ordinal);

    /// <summary>The path of a file of the manifest; fails when the folder is there without it (an incomplete fetch).</summary>
    public static string File(string name)
    {
        var path = Path.Combine(Folder ?? throw new InvalidOperationException(Absent), name);
        Assert.True(System.IO.File.Exists(path), $"{path} is missing: remove {Folder} and run .ci/fetch-warc-testdata.sh again");
        return path;
    }

    private static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("WINNOW_WARC_TESTDATA");
        if (!string.IsNullOrEmpty(env))
        {
            return Directory.Exists(env) ? env : null;
        }

        for (var up = new DirectoryInfo(SharedData.RepoRoot).Parent; up is not null; up = up.Parent)
        {
            var candidate = Path.Combine(up.FullName, ".warc-testdata");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

/// <summary>A theory that is skipped when the public test WARCs are absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class WarcTestDataTheoryAttribute : TheoryAttribute
{
    public WarcTestDataTheoryAttribute()
    {
        if (WarcTestData.Folder is null)
        {
            Skip = WarcTestData.Absent;
        }
    }
}

/// <summary>A fact that is skipped when the public test WARCs are absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class WarcTestDataFactAttribute : FactAttribute
{
    public WarcTestDataFactAttribute()
    {
        if (WarcTestData.Folder is null)
        {
            Skip = WarcTestData.Absent;
        }
    }
}
