namespace Winnow.Tests.Support;

/// <summary>
/// Finds the shared data folder that sits beside the project: `shared/` beside the repository
/// (../shared from its root) or beside one of its parent folders (git worktrees), or the folder
/// named by WINNOW_SHARED. Tests that need it are skipped, not failed, where it is absent.
/// </summary>
internal static class SharedData
{
    private static readonly Lazy<string?> Root = new(Find);

    /// <summary>A file or folder under shared/, or null when absent.</summary>
    public static string? Path(string relative)
    {
        if (Root.Value is null)
        {
            return null;
        }

        var path = System.IO.Path.Combine(Root.Value, relative);
        return System.IO.File.Exists(path) || Directory.Exists(path) ? path : null;
    }

    /// <summary>A file under shared/, or null when absent.</summary>
    public static string? File(params string[] parts) => Path(System.IO.Path.Combine(parts)) is { } p && System.IO.File.Exists(p) ? p : null;

    /// <summary>A folder under shared/, or null when absent.</summary>
    public static string? Folder(string relative) => Path(relative) is { } p && Directory.Exists(p) ? p : null;

    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "Winnow.slnx")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("cannot find the repository root (Winnow.slnx) above the test binaries");
        }
    }

    /// <summary>The text of a file under ../shared, or null when it is absent.</summary>
    public static string? Text(string relative) => Path(relative) is { } path ? System.IO.File.ReadAllText(path) : null;

    private static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("WINNOW_SHARED");
        if (!string.IsNullOrEmpty(env))
        {
            return Directory.Exists(env) ? env : null;
        }

        for (var up = new DirectoryInfo(RepoRoot).Parent; up is not null; up = up.Parent)
        {
            var candidate = System.IO.Path.Combine(up.FullName, "shared");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

/// <summary>A fact that is skipped when a path under shared/ is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(params string[] relative)
    {
        var missing = relative.FirstOrDefault(r => SharedData.Path(r) is null);
        if (missing is not null)
        {
            Skip = $"shared/{missing} is absent";
        }
    }
}
