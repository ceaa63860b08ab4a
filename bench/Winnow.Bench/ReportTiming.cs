using System.Diagnostics;
using OpenQA.Selenium.Chrome;
using Winnow.Report;

namespace Winnow.Bench;

/// <summary>
/// `report RUN_DIR`: time to write report.html for a run folder (wall, peak working set), its size,
/// and, when Debian's chromium and chromedriver are installed, the time headless chromium takes
/// from navigation start until the page's script marks it rendered (a fresh browser per round).
/// </summary>
internal static class ReportTiming
{
    public static void Run(string run, int rounds)
    {
        for (var i = 0; i < rounds; i++)
        {
            var clock = Stopwatch.StartNew();
            var result = ReportWriter.Write(run);
            Console.WriteLine($"write: {clock.Elapsed.TotalSeconds:N2} s, {result.Bytes / 1e6:N2} MB, {result.Clusters:N0} clusters, sampled={result.Sampled}, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:N0} MB");
        }

        if (!File.Exists("/usr/bin/chromium") || !File.Exists("/usr/bin/chromedriver"))
        {
            Console.WriteLine("open: skipped (no /usr/bin/chromium or /usr/bin/chromedriver)");
            return;
        }

        Environment.SetEnvironmentVariable("SE_OFFLINE", "true");
        var page = new Uri(Path.GetFullPath(Path.Combine(run, ReportWriter.FileName))).AbsoluteUri;
        for (var i = 0; i < rounds; i++)
        {
            var profile = Path.Combine(Path.GetTempPath(), "winnow-bench-chromium-" + Guid.NewGuid().ToString("N"));
            var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium" };
            options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run", "--user-data-dir=" + profile);
            using var driver = new ChromeDriver(ChromeDriverService.CreateDefaultService("/usr/bin", "chromedriver"), options, TimeSpan.FromMinutes(5));
            var clock = Stopwatch.StartNew();
            driver.Navigate().GoToUrl(page);
            while (driver.ExecuteScript("return window.__winnowReadyMs") is null)
            {
                Thread.Sleep(20);
            }

            var readyMs = Convert.ToDouble(driver.ExecuteScript("return window.__winnowReadyMs"), System.Globalization.CultureInfo.InvariantCulture);
            Console.WriteLine($"open: rendered {readyMs / 1000:N2} s after navigation start (wall incl. WebDriver {clock.Elapsed.TotalSeconds:N2} s)");
            driver.Quit();
            Directory.Delete(profile, recursive: true);
        }
    }
}
