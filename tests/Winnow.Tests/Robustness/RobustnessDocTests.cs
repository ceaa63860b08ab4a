using System.Reflection;
using System.Text.RegularExpressions;
using Winnow.Tests.Support;

namespace Winnow.Tests.Robustness;

/// <summary>docs/robustness.md's tables name the tests that keep each case true: every name must be a test.</summary>
public sealed partial class RobustnessDocTests
{
    [Fact]
    public void EveryCaseOfTheTableIsKeptTrueByTheTestItNames()
    {
        var doc = File.ReadAllText(Path.Combine(SharedData.RepoRoot, "docs", "robustness.md"));
        var cases = CaseRow().Matches(doc).ToList();
        Assert.True(cases.Count >= 60, $"{cases.Count} cases in the table; the issue asks at least 60");
        Assert.Equal(Enumerable.Range(1, cases.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), cases.Select(c => c.Groups["n"].Value));
        Assert.Equal(6, cases.Select(c => c.Groups["class"].Value).Distinct().Count());

        var tests = typeof(RobustnessDocTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods().Where(m => m.GetCustomAttributes<FactAttribute>(inherit: true).Any()).Select(m => $"{t.Name}.{m.Name}"))
            .ToHashSet(StringComparer.Ordinal);
        foreach (Match row in TestName().Matches(doc))
        {
            var name = row.Groups["test"].Value;
            Assert.True(name.EndsWith(".*", StringComparison.Ordinal) ? tests.Any(t => t.StartsWith(name[..^1], StringComparison.Ordinal)) : tests.Contains(name), $"docs/robustness.md names {name}, which is no test");
        }
    }

    [GeneratedRegex(@"^\| (?<n>\d+) \| (?<class>hang|crash|loss|destroy|wrong|unclear) \|", RegexOptions.Multiline)]
    private static partial Regex CaseRow();

    [GeneratedRegex(@"\| `(?<test>[A-Z][A-Za-z0-9]+Tests\.(?:[A-Z][A-Za-z0-9]+|\*))` \|")]
    private static partial Regex TestName();
}
