using CsCheck;
using Winnow.Tests.Support;

namespace Winnow.Tests.Robustness;

/// <summary>The property tests' cases are the same on every run, and many, not one case again and again.</summary>
public sealed class FixedCasesTests
{
    [Fact]
    public void EveryRunDrawsTheSameCases()
    {
        if (Environment.GetEnvironmentVariable("WINNOW_FUZZ_SEED") is { Length: > 0 })
        {
            return; // exploring: the cases are random by request
        }

        List<string> Draw()
        {
            var seen = new List<string>();
            HostileGen.Text.SampleFixed(seen.Add, HostileGen.Seed, 50);
            return seen;
        }

        var first = Draw();
        Assert.Equal(first, Draw());
        Assert.Equal(50, first.Count);
        Assert.True(first.Distinct().Count() > 40, "the cases repeat");
    }

    [Fact]
    public void AFailingCaseIsReportedWithItsSeed()
    {
        if (Environment.GetEnvironmentVariable("WINNOW_FUZZ_SEED") is { Length: > 0 })
        {
            return;
        }

        var error = Assert.Throws<CsCheckException>(() => Gen.Int[0, 1000].SampleFixed(i => Assert.True(i < 900), HostileGen.Seed, 1000));
        Assert.Contains("seed", error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
