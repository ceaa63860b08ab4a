namespace Winnow.Tests.Support;

/// <summary>
/// Finds ../shared beside the repository (the folder holding Winnow.slnx); null when absent so
/// tests that need it skip. WINNOW_SHARED overrides the location (e.g. for a git worktree).
/// </summary>
internal static class SharedData
{
    public static string? Root
    {
        get
        {
            var overridden = Environment.GetEnvironmentVariable("WINNOW_SHARED");
            if (!string.IsNullOrEmpty(overridden))
            {
                return Directory.Exists(overridden) ? overridden : null;
            }

            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "Winnow.slnx")))
            {
                dir = dir.Parent;
            }

            var shared = dir?.Parent is null ? null : Path.Combine(dir.Parent.FullName, "shared");
            return shared is not null && Directory.Exists(shared) ? shared : null;
        }
    }

    /// <summary>The path of a file under ../shared, or null when it is not there.</summary>
    public static string? File(params string[] parts)
    {
        var root = Root;
        if (root is null)
        {
            return null;
        }

        var path = Path.Combine([root, .. parts]);
        return System.IO.File.Exists(path) ? path : null;
    }
}
