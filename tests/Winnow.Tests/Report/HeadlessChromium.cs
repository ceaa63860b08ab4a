using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace Winnow.Tests.Report;

/// <summary>Debian's chromium driven by its chromedriver: headless, no network, a fresh profile.</summary>
internal sealed class HeadlessChromium : IDisposable
{
    private readonly string _profile = Path.Combine(Path.GetTempPath(), "winnow-chromium-" + Guid.NewGuid().ToString("N"));

    public HeadlessChromium(int width = 1400, int height = 1800)
    {
        // Selenium Manager must not look for (or download) a driver: the path is given explicitly.
        Environment.SetEnvironmentVariable("SE_OFFLINE", "true");
        var options = new ChromeOptions { BinaryLocation = BrowserFactAttribute.Chromium };
        options.AddArguments(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--disable-extensions", $"--window-size={width},{height}", $"--user-data-dir={_profile}");
        var service = ChromeDriverService.CreateDefaultService(BrowserFactAttribute.DriverFolder, "chromedriver");
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(120));
    }

    public ChromeDriver Driver { get; }

    public object? Script(string script, params object[] args) => Driver.ExecuteScript(script, args);

    /// <summary>Opens a local page and waits until its script marks it ready.</summary>
    public void OpenReport(string path, TimeSpan timeout)
    {
        Driver.Navigate().GoToUrl(new Uri(Path.GetFullPath(path)).AbsoluteUri);
        new WebDriverWait(Driver, timeout).Until(d => (string?)((IJavaScriptExecutor)d).ExecuteScript("return document.documentElement.getAttribute('data-ready')") == "1");
    }

    public IWebElement ByTestId(string id) => Driver.FindElement(By.CssSelector($"[data-testid='{id}']"));

    public IReadOnlyList<IWebElement> AllByTestId(string id) => Driver.FindElements(By.CssSelector($"[data-testid='{id}']"));

    public void Screenshot(string path) => Driver.GetScreenshot().SaveAsFile(path);

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // chromium may still hold a lock file for a moment; a leftover profile is harmless.
        }
    }
}
