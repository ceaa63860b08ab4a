namespace Winnow;

/// <summary>Facts about this build of the library.</summary>
public static class WinnowInfo
{
    /// <summary>The library's version, as written into every run's stats.</summary>
    public static string Version => typeof(WinnowInfo).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
