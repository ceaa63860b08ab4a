using System.Text;
using System.Text.RegularExpressions;

namespace Winnow.Readers;

/// <summary>
/// Matches relative paths against a glob: "*" within a segment, "**" across segments, "?" one
/// character. A pattern without '/' matches the file name alone.
/// </summary>
internal sealed class GlobMatcher
{
    private readonly Regex _regex;
    private readonly bool _nameOnly;

    public GlobMatcher(string pattern)
    {
        _nameOnly = !pattern.Contains('/');
        var sb = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                // "**/" also matches no folder at all.
                var slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                sb.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else
            {
                sb.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(c.ToString()),
                });
            }
        }

        sb.Append('$');
        _regex = new Regex(sb.ToString(), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
    }

    public bool IsMatch(string relativePath) =>
        _regex.IsMatch(_nameOnly ? relativePath[(relativePath.LastIndexOf('/') + 1)..] : relativePath);
}
