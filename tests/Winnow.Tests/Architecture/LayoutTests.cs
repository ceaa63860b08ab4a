using System.Text.RegularExpressions;
using Winnow.Tests.Support;

namespace Winnow.Tests.Architecture;

/// <summary>The library's folders form layers: no folder uses another that uses it back.</summary>
public sealed partial class LayoutTests
{
    [Fact]
    public void NoFolderOfTheLibraryImportsOneThatImportsIt()
    {
        var root = Path.Combine(SharedData.RepoRoot, "src", "Winnow");
        var edges = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal) || !relative.Contains('/'))
            {
                continue;
            }

            var folder = relative[..relative.IndexOf('/')];
            var text = File.ReadAllText(file);

            // using directives, and names written out in full (Winnow.X.Type).
            foreach (var match in Using().Matches(text).Concat(Qualified().Matches(text)))
            {
                var used = match.Groups["folder"].Value;
                if (used != folder)
                {
                    (edges.TryGetValue(folder, out var set) ? set : edges[folder] = []).Add(used);
                }
            }
        }

        Assert.True(edges.Count >= 15, "the folders were found");
        foreach (var start in edges.Keys)
        {
            var cycle = FindCycle(start, start, edges, [start]);
            Assert.True(cycle is null, $"import cycle: {string.Join(" -> ", cycle ?? [])}");
        }
    }

    private static List<string>? FindCycle(string start, string at, Dictionary<string, HashSet<string>> edges, List<string> path)
    {
        foreach (var next in edges.GetValueOrDefault(at) ?? [])
        {
            if (next == start)
            {
                return [.. path, next];
            }

            if (!path.Contains(next) && FindCycle(start, next, edges, [.. path, next]) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^using (?:static )?Winnow\.(?<folder>\w+)", RegexOptions.Multiline)]
    private static partial Regex Using();

    [GeneratedRegex(@"\bWinnow\.(?<folder>[A-Z]\w*)\.[A-Z]")]
    private static partial Regex Qualified();
}
