using System.Collections.Frozen;
using System.Text;

namespace Winnow.Language;

/// <summary>
/// Validates and normalises the language a page declares (html lang, og:locale, Content-Language):
/// a well-formed BCP 47 tag (RFC 5646 §2.1: language, optional extlang, script, region, variants,
/// extensions, private use) whose primary subtag is an ISO 639 code. Case is normalised as §2.1.1
/// recommends (en-US, zh-Hant-TW), underscores become hyphens (en_US, as locales are often
/// written), a three-letter code with a two-letter equivalent becomes it (eng → en, ger → de) and
/// the withdrawn iw, in, ji, jw, mo become he, id, yi, jv, ro. Anything else ("UTF-8", "x",
/// "english", "und") is not a language.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal static partial class LanguageTag
{
    private static readonly FrozenSet<string> TwoLetter = Words(TwoLetterCodes).ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> ThreeLetter = Words(ThreeLetterCodes).ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> ToTwoLetter = Words(ThreeToTwoLetter)
        .Select(w => KeyValuePair.Create(w[..3], w[3..]))
        .Concat([KeyValuePair.Create("iw", "he"), KeyValuePair.Create("in", "id"), KeyValuePair.Create("ji", "yi"),
            KeyValuePair.Create("jw", "jv"), KeyValuePair.Create("mo", "ro")])
        .ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The normalised tag, or null when <paramref name="raw"/> is not a valid language tag.</summary>
    public static string? Normalize(string? raw)
    {
        var text = raw?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 64)
        {
            return null;
        }

        var subtags = text.Replace('_', '-').Split('-');
        var language = subtags[0].ToLowerInvariant();
        if (!IsAlpha(language) || !(language.Length is 2 or 3))
        {
            return null;
        }

        language = ToTwoLetter.GetValueOrDefault(language, language);
        if (!(language.Length == 2 ? TwoLetter.Contains(language) : ThreeLetter.Contains(language)))
        {
            return null;
        }

        var tag = new StringBuilder(language);
        var i = 1;

        // Up to three extended language subtags (zh-yue), then script, region, variants.
        for (var n = 0; n < 3 && i < subtags.Length && subtags[i].Length == 3 && IsAlpha(subtags[i]); n++, i++)
        {
            tag.Append('-').Append(subtags[i].ToLowerInvariant());
        }

        if (i < subtags.Length && subtags[i].Length == 4 && IsAlpha(subtags[i]))
        {
            tag.Append('-').Append(char.ToUpperInvariant(subtags[i][0])).Append(subtags[i][1..].ToLowerInvariant());
            i++;
        }

        if (i < subtags.Length && ((subtags[i].Length == 2 && IsAlpha(subtags[i])) || (subtags[i].Length == 3 && subtags[i].All(char.IsAsciiDigit))))
        {
            tag.Append('-').Append(subtags[i].ToUpperInvariant());
            i++;
        }

        while (i < subtags.Length && IsVariant(subtags[i]))
        {
            tag.Append('-').Append(subtags[i++].ToLowerInvariant());
        }

        // Extensions and private use: a singleton, then one or more subtags of 2-8 (private use 1-8) characters.
        while (i < subtags.Length && subtags[i].Length == 1 && char.IsAsciiLetterOrDigit(subtags[i][0]))
        {
            var privateUse = subtags[i] is "x" or "X";
            var shortest = privateUse ? 1 : 2;
            var start = i++;
            while (i < subtags.Length && IsAlphanumeric(subtags[i]) && subtags[i].Length >= shortest && subtags[i].Length <= 8)
            {
                i++;
            }

            if (i == start + 1)
            {
                return null;
            }

            for (var k = start; k < i; k++)
            {
                tag.Append('-').Append(subtags[k].ToLowerInvariant());
            }

            if (privateUse)
            {
                break;
            }
        }

        return i == subtags.Length ? tag.ToString() : null;
    }

    private static bool IsVariant(string s) =>
        IsAlphanumeric(s) && (s.Length is >= 5 and <= 8 || (s.Length == 4 && char.IsAsciiDigit(s[0])));

    private static bool IsAlpha(string s) => s.Length > 0 && s.All(char.IsAsciiLetter);

    private static bool IsAlphanumeric(string s) => s.Length > 0 && s.All(char.IsAsciiLetterOrDigit);

    private static string[] Words(string list) => list.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
