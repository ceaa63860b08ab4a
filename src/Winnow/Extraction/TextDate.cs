using System.Globalization;
using System.Text.RegularExpressions;

namespace Winnow.Extraction;

/// <summary>
/// The first calendar date written in a run of text, as yyyy-MM-dd: month names in English,
/// French, German, Spanish, Portuguese, Italian and Dutch, before or after the day ("Monday,
/// July 23rd, 2012", "23 July 2012", "1 de diciembre de 2017", "Nov. 6, 2012"), or digits
/// (2012-07-23, 2012/7/23, 07/23/2012, 23.07.2012, 11.05.12). For day and month both in 1–12,
/// the order follows the separator and the page's language: slashes and hyphens, and dots on
/// English pages, put the month first (as in the US); dots on other pages put the day first,
/// and on a page of unknown language such a dotted date is no date. Two-digit years are
/// 2000–2049 or 1950–1999. Years outside 1990–2100 are no date.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal static partial class TextDate
{
    private static readonly Dictionary<string, int> Months = BuildMonths();

    /// <summary>The first date in <paramref name="text"/>, or null.</summary>
    /// <param name="text">The text to search.</param>
    /// <param name="englishPage">Whether the page is in English (dotted digits then read month first); null when unknown.</param>
    public static string? Find(ReadOnlySpan<char> text, bool? englishPage = null)
    {
        foreach (var m in Expression().EnumerateMatches(text))
        {
            if (Parse(text.Slice(m.Index, m.Length).ToString(), englishPage) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    /// <summary>
    /// The date of a date line: a run of text that is a date with at most a label, a time, a
    /// time zone and a short name around it, or a news dateline opening a story ("Feb. 23, 2015 --
    /// …"); null for a date inside a sentence.
    /// </summary>
    public static string? FindLine(ReadOnlySpan<char> text, bool? englishPage = null)
    {
        foreach (var m in Expression().EnumerateMatches(text))
        {
            if (Parse(text.Slice(m.Index, m.Length).ToString(), englishPage) is not { } date)
            {
                continue;
            }

            // A news dateline opens the story: "Feb. 23, 2015 -- The first sentence…".
            if (m.Index == 0 && Dateline().IsMatch(text[m.Length..]))
            {
                return date;
            }

            var rest = string.Concat(text[..m.Index], " ", text[(m.Index + m.Length)..]);
            return LetterCount(LineWords().Replace(rest, " ")) <= MaxOtherLetters ? date : null;
        }

        return null;
    }

    /// <summary>
    /// A date written with weekday, month and day but no year ("Monday July 23"), placed in the
    /// latest of <paramref name="latestYear"/> and the six years before it whose calendar puts
    /// that day on that weekday; null when none does or the text has no such date.
    /// </summary>
    public static string? FindWithoutYear(ReadOnlySpan<char> text, int latestYear)
    {
        foreach (var m in WeekdayMonthDay().EnumerateMatches(text))
        {
            var g = WeekdayMonthDay().Match(text.Slice(m.Index, m.Length).ToString()).Groups;
            if (!Months.TryGetValue(g["month"].Value.ToLowerInvariant().TrimEnd('.'), out var month)
                || !Weekdays.TryGetValue(g["weekday"].Value.ToLowerInvariant()[..3], out var weekday))
            {
                continue;
            }

            var day = int.Parse(g["day"].Value, CultureInfo.InvariantCulture);
            for (var year = latestYear; year >= latestYear - 6 && year >= 1990; year--)
            {
                if (day <= DateTime.DaysInMonth(year, month) && new DateTime(year, month, day).DayOfWeek == weekday)
                {
                    return $"{year:D4}-{month:D2}-{day:D2}";
                }
            }
        }

        return null;
    }

    private static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.Ordinal)
    {
        ["mon"] = DayOfWeek.Monday,
        ["tue"] = DayOfWeek.Tuesday,
        ["wed"] = DayOfWeek.Wednesday,
        ["thu"] = DayOfWeek.Thursday,
        ["fri"] = DayOfWeek.Friday,
        ["sat"] = DayOfWeek.Saturday,
        ["sun"] = DayOfWeek.Sunday,
    };

    [GeneratedRegex(@"\b(?<weekday>(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?)\.?,?\s+(?<month>[a-z]{3,9}\.?)\s+(?<day>\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s*\d)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WeekdayMonthDay();

    // Letters a date line may hold besides its label words: a name ("by Jane Doe on").
    private const int MaxOtherLetters = 24;

    [GeneratedRegex(@"^\s*(?:--|—|–)\s")]
    private static partial Regex Dateline();

    private static int LetterCount(string s) => s.Count(char.IsLetter);

    private static string? Parse(string s, bool? englishPage)
    {
        var m = Expression().Match(s);
        int year, month, day;
        if (m.Groups["mname"].Success)
        {
            if (!Months.TryGetValue(m.Groups["mname"].Value.ToLowerInvariant().TrimEnd('.'), out month))
            {
                return null;
            }

            day = int.Parse(m.Groups["d1"].Success ? m.Groups["d1"].Value : m.Groups["d2"].Value, CultureInfo.InvariantCulture);
            year = int.Parse(m.Groups["y1"].Success ? m.Groups["y1"].Value : m.Groups["y2"].Value, CultureInfo.InvariantCulture);
        }
        else if (m.Groups["iy"].Success)
        {
            year = int.Parse(m.Groups["iy"].Value, CultureInfo.InvariantCulture);
            month = int.Parse(m.Groups["im"].Value, CultureInfo.InvariantCulture);
            day = int.Parse(m.Groups["id"].Value, CultureInfo.InvariantCulture);
        }
        else
        {
            var a = int.Parse(m.Groups["a"].Value, CultureInfo.InvariantCulture);
            var b = int.Parse(m.Groups["b"].Value, CultureInfo.InvariantCulture);
            var y = m.Groups["y"].Value;
            year = y.Length == 4 ? int.Parse(y, CultureInfo.InvariantCulture) : TwoDigitYear(int.Parse(y, CultureInfo.InvariantCulture));
            var dotted = m.Groups["sep"].Value == ".";
            if (dotted && englishPage is null && a <= 12 && b <= 12)
            {
                return null;
            }

            var monthFirst = b > 12 || (a <= 12 && (!dotted || englishPage == true));
            (month, day) = monthFirst ? (a, b) : (b, a);
        }

        return year is >= 1990 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? $"{year:D4}-{month:D2}-{day:D2}"
            : null;
    }

    private static int TwoDigitYear(int yy) => yy < 50 ? 2000 + yy : 1900 + yy;

    private static Dictionary<string, int> BuildMonths()
    {
        // One line a month: English, French, German, Spanish, Portuguese, Italian, Dutch names and
        // the abbreviations pages use ("sept", "dez", "mär").
        string[] names =
        [
            "january jan janvier janv januar jänner enero ene janeiro gennaio gen januari",
            "february feb février fevrier févr fevr februar febrero fevereiro fev febbraio februari",
            "march mar mars märz maerz mär marzo março marco maart mrt",
            "april apr avril avr abril abr aprile",
            "may mai mayo maio maggio mag mei",
            "june jun juin juni junio junho giugno",
            "july jul juillet juil juli julio julho luglio lug",
            "august aug août aout agosto ago augustus",
            "september sep sept septembre septiembre setembro settembre set",
            "october oct octobre oktober okt octubre outubro ottobre ott",
            "november nov novembre noviembre novembro",
            "december dec décembre decembre déc dezember dez diciembre dic dezembro dicembre",
        ];
        var months = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            foreach (var name in names[i].Split(' '))
            {
                months[name] = i + 1;
            }
        }

        return months;
    }

    [GeneratedRegex(@"\b(?:posted|published|updated|last|date|on|at|by|in|am|pm|a\.m|p\.m|[ecmp][sd]?t|utc|gmt|bst|cet|cest|ist|jst|"
        + @"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LineWords();

    private const string MonthName = @"(?<mname>[a-zA-Zàâäçéèêëîïôöûüñ]{3,10}\.?)";

    // The backreferences match separators case-sensitively ((?-i:…); they have no case): the
    // source generator cannot compile case-insensitive backreferences and would leave the
    // expression to the interpreter.
    [GeneratedRegex(
        @"(?<!\w)(?:"
        + MonthName + @"\s+(?<d1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y1>(?:19|20)\d{2})(?!\d)"
        + @"|(?<d2>\d{1,2})(?:st|nd|rd|th|er|\.|º)?\s*(?:of\s+|de\s+)?" + MonthName + @",?\s+(?:de\s+)?(?<y2>(?:19|20)\d{2})(?!\d)"
        + @"|(?<iy>(?:19|20)\d{2})(?<isep>[-/.])(?<im>\d{1,2})(?-i:\k<isep>)(?<id>\d{1,2})(?!\d)"
        + @"|(?<a>\d{1,2})(?<sep>[-/.])(?<b>\d{1,2})(?-i:\k<sep>)(?<y>(?:19|20)\d{2}|\d{2})(?![\d.])"
        + @")",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Expression();
}
