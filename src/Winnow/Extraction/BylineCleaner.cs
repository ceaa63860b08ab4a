using System.Text.RegularExpressions;

namespace Winnow.Extraction;

/// <summary>
/// Reduces a byline as pages show it to the names: without a leading "By", "Posted by",
/// "Written by", "Par", "Por", "View all posts by" (and a "Posted on &lt;date&gt;" before them),
/// and without what follows a date, a time or a relative time ("on March 5, 2012 at 4:00 pm",
/// "| 11/06/2012", "3 hours ago", "Updated …"), trailing handles ("@jdoe"), counts and
/// separators. Null when no name is left (or over 200 characters), so that the next source is tried.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal static partial class BylineCleaner
{
    private const int MaxLength = 200;

    public static string? Clean(string? byline)
    {
        // Longer "bylines" are biographies or whole blocks, not names (and the patterns stay cheap).
        var text = MetadataReader.Clean(byline);
        if (text is null || text.Length > MaxLength)
        {
            return null;
        }

        text = LeadingDate().Replace(text, "");
        text = Prefix().Replace(text, "");
        var tail = TrailingDate().Match(text);
        if (tail.Success)
        {
            text = text[..tail.Index];
        }

        text = TrailingHandles().Replace(text, "");
        text = TrailingNoise().Replace(text, "");
        return text.Any(char.IsLetter) ? text : null;
    }

    // The date forms bylines carry: month names first or second (with an optional weekday and
    // ordinal), or all digits with / . - between them.
    private const string Date =
        @"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
        + @"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
        + @"|\d{1,2}(?:st|nd|rd|th|\.)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}"
        + @"|\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4})";

    // Separators and labels that may stand between the names and a trailing date.
    [GeneratedRegex(@"(?:[\s,|•·:;/—–-]*\b(?:posted|published|updated|last\s+updated|on|at)\b)*[\s,|•·:;/—–(-]*(?:" + Date
        + @"|\b\d{1,2}:\d{2}\b|\b\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\b|\bupdated\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingDate();

    // "Posted on March 5, 2012 by …", "November 6, 2012 by …".
    [GeneratedRegex(@"^[\s\W]*(?:(?:posted|published)\s+)?(?:on\s+)?" + Date + @"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)?[\s,|•·—–-]*(?=by\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingDate();

    [GeneratedRegex(@"^[\s\W]*(?:(?:posted|written|words|reported|story|text|article|published)\s+|(?:view\s+)?(?:all|more)\s+(?:posts|articles|stories)\s+|posted\s+in\s+.{1,40}?\s+)?(?:by|par|por)\b[\s:]*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Prefix();

    [GeneratedRegex(@"(?:[\s,|•·-]*(?:follow\s+)?@\w+)+\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingHandles();

    // Separators, arrows, a lone count ("Jane Doe 0" comments) and a dangling "Posted on".
    [GeneratedRegex(@"(?:\s+\d+|\s*\b(?:posted|published)(?:\s+on)?|[\s|•·,;:/→»›>—–-])*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingNoise();
}
