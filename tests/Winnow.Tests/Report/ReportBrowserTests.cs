using OpenQA.Selenium;
using Winnow.Tests.Support;

namespace Winnow.Tests.Report;

/// <summary>
/// Opens the demo run's report in headless chromium: the numbers shown equal stats.json, a cluster
/// opens with its side-by-side view, reuse passages align, and no script from a document runs.
/// </summary>
public sealed class ReportBrowserTests
{
    [BrowserFact]
    public void TheDemoReportShowsTheRunAndRunsNoDocumentScript()
    {
        using var run = new ReportFixture();
        using var browser = new HeadlessChromium();
        browser.OpenReport(run.Report.Path, TimeSpan.FromSeconds(60));

        var stats = run.Stats;
        foreach (var field in new[] { "in", "kept", "removed", "rejected" })
        {
            var shown = browser.ByTestId("count-" + field);
            var expected = RunOutputReader.Long(stats["documents"]![field]);
            Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), shown.Text.Replace(",", "", StringComparison.Ordinal));
            Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), shown.GetAttribute("data-value"));
        }

        foreach (var (reason, tally) in stats["removed_by_reason"]!.AsObject())
        {
            Assert.Equal(RunOutputReader.Long(tally!["documents"]), long.Parse(browser.ByTestId("bar-removed-" + reason).GetAttribute("data-value")!, System.Globalization.CultureInfo.InvariantCulture));
        }

        // A synthetic near-duplicate cluster: open it, compare kept vs a copy.
        var nearRow = browser.Driver.FindElements(By.CssSelector("[data-testid='cluster-row'][data-cluster^='near:'] td")).First();
        nearRow.Click();
        browser.ByTestId("compare").Click();
        var sideBySide = browser.ByTestId("side-by-side");
        Assert.NotEmpty(sideBySide.FindElements(By.CssSelector("[data-testid='side-by-side-a'] span.same")));
        Assert.Contains("shared words", browser.ByTestId("shared-words").Text, StringComparison.Ordinal);
        nearRow.Click();

        // The hostile pair, found by the search box: its text shows as text.
        browser.ByTestId("cluster-search").SendKeys("hostile");
        var rows = browser.AllByTestId("cluster-row");
        var hostile = Assert.Single(rows);
        hostile.FindElement(By.TagName("td")).Click();
        Assert.Equal(2, browser.AllByTestId("member-row").Count);
        browser.ByTestId("compare").Click();
        var a = browser.ByTestId("side-by-side-a").Text;
        Assert.Contains("<script>window.__pwned=1</script>", a, StringComparison.Ordinal);
        Assert.Contains("<img src=x onerror=\"window.__pwned=2\">", a, StringComparison.Ordinal);
        Assert.NotEmpty(browser.Driver.FindElements(By.CssSelector("[data-testid='side-by-side-b'] span.diff-b")));

        // Reuse: the first passage pair, aligned side by side.
        browser.AllByTestId("reuse-row")[0].FindElement(By.TagName("button")).Click();
        Assert.NotEmpty(browser.ByTestId("reuse-side-by-side").FindElements(By.CssSelector("span.same")));

        browser.Script("document.getElementById('clusters').scrollIntoView()");
        browser.Screenshot(Path.Combine(AppContext.BaseDirectory, "report-screenshot.png"));

        Assert.Equal("undefined", browser.Script("return typeof window.__pwned"));
        Assert.Equal(0L, browser.Script("return document.querySelectorAll('img, iframe, object, embed, textarea').length"));
        Assert.Equal(0L, browser.Script("return [...document.querySelectorAll('a[href]')].filter(a => !/^https?:|^#/.test(a.getAttribute('href'))).length"));
        Assert.Equal(2L, browser.Script("return document.scripts.length"));
    }
}
