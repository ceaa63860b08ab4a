using System.Text;

namespace Winnow.Synth.FromTexts;

/// <summary>
/// The edits republishing sites and quoting authors make to text they take: another quote style,
/// typing errors, lines re-wrapped to a fixed width, a Markdown link laid over a phrase.
/// </summary>
/// <remarks>Stateless; every random choice comes from the caller's <see cref="SynthRng"/>.</remarks>
internal static class TypographicEdits
{
    // Neighbours on a QWERTY keyboard, for substitution typos.
    private static readonly string[] Neighbours =
    [
        "qwsz", "vghn", "xdfv", "serfcx", "wsdr", "drtgvc", "ftyhbv", "gyujnb", "ujko", "huikmn", "jiolm", "kop", "njk",
        "bhjm", "iklp", "ol", "wa", "edft", "awedxz", "rfgy", "yhji", "cfgb", "qase", "zsdc", "tghu", "asx",
    ];

    /// <summary>Quote styles a site converts text to.</summary>
    public enum QuoteStyle
    {
        /// <summary>ASCII: " and ', "--" for dashes, "..." for the ellipsis.</summary>
        Straight,

        /// <summary>Typographic “ ” ‘ ’.</summary>
        Curly,

        /// <summary>« » for double quotes, ’ for apostrophes.</summary>
        Guillemets,
    }

    public static string ChangeQuotes(string text, QuoteStyle style)
    {
        var s = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var opening = i == 0 || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '(' or '[' or '—';
            switch (c)
            {
                case '"' or '“' or '”' or '„' or '«' or '»':
                    s.Append(style switch
                    {
                        QuoteStyle.Straight => "\"",
                        QuoteStyle.Curly => opening ? "“" : "”",
                        _ => opening ? "«" : "»",
                    });
                    break;
                case '\'' or '‘' or '’':
                    s.Append(style == QuoteStyle.Straight ? '\'' : opening ? '‘' : '’');
                    break;
                case '—' when style == QuoteStyle.Straight:
                    s.Append("--");
                    break;
                case '…' when style == QuoteStyle.Straight:
                    s.Append("...");
                    break;
                default:
                    s.Append(c);
                    break;
            }
        }

        return s.ToString();
    }

    /// <summary>Typing errors in about <paramref name="rate"/> of the words of three letters or more; returns how many were made.</summary>
    public static string Typos(string text, double rate, ref SynthRng rng, out int made)
    {
        made = 0;
        var s = new StringBuilder(text.Length + 16);
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                s.Append(text[i++]);
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetter(text[i]))
            {
                i++;
            }

            var word = text.AsSpan(start, i - start);
            if (word.Length >= 3 && rng.Chance(rate))
            {
                s.Append(Mistype(word, ref rng));
                made++;
            }
            else
            {
                s.Append(word);
            }
        }

        return s.ToString();
    }

    /// <summary>The paragraph's words on lines of at most <paramref name="width"/> chars (a longer word has a line of its own).</summary>
    public static string Rewrap(string paragraph, int width)
    {
        var s = new StringBuilder(paragraph.Length + 8);
        var line = 0;
        foreach (var word in paragraph.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (line > 0 && line + 1 + word.Length > width)
            {
                s.Append('\n');
                line = 0;
            }
            else if (line > 0)
            {
                s.Append(' ');
                line++;
            }

            s.Append(word);
            line += word.Length;
        }

        return s.ToString();
    }

    /// <summary>
    /// Lays a Markdown link over a phrase of 2–4 words inside <paramref name="text"/> (not its first
    /// or last words): <c>[the phrase](https://host/path)</c>. Unchanged when the text is too short.
    /// </summary>
    public static string LinkPhrase(string text, string host, ref SynthRng rng)
    {
        var words = new List<(int Start, int End)>();
        for (var i = 0; i < text.Length;)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            words.Add((start, i));
        }

        var length = rng.Between(2, 4);
        if (words.Count < length + 4)
        {
            return text;
        }

        var first = rng.Between(2, words.Count - length - 2);
        var (from, to) = (words[first].Start, words[first + length - 1].End);
        // Keep the punctuation after the phrase outside the link, as writers do.
        while (to > from + 1 && char.IsPunctuation(text[to - 1]))
        {
            to--;
        }

        var slug = string.Concat(text.AsSpan(from, to - from).ToString().ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(24));
        return $"{text[..from]}[{text[from..to]}](https://{host}/{slug}){text[to..]}";
    }

    private static string Mistype(ReadOnlySpan<char> word, ref SynthRng rng)
    {
        var chars = word.ToArray();
        var at = rng.Between(1, chars.Length - 2);
        switch (rng.NextInt(4))
        {
            case 0:
                (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                if (chars[at] == chars[at + 1])
                {
                    goto case 1;
                }

                return new string(chars);
            case 1:
                return string.Concat(word[..at], word[(at + 1)..]);
            case 2:
                return string.Concat(word[..(at + 1)], word[at..]);
            default:
                var lower = char.ToLowerInvariant(chars[at]);
                if (lower is >= 'a' and <= 'z')
                {
                    var options = Neighbours[lower - 'a'];
                    chars[at] = options[rng.NextInt(options.Length)];
                    return new string(chars);
                }

                goto case 1;
        }
    }
}
