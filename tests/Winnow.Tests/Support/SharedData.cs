namespace Winnow.Tests.Support;

/// <summary>
/// Finds the ../shared folder beside the repository (seeds, benchmark data). Tests that need it
/// return early when it is absent. WINNOW_SHARED overrides the location (e.g. for git worktrees).
/// </summary>
internal static class SharedData
{
    public static string? Directory
    {
        get
        {
            var overridden = Environment.GetEnvironmentVariable("WINNOW_SHARED");
            if (!string.IsNullOrEmpty(overridden))
            {
                return System.IO.Directory.Exists(overridden) ? overridden : null;
            }

            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Winnow.slnx")))
                {
                    var shared = Path.Combine(dir.FullName, "..", "shared");
                    return System.IO.Directory.Exists(shared) ? Path.GetFullPath(shared) : null;
                }
            }

            return null;
        }
    }

    /// <summary>The text of a seed page, or null when ../shared/seeds is absent.</summary>
    public static string? Seed(string name)
    {
        var dir = Directory;
        var path = dir is null ? null : Path.Combine(dir, "seeds", name);
        return path is not null && File.Exists(path) ? File.ReadAllText(path) : null;
    }
}
