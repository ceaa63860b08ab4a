using System.Globalization;
using Winnow.Hashing;

namespace Winnow.Text;

/// <summary>
/// Splits text into words for reuse detection and boilerplate counting, so that copies of a
/// passage that differ in case, punctuation, quote and apostrophe styles, Markdown link syntax
/// or bare URLs give the same word sequence.
/// </summary>
/// <remarks>
/// A word is a run of letters, digits and combining marks; everything else separates words, so
/// quotes, dashes, <c>**</c>, <c>#</c> and the brackets of <c>[text](url)</c> vanish. Also
/// skipped: the target of a Markdown link (<c>](…)</c>), and any non-blank run that looks like a
/// URL, e-mail address or domain name (<c>http://…</c>, <c>www.…</c>, <c>a@b.c</c>,
/// <c>example.org</c>): extractors often keep or drop those depending on the page, so they are
/// not evidence of reuse either way. Stateless and thread-safe.
/// </remarks>
internal static class WordTokenizer
{
    private const ulong Prime = 0x100000001B3;
    private const ulong Basis = 0xCBF29CE484222325;

    /// <summary>Appends the words of <paramref name="text"/>[from, to) to <paramref name="words"/>.</summary>
    public static void Tokenize(ReadOnlySpan<char> text, List<WordToken> words, int from = 0, int to = -1)
    {
        if (to < 0)
        {
            to = text.Length;
        }

        var i = from;
        while (i < to)
        {
            var c = text[i];
            if (c == ']' && i + 1 < to && text[i + 1] == '(')
            {
                i = SkipLinkTarget(text, i + 2, to);
                continue;
            }

            if (!IsWordChar(c))
            {
                i++;
                continue;
            }

            if (IsRunStart(text, i, from))
            {
                var runEnd = RunEnd(text, i, to);
                if (LooksLikeAddress(text[i..runEnd]))
                {
                    i = runEnd;
                    continue;
                }
            }

            var start = i;
            var hash = Basis;
            while (i < to && IsWordChar(text[i]))
            {
                hash = (hash ^ char.ToLowerInvariant(text[i])) * Prime;
                i++;
            }

            words.Add(new WordToken(start, i, Mix(hash)));
        }
    }

    internal static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    // Final avalanche (from xxHash) so that nearby FNV states spread over all 64 bits.
    internal static ulong Mix(ulong h) => Avalanche.XxHash64(h);

    private static int SkipLinkTarget(ReadOnlySpan<char> text, int i, int to)
    {
        // A URL has no blanks: stop at the closing parenthesis or at the first blank.
        while (i < to && text[i] != ')' && !char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i < to && text[i] == ')' ? i + 1 : i;
    }

    private static bool IsRunStart(ReadOnlySpan<char> text, int i, int from) =>
        i == from || IsRunBoundary(text[i - 1]);

    private static bool IsRunBoundary(char c) =>
        char.IsWhiteSpace(c) || c is '(' or ')' or '[' or ']' or '<' or '>' or '"' or '\'' or '\u2018' or '\u2019' or '\u201C' or '\u201D' or '\u00AB' or '\u00BB' or '*' or '_' or '|';

    private static int RunEnd(ReadOnlySpan<char> text, int i, int to)
    {
        while (i < to && !IsRunBoundary(text[i]))
        {
            i++;
        }

        return i;
    }

    private static bool LooksLikeAddress(ReadOnlySpan<char> run)
    {
        run = run.TrimEnd(".,;:!?");
        if (run.Contains("://", StringComparison.Ordinal) || run.Contains('@') || run.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            return run.Length > 4;
        }

        return LooksLikeDomain(run);
    }

    // "example.org", "news.bbc.co.uk/path": at least two labels, the first of two chars or more
    // (so "U.S." and "e.g." stay words), and a last label of 2–24 letters.
    private static bool LooksLikeDomain(ReadOnlySpan<char> run)
    {
        var slash = run.IndexOf('/');
        var host = slash >= 0 ? run[..slash] : run;
        var lastDot = host.LastIndexOf('.');
        var firstDot = host.IndexOf('.');
        if (firstDot < 2 || lastDot == host.Length - 1)
        {
            return false;
        }

        var tld = host[(lastDot + 1)..];
        if (tld.Length is < 2 or > 24)
        {
            return false;
        }

        foreach (var c in tld)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        foreach (var c in host)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
