namespace Winnow.Synth.FromTexts;

/// <summary>
/// Splits a paragraph of real prose into sentences: a sentence ends at '.', '!', '?' or '…' (with
/// any closing quotes or brackets after it) followed by a blank and a capital, a digit or an
/// opening quote, unless the word before the full stop is a title or an initial ("Mr.", "J.").
/// </summary>
/// <remarks>Good enough to cut quotes and truncate copies at sentence ends; stateless and thread-safe.</remarks>
internal static class Sentences
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "st", "jr", "sr", "no", "vs", "prof", "gen", "gov", "sen", "rep", "rev", "inc", "co", "corp", "ltd", "mt", "ft", "e.g", "i.e", "etc", "u.s", "u.k",
    };

    /// <summary>The (start, end) char ranges of the sentences of <paramref name="paragraph"/>, end exclusive and trimmed.</summary>
    public static List<(int Start, int End)> Split(string paragraph)
    {
        var result = new List<(int, int)>();
        var start = Skip(paragraph, 0);
        for (var i = start; i < paragraph.Length; i++)
        {
            if (paragraph[i] is not ('.' or '!' or '?' or '…'))
            {
                continue;
            }

            var end = i + 1;
            while (end < paragraph.Length && paragraph[end] is '.' or '"' or '\'' or '”' or '’' or ')' or ']' or '»')
            {
                end++;
            }

            if (end >= paragraph.Length)
            {
                break;
            }

            if (!char.IsWhiteSpace(paragraph[end]))
            {
                continue;
            }

            var next = Skip(paragraph, end);
            if (next >= paragraph.Length || !StartsSentence(paragraph[next]) || (paragraph[i] == '.' && IsAbbreviation(paragraph, i)))
            {
                continue;
            }

            result.Add((start, end));
            start = next;
            i = next - 1;
        }

        var last = paragraph.Length;
        while (last > start && char.IsWhiteSpace(paragraph[last - 1]))
        {
            last--;
        }

        if (last > start)
        {
            result.Add((start, last));
        }

        return result;
    }

    private static int Skip(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static bool StartsSentence(char c) => char.IsUpper(c) || char.IsDigit(c) || c is '"' or '“' or '‘' or '\'' or '(' or '[' or '«' or '—';

    private static bool IsAbbreviation(string text, int period)
    {
        var start = period;
        while (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] == '.'))
        {
            start--;
        }

        var word = text.AsSpan(start, period - start);
        return word.Length == 1 || Abbreviations.Contains(word.ToString());
    }
}
