using System.Text.RegularExpressions;

namespace Winnow.Tests.Synth;

/// <summary>
/// The documented truth definition, written the slow obvious way (regex tokens, string shingles) so the
/// generator's hashed implementation is checked against something independent.
/// </summary>
internal static partial class ReferenceShingles
{
    public static string[] Tokens(string text) => WordRun().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToArray();

    public static HashSet<string> Shingles(string text)
    {
        var tokens = Tokens(text);
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i + 5 <= tokens.Length; i++)
        {
            set.Add(string.Join(' ', tokens, i, 5));
        }

        return set;
    }

    public static double Jaccard(string a, string b)
    {
        var x = Shingles(a);
        var y = Shingles(b);
        int union = x.Union(y).Count();
        return union == 0 ? 1.0 : (double)x.Intersect(y).Count() / union;
    }

    [GeneratedRegex(@"\w+")]
    private static partial Regex WordRun();
}
