namespace Winnow.Pii;

/// <summary>
/// Classifies a run of digits as an IPv4 address, a payment card number or a phone number, or as
/// none of them. The guards against false positives are here: a run glued to letters, decimals,
/// currency signs or a longer number is nothing; dates (slashes, 8 digits), version numbers ("v"
/// or "version" before, more than four dotted groups), ISBNs ("ISBN" before, groups of one),
/// prices and coordinates (decimal commas and points) do not have the shape of a phone or an IP.
/// </summary>
internal static class NumberScanner
{
    private static readonly string[] s_versionWords = ["v", "ver", "version", "release", "build", "rev", "revision", "firmware", "python", "kernel"];
    private static readonly string[] s_isbnWords = ["isbn", "isbn-10", "isbn-13", "issn", "doi", "arxiv", "pmid"];

    /// <summary>Reads the run at digit <paramref name="i"/>; returns its end (to resume after) and the match, if any.</summary>
    public static int Scan(ReadOnlySpan<char> text, int i, int floor, PiiKind kinds, out PiiSpan match)
    {
        match = default;
        Span<int> groups = stackalloc int[NumberRun.MaxGroups];
        var run = NumberRun.Read(text, i, groups);
        if (run.Start < floor || !Bounded(text, run) || PrecededByWord(text, run.Start, s_isbnWords))
        {
            return run.End;
        }

        var kind = Classify(text, run, kinds);
        if (kind != PiiKind.None)
        {
            match = new PiiSpan(kind, run.Start, run.End - run.Start);
        }

        return run.End;
    }

    private static PiiKind Classify(ReadOnlySpan<char> text, in NumberRun run, PiiKind kinds)
    {
        if (run.TooLong || run.Slashes)
        {
            return PiiKind.None;
        }

        if ((kinds & PiiKind.IpAddress) != 0 && IsIpv4(text, run))
        {
            return PrecededByWord(text, run.Start, s_versionWords) ? PiiKind.None : PiiKind.IpAddress;
        }

        if (run.Dots && run.GroupCount >= 4 && !run.Spaces && !run.Hyphens)
        {
            return PiiKind.None; // 1.2.3.4.5, 10.0.0.256: versions and section numbers, not phones.
        }

        if ((kinds & PiiKind.CardNumber) != 0 && CardNumber.IsCard(text, run))
        {
            return PiiKind.CardNumber;
        }

        return (kinds & PiiKind.Phone) != 0 && IsPhone(text, run) ? PiiKind.Phone : PiiKind.None;
    }

    private static bool IsIpv4(ReadOnlySpan<char> text, in NumberRun run)
    {
        if (run.Plus || run.GroupCount != 4 || !run.OnlySeparator('.'))
        {
            return false;
        }

        var p = run.Start;
        for (var g = 0; g < 4; g++)
        {
            var len = run.Groups[g];
            if (len > 3 || (len > 1 && text[p] == '0') || int.Parse(text.Slice(p, len)) > 255)
            {
                return false;
            }

            p += len + 1;
        }

        return true;
    }

    private static bool IsPhone(ReadOnlySpan<char> text, in NumberRun run)
    {
        if (run.Plus)
        {
            // E.164: at most 15 digits; 8 is the shortest plausible international number. Groups of
            // up to 8 digits: +44 7700 900123 (UK mobile), +49 30 12345678 (German subscriber).
            return run.Digits is >= 8 and <= 15 && (run.GroupCount == 1 || MaxGroup(run) <= 8) && !(run.Dots && (run.Spaces || run.Hyphens));
        }

        var first = text[run.Parens ? run.Start + 1 : run.Start];
        var longestGroup = first == '0' && run.GroupCount == 2 ? 8 : 5; // 030 12345678: area code, then the subscriber
        if (run.Digits is < 10 or > 11 || run.GroupCount < 2 || MaxGroup(run) > longestGroup)
        {
            return false; // National numbers have 10-11 digits and are written in groups.
        }

        var mixed = (run.Spaces ? 1 : 0) + (run.Hyphens ? 1 : 0) + (run.Dots ? 1 : 0) > 1 && !run.Parens;
        if (mixed)
        {
            return false;
        }

        if (first == '0')
        {
            // Trunk prefix 0 (most of Europe, UK, Australia...): groups of 2 to 5.
            return MinGroup(run) >= 2;
        }

        // North American 3-3-4, optionally after a country code 1; plain spaces are too common in
        // ordinary lists of numbers, so hyphens, dots or parentheses are required.
        var nanp = run.Digits == 10 ? Shape(run, 3, 3, 4) : first == '1' && Shape(run, 1, 3, 3, 4);
        return nanp && (run.Parens || run.Hyphens || run.Dots);
    }

    private static bool Bounded(ReadOnlySpan<char> text, in NumberRun run)
    {
        var before = CharClass.At(text, run.Start - 1);
        if (CharClass.IsWordChar(before) || before is '@' or '$' or '€' or '£' or '¥' or '#' or '/' or '\\' or '=' or '&' or '?')
        {
            return false;
        }

        if (before is '.' or ',' or '-' or ':' or '+' && CharClass.IsDigit(text, run.Start - 2))
        {
            return false;
        }

        var after = CharClass.At(text, run.End);
        if (CharClass.IsWordChar(after) || after is '@' or '%' or '€' or '$' or '£' or '/' or '\\' or '=')
        {
            return false;
        }

        return !(after is '.' or ',' or '-' && CharClass.IsDigit(text, run.End + 1));
    }

    private static bool PrecededByWord(ReadOnlySpan<char> text, int start, string[] words) =>
        CharClass.PrecededByWord(text, start, words);

    private static int MaxGroup(in NumberRun run)
    {
        var max = 0;
        for (var g = 0; g < run.GroupCount; g++)
        {
            max = Math.Max(max, run.Groups[g]);
        }

        return max;
    }

    private static int MinGroup(in NumberRun run)
    {
        var min = int.MaxValue;
        for (var g = 0; g < run.GroupCount; g++)
        {
            min = Math.Min(min, run.Groups[g]);
        }

        return min;
    }

    private static bool Shape(in NumberRun run, params ReadOnlySpan<int> shape)
    {
        if (run.GroupCount != shape.Length)
        {
            return false;
        }

        for (var g = 0; g < shape.Length; g++)
        {
            if (run.Groups[g] != shape[g])
            {
                return false;
            }
        }

        return true;
    }
}
