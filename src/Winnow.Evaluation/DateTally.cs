namespace Winnow.Evaluation;

/// <summary>
/// Date accuracy against an annotation: of the pages that state a date, how many got one (found)
/// and how many got that calendar day (exact); of those that state none, how many got one anyway.
/// </summary>
internal sealed class DateTally
{
    public int Dated { get; private set; }

    public int Found { get; private set; }

    public int Exact { get; private set; }

    public int Undated { get; private set; }

    public int FalseDates { get; private set; }

    /// <summary>Counts one page; returns whether the answer was right (the day, or no date for none).</summary>
    public bool Add(string? expected, string? actual)
    {
        var found = !string.IsNullOrWhiteSpace(actual);
        if (expected is null)
        {
            Undated++;
            FalseDates += found ? 1 : 0;
            return !found;
        }

        Dated++;
        Found += found ? 1 : 0;
        var exact = found && MetadataMatch.SameDay(expected, actual!);
        Exact += exact ? 1 : 0;
        return exact;
    }

    public override string ToString() =>
        $"found {Found}/{Dated} = {Percent(Found, Dated)}, exact {Exact}/{Dated} = {Percent(Exact, Dated)}, date on an undated page {FalseDates}/{Undated}";

    private static string Percent(int n, int d) => d == 0 ? "-" : $"{100.0 * n / d:F1} %";
}
