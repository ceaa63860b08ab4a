namespace Winnow.Tests.Support;

/// <summary>
/// Finds the shared data folder that sits beside the project (../shared from the repo root).
/// Tests that need it are skipped, not failed, where it is absent.
/// </summary>
internal static class SharedData
{
    private static readonly Lazy<string?> Root = new(Find);

    public static string? Path(string relative)
    {
        if (Root.Value is null)
        {
            return null;
        }

        var path = System.IO.Path.Combine(Root.Value, relative);
        return File.Exists(path) || Directory.Exists(path) ? path : null;
    }

    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "Winnow.slnx")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("cannot find the repository root (Winnow.slnx) above the test binaries");
        }
    }

    /// <summary>The text of a file under ../shared, or null when it is absent.</summary>
    public static string? Text(string relative) => Path(relative) is { } path ? File.ReadAllText(path) : null;

    private static string? Find()
    {
        // WINNOW_SHARED points elsewhere, e.g. from a git worktree that has no ../shared beside it.
        if (Environment.GetEnvironmentVariable("WINNOW_SHARED") is { Length: > 0 } overridden)
        {
            return Directory.Exists(overridden) ? overridden : null;
        }

        var shared = System.IO.Path.GetFullPath(System.IO.Path.Combine(RepoRoot, "..", "shared"));
        return Directory.Exists(shared) ? shared : null;
    }
}

/// <summary>A fact that is skipped when a path under ../shared is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(string relative)
    {
        if (SharedData.Path(relative) is null)
        {
            Skip = $"../shared/{relative} is absent";
        }
    }
}
