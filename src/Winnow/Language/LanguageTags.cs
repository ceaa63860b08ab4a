using System.Globalization;

namespace Winnow.Language;

/// <summary>
/// BCP 47 language tags (RFC 5646): normalising what pages and run files write ("en_us", "ZH-hant",
/// "zh-TW") to the canonical form ("en-US", "zh-Hant", "zh-Hant"), rejecting what is not a language tag
/// ("UTF-8", "english", "x-default"), and matching a detected language against a wanted one.
/// </summary>
/// <remarks>Stateless, thread-safe.</remarks>
public static class LanguageTags
{
    // ISO 639-1: every two-letter language code.
    private static readonly HashSet<string> TwoLetter =
    [
        "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bh", "bi", "bm", "bn", "bo", "br", "bs",
        "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da", "de", "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff",
        "fi", "fj", "fo", "fr", "fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz", "ia", "id",
        "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj", "kk", "kl", "km", "kn", "ko", "kr", "ks", "ku",
        "kv", "kw", "ky", "la", "lb", "lg", "li", "ln", "lo", "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my",
        "na", "nb", "nd", "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi", "pl", "ps", "pt", "qu",
        "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk", "sl", "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv",
        "sw", "ta", "te", "tg", "th", "ti", "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo",
        "wa", "wo", "xh", "yi", "yo", "za", "zh", "zu", "iw", "in", "ji",
    ];

    /// <summary>
    /// The canonical form of <paramref name="tag"/> ('_' read as '-'; language lower case, script title
    /// case, region upper case; Chinese regions become scripts: zh-CN, zh-SG → zh-Hans, zh-TW, zh-HK,
    /// zh-MO → zh-Hant), or null when it is not a language tag: its first subtag must be an ISO 639 code
    /// (two letters, or three that the platform or <paramref name="alsoKnown"/> knows).
    /// </summary>
    public static string? Normalize(string? tag, IReadOnlyCollection<string>? alsoKnown = null)
    {
        // The structure and the ISO 639 codes are RFC 5646's (LanguageTag); a three-letter code only
        // a language profile knows is let through too, so that a run file may name any profile.
        var normalized = LanguageTag.Normalize(tag);
        if (normalized is null && tag?.Trim().Replace('_', '-').Split('-') is [var primary, ..] && primary.Length == 3
            && IsLanguage(primary.ToLowerInvariant(), alsoKnown))
        {
            // The rest of the tag is checked as it would be after any valid code ("en").
            normalized = LanguageTag.Normalize("en" + tag.Trim()[3..]) is { } rest ? primary.ToLowerInvariant() + rest[2..] : null;
        }

        if (normalized is null)
        {
            return null;
        }

        var parts = normalized.Split('-');
        if (parts[0] == "zh" && parts.Length >= 2 && parts[1] is "CN" or "SG" or "TW" or "HK" or "MO")
        {
            // Chinese regions stand for scripts: what a detector tells apart.
            parts[1] = parts[1] is "CN" or "SG" ? "Hans" : "Hant";
        }

        return string.Join('-', parts);
    }

    /// <summary>
    /// True when <paramref name="detected"/> and <paramref name="wanted"/> (both canonical) name the same
    /// language as far as both say: equal, or one a prefix of the other by subtags ("zh" matches "zh-Hans"
    /// and "zh-Hant"; "en-US" matches "en"; "zh-Hans" does not match "zh-Hant").
    /// </summary>
    public static bool Matches(string detected, string wanted) =>
        detected.Equals(wanted, StringComparison.OrdinalIgnoreCase)
        || (detected.Length > wanted.Length && detected[wanted.Length] == '-' && detected.StartsWith(wanted, StringComparison.OrdinalIgnoreCase))
        || (wanted.Length > detected.Length && wanted[detected.Length] == '-' && wanted.StartsWith(detected, StringComparison.OrdinalIgnoreCase));

    private static bool IsLanguage(string language, IReadOnlyCollection<string>? alsoKnown)
    {
        if (!language.All(char.IsAsciiLetterLower))
        {
            return false;
        }

        if (language.Length == 2)
        {
            return TwoLetter.Contains(language);
        }

        if (language.Length != 3)
        {
            return false;
        }

        if (alsoKnown is not null && alsoKnown.Any(k => k.StartsWith(language, StringComparison.OrdinalIgnoreCase) && (k.Length == 3 || k[3] == '-')))
        {
            return true;
        }

        try
        {
            var culture = CultureInfo.GetCultureInfo(language, predefinedOnly: true);
            return culture.ThreeLetterISOLanguageName == language || culture.TwoLetterISOLanguageName == language;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}
