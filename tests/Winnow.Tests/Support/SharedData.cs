namespace Winnow.Tests.Support;

/// <summary>
/// The shared benchmark data: the "shared" folder beside the repository or beside one of its
/// parent folders (git worktrees), or WINNOW_SHARED; null when absent, and tests then skip.
/// </summary>
internal static class SharedData
{
    public static string? Folder(string relative)
    {
        var env = Environment.GetEnvironmentVariable("WINNOW_SHARED");
        if (!string.IsNullOrEmpty(env))
        {
            var p = Path.Combine(env, relative);
            return Directory.Exists(p) ? p : null;
        }

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Winnow.slnx")))
        {
            dir = dir.Parent;
        }

        for (var up = dir?.Parent; up is not null; up = up.Parent)
        {
            var candidate = Path.Combine(up.FullName, "shared", relative);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
