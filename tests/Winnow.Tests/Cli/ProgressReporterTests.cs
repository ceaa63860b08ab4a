using Winnow.Cli.Console;
using Winnow.Pipeline;

namespace Winnow.Tests.Cli;

public sealed class ProgressReporterTests
{
    [Fact]
    public void PlainLinesGiveRatesAndAnEtaWhenTheSizeIsKnown()
    {
        var progress = new RunProgress(20_000, 50_000_000, 200_000_000, 19_000, 900, 100, TimeSpan.FromSeconds(10));
        Assert.Equal(
            "20,000 docs, 50.0 MB, 2,000 docs/s, 5.0 MB/s, 25%, ETA 00:00:30",
            ProgressReporter.Describe(progress, withEta: true));
    }

    [Fact]
    public void NoEtaForStandardInputAndThePassIsNamed()
    {
        var progress = new RunProgress(10, 1_000_000, -1, 10, 0, 0, TimeSpan.FromSeconds(2)) { Phase = "pass 2/2" };
        Assert.Equal("pass 2/2: 10 docs, 1.0 MB, 5 docs/s, 0.5 MB/s", ProgressReporter.Describe(progress, withEta: true));
    }
}
