using OpenQA.Selenium;
using Winnow.Tests.Cli;
using Winnow.Tests.Support;

namespace Winnow.Tests.Report;

/// <summary>
/// `winnow demo` end to end in a real browser: the report of the demo run (every stage: extract,
/// dedup, filters, PII, near dedup, boilerplate, reuse) shows the numbers of its stats.json, a
/// near-duplicate cluster opens side by side, and the page runs no script but its own.
/// </summary>
[Collection(nameof(ConsoleCollection))]
public sealed class DemoReportBrowserTests
{
    [BrowserFact]
    public void TheDemoRunsReportOpensInChromium()
    {
        using var dir = new TempDir();
        var (code, _, _) = CliTests.Capture(() => Winnow.Cli.Program.Run(["demo", "--dir", dir["demo"], "--docs", "600", "-q"]));
        Assert.Equal(0, code);
        var run = dir["demo/run"];
        using var browser = new HeadlessChromium();
        browser.OpenReport(Path.Combine(run, "report.html"), TimeSpan.FromSeconds(60));

        var stats = RunOutputReader.Stats(run);
        foreach (var field in new[] { "in", "kept", "removed", "rejected" })
        {
            var expected = RunOutputReader.Long(stats["documents"]![field]).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(expected, browser.ByTestId("count-" + field).GetAttribute("data-value"));
        }

        foreach (var (reason, tally) in stats["removed_by_reason"]!.AsObject())
        {
            Assert.Equal(RunOutputReader.Long(tally!["documents"]), long.Parse(browser.ByTestId("bar-removed-" + reason).GetAttribute("data-value")!, System.Globalization.CultureInfo.InvariantCulture));
        }

        var near = browser.Driver.FindElements(By.CssSelector("[data-testid='cluster-row'][data-cluster^='near:'] td")).First();
        near.Click();
        Assert.True(browser.AllByTestId("member-row").Count >= 2);
        browser.ByTestId("compare").Click();
        Assert.NotEmpty(browser.ByTestId("side-by-side").FindElements(By.CssSelector("[data-testid='side-by-side-a'] span.same")));

        Assert.NotEmpty(browser.AllByTestId("reuse-row"));
        browser.Screenshot(Path.Combine(AppContext.BaseDirectory, "demo-report-screenshot.png"));
        Assert.Equal(2L, browser.Script("return document.scripts.length"));
        Assert.Equal(0L, browser.Script("return document.querySelectorAll('img, iframe, object, embed').length"));
    }
}
