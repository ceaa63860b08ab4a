using Winnow.Text;

namespace Winnow.Boilerplate;

/// <summary>
/// Cuts a text into paragraphs (blocks separated by blank lines) and, for paragraphs of several
/// lines, also into lines; each unit is hashed over its <see cref="WordTokenizer"/> words.
/// </summary>
/// <remarks>
/// Hashing words rather than characters is the normalization: case, whitespace, punctuation,
/// quote and apostrophe styles, Markdown markup, link targets and bare URLs do not reach the hash.
/// Stateless and thread-safe.
/// </remarks>
internal static class TextUnits
{
    public static void Split(string text, int minWords, List<TextUnit> units, List<WordToken> scratch)
    {
        var paragraph = 0;
        var lineStart = 0;
        var paraStart = -1;
        var paraLines = 0;
        var paraEnd = 0;
        var firstUnitOfParagraph = units.Count;
        while (lineStart <= text.Length)
        {
            var newline = text.IndexOf('\n', lineStart);
            var lineEnd = newline < 0 ? text.Length : newline;
            var (s, e) = Trim(text, lineStart, lineEnd);
            if (s < e)
            {
                if (paraStart < 0)
                {
                    paraStart = s;
                    paraLines = 0;
                    firstUnitOfParagraph = units.Count;
                }

                paraLines++;
                paraEnd = e;
                Add(text, s, e, true, paragraph, minWords, units, scratch);
            }
            else if (paraStart >= 0)
            {
                CloseParagraph(text, paraStart, paraEnd, paraLines, paragraph++, firstUnitOfParagraph, minWords, units, scratch);
                paraStart = -1;
            }

            if (newline < 0)
            {
                break;
            }

            lineStart = newline + 1;
        }

        if (paraStart >= 0)
        {
            CloseParagraph(text, paraStart, paraEnd, paraLines, paragraph, firstUnitOfParagraph, minWords, units, scratch);
        }
    }

    private static void CloseParagraph(string text, int start, int end, int lines, int paragraph, int firstUnit, int minWords, List<TextUnit> units, List<WordToken> scratch)
    {
        if (lines == 1)
        {
            // A one-line paragraph is one unit: drop its line entry and add it as the paragraph.
            if (units.Count > firstUnit)
            {
                units.RemoveAt(units.Count - 1);
            }
        }

        Add(text, start, end, false, paragraph, minWords, units, scratch);
    }

    private static void Add(string text, int start, int end, bool isLine, int paragraph, int minWords, List<TextUnit> units, List<WordToken> scratch)
    {
        scratch.Clear();
        WordTokenizer.Tokenize(text, scratch, start, end);
        if (scratch.Count < Math.Max(1, minWords))
        {
            return;
        }

        var hash = 0x9E3779B97F4A7C15UL ^ (ulong)scratch.Count;
        foreach (var word in scratch)
        {
            hash = WordTokenizer.Mix(hash ^ word.Hash) + 0x632BE59BD9B4E019UL;
        }

        units.Add(new TextUnit(start, end, hash, scratch.Count, isLine, paragraph));
    }

    private static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return (start, end);
    }
}
