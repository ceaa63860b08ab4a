namespace Winnow.Tests.Report;

/// <summary>
/// A fact that needs Debian's headless chromium and chromedriver (apt packages chromium and
/// chromium-driver); skipped, not failed, where either is absent.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class BrowserFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";
    public const string DriverFolder = "/usr/bin";

    public BrowserFactAttribute()
    {
        if (!File.Exists(Chromium) || !File.Exists(Path.Combine(DriverFolder, "chromedriver")))
        {
            Skip = $"{Chromium} or {DriverFolder}/chromedriver is absent (apt-get install chromium chromium-driver)";
        }
    }
}
