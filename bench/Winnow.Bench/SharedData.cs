namespace Winnow.Bench;

/// <summary>
/// Finds the shared benchmark data: the "shared" folder beside the repository (or beside one of
/// its parent folders, for git worktrees), or WINNOW_SHARED.
/// </summary>
internal static class SharedData
{
    public static string? Root()
    {
        var env = Environment.GetEnvironmentVariable("WINNOW_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env))
        {
            return env;
        }

        for (var up = RepoRoot()?.Parent; up is not null; up = up.Parent)
        {
            var candidate = Path.Combine(up.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "data")))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The repository (the folder holding Winnow.slnx) the benchmark was built from.</summary>
    public static DirectoryInfo? RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Winnow.slnx")))
        {
            dir = dir.Parent;
        }

        return dir;
    }

    public static string? Data(string name)
    {
        var root = Root();
        var path = root is null ? null : Path.Combine(root, "data", name);
        return path is not null && Directory.Exists(path) ? path : null;
    }
}
