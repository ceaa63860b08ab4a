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
    private static readonly string[] VersionWords = ["v", "ver", "version", "release", "build", "rev", "revision", "firmware", "python", "kernel"];
    private static readonly string[] IsbnWords = ["isbn", "isbn-10", "isbn-13", "issn", "doi", "arxiv", "pmid"];

    /// <summary>Reads the run at digit <paramref name="i"/>; returns its end (to resume after) and the match, if any.</summary>
    public static int Scan(ReadOnlySpan<char> text, int i, int floor, PiiKind kinds, out PiiSpan match)
    {
        match = default;
        Span<int> groups = stackalloc int[NumberRun.MaxGroups];
        var run = NumberRun.Read(text, i, groups);
        if (run.Start < floor)
        {
            return run.End;
        }

        // An address is tried first and alone: it may open the run ("(8.8.8.8)") or begin it ("8.8.8.8 10 times").
        if ((kinds & PiiKind.IpAddress) != 0 && Ipv4Span(text, run, out var ipStart, out var ipEnd, out var boundEnd))
        {
            if (Bounded(text, ipStart, boundEnd) && !PrecededByWord(text, ipStart, IsbnWords) && !PrecededByWord(text, ipStart, VersionWords))
            {
                match = new PiiSpan(PiiKind.IpAddress, ipStart, ipEnd - ipStart);
            }

            return ipEnd;
        }

        if (!Bounded(text, run.Start, run.End) || PrecededByWord(text, run.Start, IsbnWords))
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

    /// <summary>
    /// A dotted quad (0–255, no leading zeros) made of the run's first four groups: the whole run, its
    /// start when a space follows the fourth group, or an address with a CIDR prefix length ("8.8.8.0/24",
    /// the address alone redacted, the whole bounded in <paramref name="boundEnd"/>). A '(' opening the
    /// run is left out of the span.
    /// </summary>
    private static bool Ipv4Span(ReadOnlySpan<char> text, in NumberRun run, out int start, out int end, out int boundEnd)
    {
        start = run.OpenParen ? run.Start + 1 : run.Start;
        end = boundEnd = start;
        if (run.Plus || run.InnerParen || run.GroupCount < 4 || run.TooLong)
        {
            return false;
        }

        var p = start;
        for (var g = 0; g < 4; g++)
        {
            var len = run.Groups[g];
            if (len > 3 || (len > 1 && text[p] == '0') || int.Parse(text.Slice(p, len)) > 255)
            {
                return false;
            }

            p += len;
            if (g < 3 && text[p++] != '.')
            {
                return false;
            }
        }

        end = boundEnd = p;
        if (run.GroupCount == 4)
        {
            return true;
        }

        if (text[p] == '/' && run.GroupCount == 5 && run.Groups[4] <= 2 && int.Parse(text.Slice(p + 1, run.Groups[4])) <= 32)
        {
            boundEnd = run.End;
            return true;
        }

        return text[p] == ' ';
    }

    private static bool IsPhone(ReadOnlySpan<char> text, in NumberRun run)
    {
        if (run.Plus)
        {
            // E.164: at most 15 digits; 8 is the shortest plausible international number. Groups of
            // up to 8 digits: +44 7700 900123 (UK mobile), +49 30 12345678 (German subscriber).
            return run.Digits is >= 8 and <= 15 && (run.GroupCount == 1 || MaxGroup(run) <= 8) && !(run.Dots && (run.Spaces || run.Hyphens));
        }

        var first = text[run.OpenParen ? run.Start + 1 : run.Start];
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

    /// <summary>Whether text[start, end) stands alone: not glued to letters, a longer number, a price or a path.</summary>
    private static bool Bounded(ReadOnlySpan<char> text, int start, int end)
    {
        var before = CharClass.At(text, start - 1);
        if (CharClass.IsWordChar(before) || before is '@' or '$' or '€' or '£' or '¥' or '#' or '/' or '\\' or '=' or '&' or '?')
        {
            return false;
        }

        if (before is '.' or ',' or '-' or ':' or '+' && CharClass.IsDigit(text, start - 2))
        {
            return false;
        }

        var after = CharClass.At(text, end);
        if (CharClass.IsWordChar(after) || after is '@' or '%' or '€' or '$' or '£' or '/' or '\\' or '=')
        {
            return false;
        }

        return !(after is '.' or ',' or '-' && CharClass.IsDigit(text, end + 1));
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
