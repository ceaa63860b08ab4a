namespace Winnow;

/// <summary>Facts about this build of the library.</summary>
public static class WinnowInfo
{
    /// <summary>The library's version, as written into every run's stats.</summary>
    public static string Version => typeof(WinnowInfo).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>The build: the version and the commit it was built from (e.g. "0.1.0+34ef0d9…").</summary>
    public static string Build =>
        typeof(WinnowInfo).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false) is
            [System.Reflection.AssemblyInformationalVersionAttribute { InformationalVersion: var informational }]
            ? informational
            : Version;
}
